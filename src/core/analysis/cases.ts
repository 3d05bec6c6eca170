// Case files: what an investigator takes to the filing desk, opened from one or more series.
// Ids are CASE-<year>-<sequence in that year> (CASE-2026-0001). A case keeps the series ids it was
// given; a relink that merges a series away records where it went (series.merged_into), and the
// case shows the series as they are now, so cases survive relinks. Every change is audited
// (notes by id only: their text may hold personal data).
// Transactions here read, then write, while the link and analysis workers write on their own
// connections: they start IMMEDIATE (waiting for the write lock), since a deferred one that
// read first could not take the lock once another connection wrote, and would fail at once.
import type { CaseDetail, CaseExportView, CaseNote, CaseRow, CaseStatus, LossByCurrency } from '../../common/api';
import { centsToDecimal, decimalToCents } from '../../common/money';
import { appendAudit, currentActor } from '../store/audit';
import type { Db } from '../store/db';
import { AnalysisError } from './analysis-error';
import { casesBySeries, currentSeriesId, seriesDbRow, toSeriesRows, type SeriesDbRow } from './series-rows';

export interface CaseOptions {
  readonly actor?: string;
  readonly now?: () => string;
}

interface CaseDbRow {
  id: string;
  title: string;
  status: CaseStatus;
  assignee: string | null;
  created_at: string;
  updated_at: string;
}

const clock = (o: CaseOptions): string => (o.now ?? ((): string => new Date().toISOString()))();

function caseRow(db: Db, c: CaseDbRow): CaseRow & { current: SeriesDbRow[] } {
  const series = db
    .prepare('SELECT series_id FROM case_series WHERE case_id = ? ORDER BY added_at, series_id')
    .pluck()
    .all(c.id) as string[];
  const current: SeriesDbRow[] = [];
  const seen = new Set<string>();
  for (const s of series) {
    const cur = currentSeriesId(db, s);
    if (cur === null || seen.has(cur)) continue;
    seen.add(cur);
    const row = seriesDbRow(db, cur);
    if (row) current.push(row);
  }
  const loss = new Map<string, number>();
  for (const r of current)
    for (const [cur, amount] of Object.entries(JSON.parse(r.loss) as Record<string, string>))
      loss.set(cur, (loss.get(cur) ?? 0) + (decimalToCents(amount) ?? 0));
  const noteCount = db.prepare('SELECT count(*) FROM case_note WHERE case_id = ?').pluck().get(c.id) as number;
  return {
    id: c.id,
    title: c.title,
    status: c.status,
    assignee: c.assignee,
    createdAt: c.created_at,
    updatedAt: c.updated_at,
    series,
    reports: current.reduce((n, r) => n + r.size, 0),
    loss: Object.fromEntries([...loss].sort().map(([cur, cents]) => [cur, centsToDecimal(cents)])) as LossByCurrency,
    noteCount,
    current,
  };
}

function caseDb(db: Db, id: string): CaseDbRow {
  const c = db.prepare('SELECT id, title, status, assignee, created_at, updated_at FROM case_file WHERE id = ?').get(id) as
    CaseDbRow | undefined;
  if (!c) throw new AnalysisError('not_found', `no case with id ${id}`);
  return c;
}

export function listCases(db: Db, status?: CaseStatus): CaseRow[] {
  const rows = db
    .prepare(
      `SELECT id, title, status, assignee, created_at, updated_at FROM case_file ${status ? 'WHERE status = ?' : ''} ORDER BY updated_at DESC, id DESC`,
    )
    .all(...(status ? [status] : [])) as CaseDbRow[];
  return rows.map((c) => {
    const { current: _current, ...row } = caseRow(db, c);
    return row;
  });
}

export function getCase(db: Db, id: string): CaseDetail {
  const { current, ...row } = caseRow(db, caseDb(db, id));
  const notes = db.prepare('SELECT id, at, author, text FROM case_note WHERE case_id = ? ORDER BY at, id').all(id) as CaseNote[];
  const exports = (
    db
      .prepare(
        'SELECT id, at, actor, file_name, series_id, redaction, reports, bytes, manifest_sha256 FROM case_export WHERE case_id = ? ORDER BY at DESC, id DESC',
      )
      .all(id) as {
      id: number;
      at: string;
      actor: string;
      file_name: string;
      series_id: string;
      redaction: CaseExportView['redaction'];
      reports: number;
      bytes: number;
      manifest_sha256: string;
    }[]
  ).map((e): CaseExportView => ({
    id: e.id,
    at: e.at,
    actor: e.actor,
    fileName: e.file_name,
    seriesId: e.series_id,
    redaction: e.redaction,
    reports: e.reports,
    bytes: e.bytes,
    manifestSha256: e.manifest_sha256,
  }));
  return { ...row, currentSeries: toSeriesRows(db, current, casesBySeries(db)), notes, exports };
}

/** The active series for an id the investigator gave (a retired one is followed), or a clear refusal. */
function liveSeries(db: Db, id: string): string {
  const cur = currentSeriesId(db, id);
  if (cur !== null) return cur;
  const exists = db.prepare('SELECT 1 FROM series WHERE id = ?').pluck().get(id) !== undefined;
  throw new AnalysisError('not_found', exists ? `series ${id} no longer exists: a relink dissolved it` : `no series with id ${id}`);
}

