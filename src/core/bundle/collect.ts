// What a bundle carries, read from the store in one read transaction: the series (followed
// through merges), its reports' current versions as received, the links between them with their
// evidence, the notes (the series' and, when exported from a case, the case's), and the figures
// of the summary. Redaction (redact.ts) is applied here, so everything written afterwards (NDJSON,
// GraphML, CSV, PDF) is built from the redacted values only.
import { evidenceSentence } from '../linking/evidence-text';
import type { Evidence } from '../linking/link-graph';
import { onlyTogether, thresholdCrossing, lossByCurrency, type Crossing, type LossRow, type ThresholdRule } from '../linking/threshold';
import { thresholdRule } from '../linking/threshold-setting';
import { identifierRows } from '../ingest/identifiers';
import { parseRecord } from '../report/parse';
import { parseRfc3339 } from '../report/rfc3339';
import type { ReportRecord } from '../../common/model';
import { decimalToCents } from '../../common/money';
import type { Db } from '../store/db';
import { collectFlow, type BundleFlow } from './flow-content';
import { Redactor } from './redact';

export class BundleError extends Error {
  override readonly name = 'BundleError';
}

export interface BundleReport {
  /** The NDJSON line: the body as received, or the redacted record. */
  readonly line: string;
  readonly record: ReportRecord;
  readonly reportedMs: number;
  /** When the fraud happened (occurred_at), where the report says. */
  readonly occurredMs: number | null;
  readonly identifiers: readonly { kind: string; value: string; raw: string; role: string | null; origin: string }[];
}

export interface BundleLink {
  readonly a: string;
  readonly b: string;
  readonly weight: number;
  readonly strong: boolean;
  readonly evidence: readonly Evidence[];
}

export interface BundleNote {
  readonly at: string;
  readonly author: string;
  readonly text: string;
  readonly scope: 'case' | 'series';
}

export interface SeriesContent {
  readonly seriesId: string;
  readonly caseId: string | null;
  readonly title: string;
  readonly reports: readonly BundleReport[];
  readonly links: readonly BundleLink[];
  readonly notes: readonly BundleNote[];
  readonly loss: Readonly<Record<string, string>>;
  readonly rule: ThresholdRule;
  readonly crossing: Crossing | null;
  /** Over the threshold although none of its reports reaches it alone. */
  readonly onlyTogether: boolean;
  /** Reports saying when their fraud happened: the window counted those dates, report dates for the rest. */
  readonly occurredReports: number;
  readonly redaction: 'none' | 'victims';
  readonly hashes: 'hmac-sha256' | 'none';
  /** The series' money flow from the bank statements, when statements name its cards. */
  readonly flow: BundleFlow | null;
}

export interface CollectOptions {
  readonly seriesId: string;
  readonly caseId?: string | null;
  /** Redact victims' data; `sharingKey` null: markers instead of keyed hashes. */
  readonly redact: boolean;
  readonly sharingKey: string | null;
}

/** The series as it is now: a series merged away by a relink is followed to its successor. */
export function currentSeriesId(db: Db, seriesId: string): string {
  let id = seriesId;
  for (let hops = 0; hops < 100; hops++) {
    const row = db.prepare('SELECT active, merged_into FROM series WHERE id = ?').get(id) as
      { active: number; merged_into: string | null } | undefined;
    if (!row) throw new BundleError(`no series with id ${seriesId}`);
    if (row.active === 1 || row.merged_into === null) return id;
    id = row.merged_into;
  }
  return id;
}

export function collectSeries(db: Db, options: CollectOptions): SeriesContent {
  return db.transaction(() => collect(db, options))();
}

