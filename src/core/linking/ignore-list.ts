// Values that never link reports: shipped defaults (resources/ignore-list.json: bank hotlines,
// big platforms' domains, short-link hosts) plus the investigators' own additions kept in the
// store. An entry is a (kind, value) pair in canonical form, or kind 'domain' for every URL on a
// registrable domain. The engine consults it before anything else.
import shipped from '../../../resources/ignore-list.json';
import { keyOf } from './corpus';

export interface IgnoreEntry {
  readonly kind: string;
  readonly value: string;
  readonly note?: string;
}

export interface IgnoreList {
  /** Keys 'kind\u0001value' (domains as 'domain\u0001example.com'). */
  readonly keys: ReadonlySet<string>;
}

export function shippedIgnoreEntries(): readonly IgnoreEntry[] {
  const out: IgnoreEntry[] = [];
  for (const v of shipped.values) out.push({ kind: v.kind, value: v.value, note: v.note });
  for (const d of shipped.domains) out.push({ kind: 'domain', value: d });
  return out;
}

export function makeIgnoreList(entries: Iterable<IgnoreEntry>): IgnoreList {
  const keys = new Set<string>();
  for (const e of entries) keys.add(keyOf(e.kind, e.value.trim()));
  return { keys };
}

export const EMPTY_IGNORE_LIST: IgnoreList = { keys: new Set() };