function nextCaseId(db: Db, at: string): string {
  const year = at.slice(0, 4);
  const last = db
    .prepare("SELECT id FROM case_file WHERE id LIKE ? ESCAPE '\\' ORDER BY length(id) DESC, id DESC LIMIT 1")
    .pluck()
    .get(`CASE-${year}-%`) as string | undefined;
  const seq = last ? Number(last.slice(`CASE-${year}-`.length)) + 1 : 1;
  return `CASE-${year}-${String(seq).padStart(4, '0')}`;
}

export function createCase(
  db: Db,
  arg: { title: string; series: readonly string[]; assignee?: string },
  options: CaseOptions = {},
): CaseDetail {
  const actor = options.actor ?? currentActor();
  const id = db
    .transaction((): string => {
      const at = clock(options);
      const series = [...new Set(arg.series.map((s) => liveSeries(db, s)))];
      const caseId = nextCaseId(db, at);
      const assignee = arg.assignee?.trim() ? arg.assignee.trim() : null;
      db.prepare(
        'INSERT INTO case_file (id, title, status, assignee, created_at, created_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(caseId, arg.title.trim(), 'new', assignee, at, actor, at);
      const add = db.prepare('INSERT INTO case_series (case_id, series_id, added_at) VALUES (?, ?, ?)');
      for (const s of series) add.run(caseId, s, at);
      appendAudit(db, { action: 'case', subject: caseId, detail: { event: 'create', series, ...(assignee ? { assignee } : {}) }, actor });
      return caseId;
    })
    .immediate();
  return getCase(db, id);
}

export interface CaseUpdate {
  readonly id: string;
  readonly title?: string;
  readonly status?: CaseStatus;
  readonly assignee?: string | null;
  readonly addSeries?: readonly string[];
  readonly removeSeries?: readonly string[];
}

export function updateCase(db: Db, u: CaseUpdate, options: CaseOptions = {}): CaseDetail {
  const actor = options.actor ?? currentActor();
  db.transaction(() => {
    const c = caseDb(db, u.id);
    const at = clock(options);
    const changes: Record<string, unknown> = {};
    if (u.title !== undefined && u.title.trim() !== c.title) changes.title = u.title.trim();
    if (u.status !== undefined && u.status !== c.status) changes.status = { from: c.status, to: u.status };
    const assignee = u.assignee === undefined ? undefined : u.assignee === null || !u.assignee.trim() ? null : u.assignee.trim();
    if (assignee !== undefined && assignee !== c.assignee) changes.assignee = assignee;
    db.prepare('UPDATE case_file SET title = ?, status = ?, assignee = ? WHERE id = ?').run(
      (changes.title as string | undefined) ?? c.title,
      u.status ?? c.status,
      assignee === undefined ? c.assignee : assignee,
      c.id,
    );
    const stored = db.prepare('SELECT series_id FROM case_series WHERE case_id = ?').pluck().all(c.id) as string[];
    if (u.addSeries?.length) {
      const current = new Set(stored.map((s) => currentSeriesId(db, s)));
      const added: string[] = [];
      const add = db.prepare('INSERT OR IGNORE INTO case_series (case_id, series_id, added_at) VALUES (?, ?, ?)');
      for (const s of u.addSeries) {
        const live = liveSeries(db, s);
        if (current.has(live)) continue;
        current.add(live);
        add.run(c.id, live, at);
        added.push(live);
      }
      if (added.length) changes.added = added;
    }
    if (u.removeSeries?.length) {
      const removed: string[] = [];
      const del = db.prepare('DELETE FROM case_series WHERE case_id = ? AND series_id = ?');
      for (const s of u.removeSeries) {
        const target = currentSeriesId(db, s);
        for (const st of stored) {
          if (st === s || (target !== null && currentSeriesId(db, st) === target)) {
            del.run(c.id, st);
            removed.push(st);
          }
        }
      }
      if (removed.length) changes.removed = [...new Set(removed)];
      const left = db.prepare('SELECT count(*) FROM case_series WHERE case_id = ?').pluck().get(c.id) as number;
      if (left === 0) throw new AnalysisError('invalid_argument', 'a case needs at least one series; add another before removing the last');
    }
    if (Object.keys(changes).length === 0) return;
    db.prepare('UPDATE case_file SET updated_at = ? WHERE id = ?').run(at, c.id);
    appendAudit(db, { action: 'case', subject: c.id, detail: { event: 'update', ...changes }, actor });
  }).immediate();
  return getCase(db, u.id);
}

export function addCaseNote(db: Db, id: string, text: string, options: CaseOptions = {}): CaseNote {
  const actor = options.actor ?? currentActor();
  return db
    .transaction((): CaseNote => {
      caseDb(db, id);
      const at = clock(options);
      const info = db.prepare('INSERT INTO case_note (case_id, at, author, text) VALUES (?, ?, ?, ?)').run(id, at, actor, text.trim());
      db.prepare('UPDATE case_file SET updated_at = ? WHERE id = ?').run(at, id);
      const noteId = Number(info.lastInsertRowid);
      appendAudit(db, { action: 'note', subject: id, detail: { note: noteId }, actor });
      return { id: noteId, at, author: actor, text: text.trim() };
    })
    .immediate();
}