function collect(db: Db, options: CollectOptions): SeriesContent {
  const seriesId = currentSeriesId(db, options.seriesId);
  let caseId: string | null = null;
  let title = `Series ${seriesId}`;
  if (options.caseId) {
    const c = db.prepare('SELECT id, title FROM case_file WHERE id = ?').get(options.caseId) as { id: string; title: string } | undefined;
    if (!c) throw new BundleError(`no case with id ${options.caseId}`);
    const inCase = (db.prepare('SELECT series_id FROM case_series WHERE case_id = ?').pluck().all(c.id) as string[]).some(
      (s) => s === options.seriesId || currentSeriesId(db, s) === seriesId,
    );
    if (!inCase) throw new BundleError(`series ${options.seriesId} is not part of case ${c.id}`);
    caseId = c.id;
    title = c.title;
  }
  const members = db
    .prepare(
      `SELECT r.rid, r.id, r.version, v.body FROM series_member m JOIN report r ON r.rid = m.rid
       JOIN report_version v ON v.report_id = r.id AND v.version = r.version
       WHERE m.series_id = ? AND r.withdrawn = 0 ORDER BY r.reported_ms, r.id`,
    )
    .all(seriesId) as { rid: number; id: string; version: number; body: string }[];
  if (members.length === 0) throw new BundleError(`series ${seriesId} has no reports to export`);

  const redactor = options.redact ? new Redactor(options.sharingKey) : null;
  const raws = members.map((m) => JSON.parse(m.body) as Record<string, unknown>);
  if (redactor) for (const r of raws) redactor.learn(r);
  const reports: BundleReport[] = raws.map((raw, i) => {
    const line = redactor ? JSON.stringify(redactor.redact(raw)) : (members[i] as { body: string }).body.trim();
    const parsed = parseRecord(JSON.parse(line));
    if (!parsed.ok || parsed.value.record.deleted)
      throw new BundleError(
        `report ${(members[i] as { id: string }).id} cannot be written as report-format v1 (${parsed.ok ? 'withdrawn' : parsed.error.reason})`,
      );
    const record = parsed.value.record;
    const identifiers = identifierRows(record).map(([kind, value, raw, role, origin]) => ({ kind, value, raw, role, origin }));
    return { line, record, reportedMs: parsed.value.reportedMs ?? 0, occurredMs: occurredMs(record.occurred_at), identifiers };
  });

  const idOf = new Map(members.map((m) => [m.rid, m.id]));
  const links = (
    db
      .prepare(
        `SELECT l.a, l.b, l.weight, l.strong, l.evidence FROM link l JOIN series_member ma ON ma.rid = l.a JOIN series_member mb ON mb.rid = l.b
         WHERE ma.series_id = ? AND mb.series_id = ?`,
      )
      .all(seriesId, seriesId) as { a: number; b: number; weight: number; strong: number; evidence: string }[]
  )
    .filter((l) => idOf.has(l.a) && idOf.has(l.b))
    .map((l): BundleLink => {
      const [a, b] = [idOf.get(l.a) as string, idOf.get(l.b) as string].sort();
      const evidence = (JSON.parse(l.evidence) as Evidence[]).map((e) =>
        redactor && e.type === 'identifier' ? { ...e, value: redactor.text(e.value) } : e,
      );
      return { a: a as string, b: b as string, weight: l.weight, strong: l.strong === 1, evidence };
    })
    .sort((x, y) => (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0));

  const notes: BundleNote[] = [
    ...(caseId
      ? (
          db.prepare('SELECT at, author, text FROM case_note WHERE case_id = ? ORDER BY at, id').all(caseId) as Omit<BundleNote, 'scope'>[]
        ).map((n) => ({ ...n, scope: 'case' as const }))
      : []),
    ...(
      db
        .prepare("SELECT at, coalesce(author, '') AS author, text FROM series_note WHERE series_id = ? ORDER BY at, id")
        .all(seriesId) as Omit<BundleNote, 'scope'>[]
    ).map((n) => ({ ...n, scope: 'series' as const })),
  ].map((n) => (redactor ? { ...n, text: redactor.text(n.text) } : n));

  const rule = thresholdRule(db);
  const lossRows: LossRow[] = reports.map((r) => ({
    id: r.record.id,
    reportedMs: r.reportedMs,
    // The window counts when the fraud happened, as the store's series figures do.
    occurredMs: r.occurredMs,
    lossCents: r.record.loss ? (decimalToCents(r.record.loss.amount) ?? 0) : 0,
    currency: r.record.loss?.currency ?? null,
  }));
  const crossing = thresholdCrossing(lossRows, rule);
  return {
    seriesId,
    caseId,
    title: redactor ? redactor.text(title) : title,
    reports,
    links,
    notes,
    loss: lossByCurrency(lossRows),
    rule,
    crossing,
    onlyTogether: onlyTogether(lossRows, rule, crossing),
    occurredReports: reports.filter((r) => r.occurredMs !== null).length,
    redaction: redactor ? 'victims' : 'none',
    hashes: redactor ? redactor.hashes : 'none',
    flow: collectFlow(db, seriesId, redactor),
  };
}

function occurredMs(text: string | null | undefined): number | null {
  if (typeof text !== 'string') return null;
  const parsed = parseRfc3339(text);
  return 'ms' in parsed ? parsed.ms : null;
}

/**
 * One link's evidence term as a sentence with its bits, for the CSV, the GraphML and the printed
 * summary: the sentences `casegraph suggestions` prints (src/core/linking/evidence-text.ts).
 */
export function describeEvidence(e: Evidence): string {
  return evidenceSentence(e);
}
