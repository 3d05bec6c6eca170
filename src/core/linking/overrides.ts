// Investigators' corrections as the engine reads them (link_override, migration 007): every run,
// full or incremental, applies the active ones to the reports it links.
// - split: the report stands alone (no value, text or merge joins it to anything);
// - merge: two reports are in one group whatever the evidence says (a link with evidence
//   'correction' records it);
// - wrong_evidence: a value does not count for one report at all, or between two reports (they
//   may still meet through a third report carrying it: then the value does tie both to it).
import type { Db } from '../store/db';
import { keyOf, type Corpus } from './corpus';
import { pairKey } from './link-graph';

export interface OverrideRecord {
  readonly id: number;
  readonly action: 'split' | 'merge' | 'wrong_evidence';
  readonly rid: number;
  readonly otherRid: number | null;
  readonly kind: string | null;
  readonly value: string | null;
}

/** The corrections as the engine applies them to one corpus (report indexes, value ids). */
export interface EngineOverrides {
  /** Per report index: 1 when it must stand alone. */
  readonly isolated: Uint8Array;
  readonly mustLink: readonly { readonly a: number; readonly b: number; readonly correction: number }[];
  /** Per value id: report indexes the value is not evidence for. */
  readonly dropped: ReadonlyMap<number, ReadonlySet<number>>;
  /** Per value id: pairs (pairKey) the value is not evidence between. */
  readonly forbidden: ReadonlyMap<number, ReadonlySet<number>>;
}

export function readOverrides(db: Db): OverrideRecord[] {
  return (
    db.prepare('SELECT id, action, rid, other_rid, kind, value FROM link_override WHERE revoked_at IS NULL ORDER BY id').raw().all() as [
      number,
      OverrideRecord['action'],
      number,
      number | null,
      string | null,
      string | null,
    ][]
  ).map(([id, action, rid, otherRid, kind, value]) => ({ id, action, rid, otherRid, kind, value }));
}

/** Reports an incremental run must load with these (the other end of a merge), to a fixed point. */
export function mergePartners(list: readonly OverrideRecord[], touched: Set<number>): void {
  const merges = list.filter((o) => o.action === 'merge' && o.otherRid !== null);
  for (let changed = true; changed;) {
    changed = false;
    for (const o of merges) {
      const other = o.otherRid as number;
      if (touched.has(o.rid) !== touched.has(other)) {
        touched.add(o.rid);
        touched.add(other);
        changed = true;
      }
    }
  }
}

/** A report's index in a corpus, found by rid (the corpus holds its reports in rid order). */
export function indexOfRid(c: Corpus, rid: number): number | undefined {
  // The corpus holds its reports in rid order.
  let lo = 0;
  let hi = c.n - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = c.rid[mid] as number;
    if (r === rid) return mid;
    if (r < rid) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/** The corrections that concern this corpus; undefined when none do. */
export function engineOverrides(c: Corpus, list: readonly OverrideRecord[]): EngineOverrides | undefined {
  if (list.length === 0) return undefined;
  const isolated = new Uint8Array(c.n);
  const mustLink: { a: number; b: number; correction: number }[] = [];
  const dropped = new Map<number, Set<number>>();
  const forbidden = new Map<number, Set<number>>();
  const wanted = new Set<string>();
  for (const o of list) if (o.action === 'wrong_evidence' && o.kind !== null && o.value !== null) wanted.add(keyOf(o.kind, o.value));
  const valueId = new Map<string, number>();
  if (wanted.size > 0) c.valueKeys.forEach((k, v) => (wanted.has(k) ? valueId.set(k, v) : undefined));
  let any = false;
  for (const o of list) {
    const i = indexOfRid(c, o.rid);
    if (i === undefined) continue;
    if (o.action === 'split') {
      isolated[i] = 1;
      any = true;
    } else if (o.action === 'merge') {
      const j = o.otherRid === null ? undefined : indexOfRid(c, o.otherRid);
      if (j === undefined || j === i) continue;
      mustLink.push({ a: Math.min(i, j), b: Math.max(i, j), correction: o.id });
      any = true;
    } else {
      const v = valueId.get(keyOf(o.kind ?? '', o.value ?? ''));
      if (v === undefined) continue;
      if (o.otherRid === null) {
        let s = dropped.get(v);
        if (!s) dropped.set(v, (s = new Set()));
        s.add(i);
      } else {
        const j = indexOfRid(c, o.otherRid);
        if (j === undefined) continue;
        let s = forbidden.get(v);
        if (!s) forbidden.set(v, (s = new Set()));
        s.add(pairKey(i, j));
      }
      any = true;
    }
  }
  return any ? { isolated, mustLink, dropped, forbidden } : undefined;
}
