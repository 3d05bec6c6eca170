// What a link run keeps in the store beside series and links: the suggestions it found (for the
// review queue), the values' group counts and the linking model (for incremental runs, which weigh
// evidence as the last estimating run did), and what it reads of investigators' decisions.
import type { Db } from '../store/db';
import type { Corpus } from './corpus';
import { splitKey } from './corpus';
import type { EngineResult } from './engine';
import type { GroupCount } from './groups';
import { writeModel } from './model';
import { indexOfRid } from './overrides';
import { bulkJson } from './store-write';
import { suggestionId } from './suggestion-id';
import type { Tick } from './progress';

/** Rejected suggestions as pairs of report indexes of this corpus. */
export function rejectedPairs(db: Db, c: Corpus): [number, number][] {
  const rows = db.prepare("SELECT a, b FROM suggestion_decision WHERE decision = 'rejected' AND revoked_at IS NULL").raw().all() as [
    number,
    number,
  ][];
  const out: [number, number][] = [];
  for (const [a, b] of rows) {
    const i = indexOfRid(c, a);
    const j = indexOfRid(c, b);
    if (i !== undefined && j !== undefined) out.push([i, j]);
  }
  return out;
}

/** The suggestion rows of a run (JSON texts for bulkJson). */
function suggestionRows(c: Corpus, result: EngineResult, runId: number): string[] {
  return result.suggestions.map((l) => {
    const x = c.rid[l.a] as number;
    const y = c.rid[l.b] as number;
    const [a, b, ia, ib] = x < y ? [x, y, l.a, l.b] : [y, x, l.b, l.a];
    return JSON.stringify([suggestionId(c.ids[ia] as string, c.ids[ib] as string), a, b, l.weight, JSON.stringify(l.evidence), runId]);
  });
}

const INSERT_SUGGESTIONS =
  'INSERT OR REPLACE INTO link_suggestion (id, a, b, score, evidence, run) SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5 FROM json_each(?)';

/** A full run replaces every suggestion, every group count, and the model when it estimated one. */
export function writeFullModel(db: Db, c: Corpus, result: EngineResult, runId: number, at: string, tick: Tick): void {
  db.prepare('DELETE FROM link_suggestion').run();
  bulkJson(db, INSERT_SUGGESTIONS, suggestionRows(c, result, runId), tick, 'writing suggestions');
  db.prepare('DELETE FROM link_value_groups').run();
  bulkJson(db, INSERT_GROUPS, groupRows(result.valueGroups), tick, 'writing groups');
  db.prepare('DELETE FROM link_dirty_value').run();
  if (result.estimated) writeModel(db, result.model, at);
}

function groupRows(groups: ReadonlyMap<string, GroupCount>): string[] {
  const rows: string[] = [];
  for (const [key, g] of groups) {
    const { kind, value } = splitKey(key);
    rows.push(JSON.stringify([kind, value, g.groups, g.local]));
  }
  return rows;
}

const INSERT_GROUPS =
  'INSERT OR REPLACE INTO link_value_groups (kind, value, groups, local) SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(?)';

/**
 * An incremental run replaces the suggestions it could have found again — those of a changed
 * report, and those between two reports it loaded — and the group counts of the values it counted.
 */
export function writeIncrementalModel(
  db: Db,
  c: Corpus,
  result: EngineResult,
  changed: ReadonlySet<number>,
  dirtyValues: readonly [string, string][],
  runId: number,
  tick: Tick,
): void {
  const loaded = JSON.stringify(Array.from(c.rid));
  const changedJson = JSON.stringify([...changed]);
  db.prepare(
    `DELETE FROM link_suggestion WHERE a IN (SELECT value FROM json_each(@changed)) OR b IN (SELECT value FROM json_each(@changed))
       OR (a IN (SELECT value FROM json_each(@loaded)) AND b IN (SELECT value FROM json_each(@loaded)))`,
  ).run({ changed: changedJson, loaded });
  bulkJson(db, INSERT_SUGGESTIONS, suggestionRows(c, result, runId), tick, 'writing suggestions');
  const counted = result.countedValues.map((key) => {
    const { kind, value } = splitKey(key);
    return JSON.stringify([kind, value]);
  });
  bulkJson(
    db,
    'DELETE FROM link_value_groups WHERE (kind, value) IN (SELECT value ->> 0, value ->> 1 FROM json_each(?))',
    counted,
    tick,
    'writing groups',
  );
  const recounted = new Set(result.countedValues);
  const changedGroups = new Map([...result.valueGroups].filter(([key]) => recounted.has(key)));
  bulkJson(db, INSERT_GROUPS, groupRows(changedGroups), tick, 'writing groups');
  bulkJson(
    db,
    'DELETE FROM link_dirty_value WHERE (kind, value) IN (SELECT value ->> 0, value ->> 1 FROM json_each(?))',
    dirtyValues.map((d) => JSON.stringify(d)),
    tick,
    'writing groups',
  );
}

/** Stored group counts of some values (by key). */
export function storedGroups(db: Db, keys: Iterable<string>): Map<string, GroupCount> {
  const rows = [...keys].map((key) => {
    const { kind, value } = splitKey(key);
    return [kind, value];
  });
  const out = new Map<string, GroupCount>();
  const stmt = db
    .prepare(
      'SELECT g.kind, g.value, g.groups, g.local FROM json_each(?) j JOIN link_value_groups g ON g.kind = j.value ->> 0 AND g.value = j.value ->> 1',
    )
    .raw();
  for (let k = 0; k < rows.length; k += 50_000) {
    for (const [kind, value, groups, local] of stmt.iterate(JSON.stringify(rows.slice(k, k + 50_000))) as IterableIterator<
      [string, string, number, number]
    >)
      out.set(`${kind}\u0001${value}`, { groups, local });
  }
  return out;
}

export function dirtyValues(db: Db): [string, string][] {
  return db.prepare('SELECT kind, value FROM link_dirty_value').raw().all() as [string, string][];
}
