// Writing an incremental run: the groups it relinked become series again (ids kept where the
// members allow, figures recomputed where the membership changed), and only the links and
// memberships that differ from the stored ones are rewritten.
import type { Db } from '../store/db';
import type { Corpus } from './corpus';
import type { EngineResult } from './engine';
import type { Tick } from './progress';
import { assignSeriesIds, type Group } from './series-ids';
import { bulkJson, INSERT_LINKS, membersByGroup, seriesFigures, upsertSeriesStmt, writeSignatures } from './store-write';
import type { LossRow, ThresholdRule } from './threshold';

export interface IncrementalScope {
  /** Reports whose links and membership are rewritten: the changed ones and whole split-able series. */
  readonly replace: ReadonlySet<number>;
  readonly heavySeries: ReadonlySet<string>;
  /** Series loaded in part, by label; the corpus' label per report index. */
  readonly partial: readonly string[];
  readonly label: Int32Array;
  readonly hiddenMembers: Int32Array;
  readonly changed: ReadonlySet<number>;
  /** The series of each loaded report before this run, by rid. */
  readonly seriesOf: ReadonlyMap<number, string>;
}

export function writeIncremental(
  ctx: { readonly db: Db; readonly tick: Tick },
  c: Corpus,
  result: EngineResult,
  scope: IncrementalScope,
  runId: number,
  rule: ThresholdRule,
): void {
  const { db, tick } = ctx;
  tick('writing', 0, c.n);
  const byGroup = membersByGroup(result.group);
  const groups: { members: number[]; hidden: Map<string, number> }[] = [];
  for (const members of byGroup.values()) {
    const hidden = new Map<string, number>();
    for (const i of members) {
      const l = scope.label[i] as number;
      if (l >= 0) hidden.set(scope.partial[l] as string, scope.hiddenMembers[l] as number);
    }
    const total = members.length + [...hidden.values()].reduce((a, b) => a + b, 0);
    if (total > 1) groups.push({ members, hidden });
  }
  const priorOf = new Map<string, string>();
  for (let i = 0; i < c.n; i++) {
    const s = scope.seriesOf.get(c.rid[i] as number);
    if (s !== undefined) priorOf.set(c.ids[i] as string, s);
  }
  const sizeStmt = db.prepare<[string], number>('SELECT size FROM series WHERE id = ?').pluck();
  const takenStmt = db.prepare<[string], { id: string }>('SELECT id FROM series WHERE id = ?');
  const ids = assignSeriesIds(
    groups.map((g): Group => ({ members: g.members.map((i) => c.ids[i] as string), hidden: g.hidden })),
    { seriesOf: (r) => priorOf.get(r), sizeOf: (s) => sizeStmt.get(s) ?? 0, taken: (s) => takenStmt.get(s) !== undefined },
  );

  writeLinks(db, c, result, scope, tick);

  // Memberships: rows that changed only. Reports of a partly loaded series keep theirs.
  const fixed = (i: number): boolean => (scope.label[i] as number) >= 0 && !scope.replace.has(c.rid[i] as number);
  const member = new Map<number, string>();
  const relabel = db.prepare('UPDATE series_member SET series_id = ? WHERE series_id = ?');
  const live = new Set<string>();
  // Series whose membership or members changed: their figures are computed again.
  const grown = new Set<string>();
  groups.forEach((g, k) => {
    const id = ids[k] as string;
    live.add(id);
    let same = [...g.hidden.keys()].every((s) => s === id);
    for (const i of g.members) {
      const rid = c.rid[i] as number;
      if (scope.changed.has(rid) || scope.seriesOf.get(rid) !== id) same = false;
      if (!fixed(i)) member.set(rid, id);
    }
    for (const s of g.hidden.keys()) if (s !== id) relabel.run(id, s);
    // The same members as before, none of them changed: the stored figures stand.
    if (!same || g.members.length + (g.hidden.get(id) ?? 0) !== (sizeStmt.get(id) ?? 0)) grown.add(id);
  });
  const gone: number[] = [];
  for (const rid of scope.replace) if (!member.has(rid) && scope.seriesOf.has(rid)) gone.push(rid);
  db.prepare('DELETE FROM series_member WHERE rid IN (SELECT value FROM json_each(?))').run(JSON.stringify(gone));
  const rows: string[] = [];
  for (const [rid, id] of member) if (scope.seriesOf.get(rid) !== id) rows.push(`[${rid},"${id}"]`);
  bulkJson(
    db,
    'INSERT OR REPLACE INTO series_member (rid, series_id) SELECT value ->> 0, value ->> 1 FROM json_each(?)',
    rows,
    tick,
    'writing series',
  );

  // Figures of every series whose membership changed, from its whole membership.
  const members = new Map<string, LossRow[]>();
  const memberRows = db
    .prepare<[string], [string, string, number | null, number | null, string | null, number | null]>(
      'SELECT m.series_id, r.id, r.reported_ms, r.loss_cents, r.currency, r.occurred_ms FROM series_member m JOIN report r INDEXED BY report_link ON r.rid = m.rid WHERE m.series_id IN (SELECT value FROM json_each(?))',
    )
    .raw();
  for (const [s, id, ms, cents, currency, occurred] of memberRows.iterate(JSON.stringify([...grown])) as IterableIterator<
    [string, string, number | null, number | null, string | null, number | null]
  >) {
    const list = members.get(s);
    const row: LossRow = { id, reportedMs: ms ?? Number.NaN, occurredMs: occurred, lossCents: cents ?? 0, currency };
    if (list) list.push(row);
    else members.set(s, [row]);
  }
  const upsert = upsertSeriesStmt(db);
  for (const [id, list] of members) upsert.run(seriesFigures(id, list, rule, runId));
  const retire = db.prepare('UPDATE series SET active = 0, size = 0, updated_run = ?, merged_into = ? WHERE id = ? AND active = 1');
  // A retired series records the series holding most of its former reports (cases follow it).
  const successor = db
    .prepare<[string], string>(
      'SELECT series_id FROM series_member WHERE rid IN (SELECT value FROM json_each(?)) GROUP BY series_id ORDER BY count(*) DESC, series_id LIMIT 1',
    )
    .pluck();
  const former = new Map<string, number[]>();
  for (const [rid, s] of scope.seriesOf) {
    const list = former.get(s);
    if (list) list.push(rid);
    else former.set(s, [rid]);
  }
  for (const s of new Set([...scope.heavySeries, ...scope.partial])) {
    if (live.has(s)) continue;
    retire.run(runId, successor.get(JSON.stringify(former.get(s) ?? [])) ?? null, s);
  }
  writeSignatures(db, c, scope.changed, tick);
}

