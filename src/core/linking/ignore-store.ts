// The ignore list in force in one store: the shipped defaults (resources/ignore-list.json, never
// stored, but each may be turned off in a store: a row with ignored = 0) plus investigators' own
// entries in ignore_value. Reading only: editing (ignore-edit.ts) needs the normaliser, which the
// link worker has no reason to load.
import type { Db } from '../store/db';
import { keyOf } from './corpus';
import { makeIgnoreList, shippedIgnoreEntries, type IgnoreEntry, type IgnoreList } from './ignore-list';

export interface IgnoreListing {
  readonly kind: string;
  readonly value: string;
  readonly source: 'shipped' | 'investigator';
  /** False only for a shipped default turned off in this store. */
  readonly ignored: boolean;
  /** What a shipped default is (e.g. "ICBC hotline"); null for investigators' entries. */
  readonly note: string | null;
  /** The investigator's reason for their entry or for turning a default off. */
  readonly reason: string | null;
  /** When the investigator added the entry or turned the default off. */
  readonly changed_at: string | null;
}

interface StoredRow {
  readonly kind: string;
  readonly value: string;
  readonly note: string | null;
  readonly added_at: string;
  readonly ignored: number;
}

function storedRows(db: Db): StoredRow[] {
  return db.prepare('SELECT kind, value, note, added_at, ignored FROM ignore_value ORDER BY kind, value').all() as StoredRow[];
}

/** What the engine ignores in this store: shipped defaults not turned off, and investigators' entries. */
export function readIgnoreList(db: Db): IgnoreList {
  const entries: IgnoreEntry[] = [];
  const off = new Set<string>();
  for (const r of storedRows(db)) {
    if (r.ignored === 1) entries.push({ kind: r.kind, value: r.value });
    else off.add(keyOf(r.kind, r.value));
  }
  for (const e of shippedIgnoreEntries()) if (!off.has(keyOf(e.kind, e.value))) entries.push(e);
  return makeIgnoreList(entries);
}

/** Every entry, shipped defaults first (in their file's order), then investigators' by kind and value. */
export function listIgnored(db: Db): IgnoreListing[] {
  const stored = new Map(storedRows(db).map((r) => [keyOf(r.kind, r.value), r]));
  const out: IgnoreListing[] = [];
  const shippedKeys = new Set<string>();
  for (const e of shippedIgnoreEntries()) {
    const key = keyOf(e.kind, e.value);
    shippedKeys.add(key);
    const off = stored.get(key);
    const overridden = off !== undefined && off.ignored === 0;
    out.push({
      kind: e.kind,
      value: e.value,
      source: 'shipped',
      ignored: !overridden,
      note: e.note ?? null,
      reason: overridden ? off.note : null,
      changed_at: overridden ? off.added_at : null,
    });
  }
  for (const [key, r] of stored) {
    if (shippedKeys.has(key) || r.ignored !== 1) continue;
    out.push({ kind: r.kind, value: r.value, source: 'investigator', ignored: true, note: null, reason: r.note, changed_at: r.added_at });
  }
  return out;
}

/** Whether (kind, value) is one of the shipped defaults (canonical forms). */
export function isShipped(kind: string, value: string): boolean {
  return shippedIgnoreEntries().some((e) => e.kind === kind && e.value === value);
}
