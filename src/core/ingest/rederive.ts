// Deriving a stored report's identifiers again, as an import writes them today. When a canonical
// form changes (URLs keeping their hash routes, migration 012), the identifiers already stored are
// in the old form and would never meet the same value in a newly imported report.
// - A current report is derived again from its current version as received (report_version.body,
//   the record verbatim: NDJSON lines, CSV rows as JSON, feed and bundle records): exactly the
//   rows an import of that record writes now, values split or found anew included.
// - A withdrawn report keeps the identifiers of the version it had before it was withdrawn, whose
//   body is not singled out in the history; its URL rows are normalised again from their raw text.
// A report whose rows change is marked to relink (link_dirty), and the values it held or holds now
// to be counted again (link_dirty_value). The caller owns the transaction.
import type { Db } from '../store/db';
import { normaliseIdentifier } from '../normalise';
import { parseRecord } from '../report/parse';
import { identifierRows, type IdentifierRow } from './identifiers';

type StoredRow = readonly [
  kind: string,
  value: string,
  raw: string,
  role: string | null,
  origin: string,
  subtype: string | null,
  domain: string | null,
  luhn: number | null,
];

function sameRows(a: readonly StoredRow[], b: readonly IdentifierRow[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as StoredRow;
    const y = b[i] as IdentifierRow;
    for (let j = 0; j < 8; j++) if (x[j] !== y[j]) return false;
  }
  return true;
}

/** The record of a stored body, or null when it is no longer a valid, current one. */
function recordOf(body: string): Parameters<typeof identifierRows>[0] | null {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return null;
  }
  const parsed = parseRecord(value);
  if (!parsed.ok || parsed.value.record.deleted) return null;
  return parsed.value.record;
}

export interface Rederived {
  /** Reports whose identifier rows were rewritten. */
  readonly reports: number;
  /** Candidates left as they were: their rows were already current, or their body no longer parses. */
  readonly unchanged: number;
}

/**
 * Derive the identifiers of these reports (rids) again; rows of a report are replaced only when
 * they differ from what the import writes now.
 */
export function rederiveIdentifiers(db: Db, rids: Iterable<number>): Rederived {
  const report = db.prepare<[number], { id: string; version: number; withdrawn: number }>(
    'SELECT id, version, withdrawn FROM report WHERE rid = ?',
  );
  const body = db.prepare<[string, number], string>('SELECT body FROM report_version WHERE report_id = ? AND version = ?').pluck();
  const rows = db
    .prepare<[number], StoredRow>(
      'SELECT kind, value, raw, role, origin, subtype, domain, luhn FROM identifier WHERE rid = ? ORDER BY rowid',
    )
    .raw();
  const urlRows = db
    .prepare<[number], [number, string, string]>("SELECT rowid, raw, value FROM identifier WHERE rid = ? AND kind = 'url' ORDER BY rowid")
    .raw();
  const remove = db.prepare('DELETE FROM identifier WHERE rid = ?');
  const insert = db.prepare(
    'INSERT INTO identifier (rid, kind, value, raw, role, origin, subtype, domain, luhn) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const update = db.prepare('UPDATE identifier SET value = ?, subtype = ?, domain = ? WHERE rowid = ?');
  const dirty = db.prepare('INSERT OR IGNORE INTO link_dirty (rid) VALUES (?)');
  const dirtyValue = db.prepare('INSERT OR IGNORE INTO link_dirty_value (kind, value) VALUES (?, ?)');
  const touched = (kind: string, value: string, domain: string | null): void => {
    dirtyValue.run(kind, value);
    if (domain !== null) dirtyValue.run('domain', domain);
  };
  let reports = 0;
  let unchanged = 0;
  for (const rid of rids) {
    const r = report.get(rid);
    if (r === undefined) continue;
    if (r.withdrawn === 1) {
      let changed = false;
      for (const [rowid, raw, old] of urlRows.all(rid)) {
        const n = normaliseIdentifier('url', raw);
        if (n === null || n.value === old) continue;
        touched('url', old, null);
        update.run(n.value, n.subtype ?? null, n.domain ?? null, rowid);
        touched('url', n.value, n.domain ?? null);
        changed = true;
      }
      if (changed) reports += 1;
      else unchanged += 1;
      continue;
    }
    const text = body.get(r.id, r.version);
    const record = text === undefined ? null : recordOf(text);
    const fresh = record === null ? null : identifierRows(record);
    if (fresh === null || sameRows(rows.all(rid), fresh)) {
      unchanged += 1;
      continue;
    }
    // The delete trigger (migration 010) marks the values the report held.
    remove.run(rid);
    for (const i of fresh) {
      insert.run(rid, i[0], i[1], i[2], i[3], i[4], i[5], i[6], i[7]);
      touched(i[0], i[1], i[6]);
    }
    dirty.run(rid);
    reports += 1;
  }
  return { reports, unchanged };
}