/**
 * Links: those stored for the replaced reports are read and compared with the new ones, so that
 * relinking to the same result writes nothing. Links between two reports of a partly loaded
 * series are stored already and not written again.
 */
function writeLinks(db: Db, c: Corpus, result: EngineResult, scope: IncrementalScope, tick: Tick): void {
  const fixed = (i: number): boolean => (scope.label[i] as number) >= 0 && !scope.replace.has(c.rid[i] as number);
  const computed = new Map<string, string>();
  const st = result.strong;
  for (let k = 0; k < st.count; k++) {
    const a = st.a[k] as number;
    const b = st.b[k] as number;
    if (fixed(a) && fixed(b)) continue;
    const row = result.scorer.seriesRow(a, b, st.vals.subarray(st.start[k] as number, st.start[k + 1] as number));
    // Reports are in rid order in the corpus, so a < b holds for rids too.
    computed.set(
      `${c.rid[a] as number},${c.rid[b] as number}`,
      `[${c.rid[a] as number},${c.rid[b] as number},${row.weight},1,${row.json}]`,
    );
  }
  for (const l of result.weakLinks) {
    if (fixed(l.a) && fixed(l.b)) continue;
    const x = Math.min(c.rid[l.a] as number, c.rid[l.b] as number);
    const y = Math.max(c.rid[l.a] as number, c.rid[l.b] as number);
    computed.set(`${x},${y}`, `[${x},${y},${l.weight},${l.strong ? 1 : 0},${JSON.stringify(l.evidence)}]`);
  }
  // Two statements: with OR, SQLite would scan the whole table instead of using both indexes.
  const replaceJson = JSON.stringify([...scope.replace]);
  const stored = db
    .prepare(
      'SELECT a, b, weight, strong, evidence FROM link WHERE a IN (SELECT value FROM json_each(?)) UNION ALL SELECT a, b, weight, strong, evidence FROM link WHERE b IN (SELECT value FROM json_each(?))',
    )
    .raw();
  const stale: string[] = [];
  const same = new Set<string>();
  for (const [a, b, weight, strong, evidence] of stored.iterate(replaceJson, replaceJson) as IterableIterator<
    [number, number, number, number, string]
  >) {
    const key = `${a},${b}`;
    const now = computed.get(key);
    if (now === undefined) stale.push(`[${a},${b}]`);
    else if (now === `[${a},${b},${weight},${strong},${evidence}]`) same.add(key);
  }
  bulkJson(db, 'DELETE FROM link WHERE (a, b) IN (SELECT value ->> 0, value ->> 1 FROM json_each(?))', stale, tick, 'writing links');
  bulkJson(
    db,
    INSERT_LINKS,
    [...computed].filter(([key]) => !same.has(key)).map(([, row]) => row),
    tick,
    'writing links',
  );
}
