// Reference sites: scanners, URL checks, forums, search engines, encyclopedias, news, social
// networks, block explorers, app stores, government portals, paste sites. Narratives and notes cite
// them ("the virustotal scan of the site", "a thread on tieba about this number"), yet they say
// nothing about the fraudster: a URL on one is no fraudster identifier and must not join reports.
// The list in force in a store is the shipped one (resources/reference-domains.json, never stored;
// each entry may be turned off in a store: a row with enabled = 0) plus investigators' own entries
// (rows with enabled = 1) in reference_domain (migration 012).
//
// An entry is a host in canonical form (as the URL normaliser writes hosts: lower case, no "www.",
// Unicode) and covers that host and every host under it: "gov.cn" covers "mps.gov.cn",
// "tieba.baidu.com" covers "tieba.baidu.com" but not "pan.baidu.com".
//
// Reading only, and no normaliser or public-suffix list: the link worker calls the matcher for
// every URL identifier of the store. Editing is reference-edit.ts.
import shipped from '../../../resources/reference-domains.json';
import { REFERENCE_CATEGORIES, type ReferenceCategory } from '../../common/model';
import type { Db } from '../store/db';

/** What a shipped entry is, in each language of the UI. */
export interface ReferenceNote {
  readonly en: string;
  readonly 'zh-CN': string;
}

export interface ReferenceEntry {
  /** A canonical host; the entry covers it and every host under it. */
  readonly domain: string;
  readonly category: ReferenceCategory;
  readonly source: 'shipped' | 'investigator';
}

export interface ShippedReference extends ReferenceEntry {
  readonly source: 'shipped';
  readonly note: ReferenceNote;
}

/** The entries in force, ready to match (makeReferenceDomains). */
export interface ReferenceDomains {
  /** Entries by their host. */
  readonly entries: ReadonlyMap<string, ReferenceEntry>;
  /**
   * The last two labels of every entry ("baidu.com" for "tieba.baidu.com", "gov.cn" for "gov.cn"):
   * a host whose own last two labels are not here is under no entry, which one lookup tells.
   */
  readonly tails: ReadonlySet<string>;
}

const CATEGORY_SET: ReadonlySet<string> = new Set(REFERENCE_CATEGORIES);

export function isReferenceCategory(text: string): text is ReferenceCategory {
  return CATEGORY_SET.has(text);
}

let shippedEntries: readonly ShippedReference[] | null = null;

/** The shipped list, in its file's order. */
export function shippedReferences(): readonly ShippedReference[] {
  if (shippedEntries === null) {
    shippedEntries = shipped.domains.map((d) => ({
      domain: d.domain,
      category: isReferenceCategory(d.category) ? d.category : 'other',
      source: 'shipped' as const,
      note: d.note,
    }));
  }
  return shippedEntries;
}

let shippedByDomain: ReadonlyMap<string, ShippedReference> | null = null;

/** The shipped entry for exactly this host, if any. */
export function shippedReference(domain: string): ShippedReference | undefined {
  shippedByDomain ??= new Map(shippedReferences().map((e) => [e.domain, e]));
  return shippedByDomain.get(domain);
}

/** The last two labels of a host with at least two; null for a single label. */
function tailOf(host: string): string | null {
  const last = host.lastIndexOf('.');
  if (last <= 0) return null;
  const second = host.lastIndexOf('.', last - 1);
  return second === -1 ? host : host.slice(second + 1);
}

/** A matcher for these entries; an entry of a single label would cover a whole top-level domain and is left out. */
export function makeReferenceDomains(entries: Iterable<ReferenceEntry>): ReferenceDomains {
  const map = new Map<string, ReferenceEntry>();
  const tails = new Set<string>();
  for (const e of entries) {
    const tail = tailOf(e.domain);
    if (tail === null) continue;
    map.set(e.domain, e);
    tails.add(tail);
  }
  return { entries: map, tails };
}

export const NO_REFERENCE_DOMAINS: ReferenceDomains = { entries: new Map(), tails: new Set() };

/**
 * The entry covering a host (canonical, as in a URL identifier's value), or null. The host itself
 * is looked up, then each host above it down to its last two labels: after one lookup for a host
 * under no entry's last two labels, at most one per label.
 */
export function referenceEntryForHost(refs: ReferenceDomains, host: string): ReferenceEntry | null {
  const last = host.lastIndexOf('.');
  if (last <= 0) return null;
  const second = host.lastIndexOf('.', last - 1);
  if (!refs.tails.has(second === -1 ? host : host.slice(second + 1))) return null;
  for (let start = 0; ;) {
    const found = refs.entries.get(start === 0 ? host : host.slice(start));
    if (found !== undefined) return found;
    const dot = host.indexOf('.', start);
    // What is left after this dot is the last label alone, which no entry is.
    if (dot === -1 || dot >= last) return null;
    start = dot + 1;
  }
}

/** Where the host of a canonical URL value ends (its length when nothing follows it). */
function hostEnd(value: string, start: number): number {
  let end = start;
  for (; end < value.length; end++) {
    const c = value.charCodeAt(end);
    // "/", "?", "#" and ":" (a port) end the host of a canonical value, which has no user part.
    if (c === 0x2f || c === 0x3f || c === 0x23 || c === 0x3a) break;
  }
  return end;
}

/**
 * The host of a canonical URL value ("http://tieba.baidu.com/p/1" → "tieba.baidu.com"), or null
 * when it has none a reference entry could name (an IPv6 literal, no "://").
 */
export function hostOfUrl(value: string): string | null {
  const at = value.indexOf('://');
  if (at === -1 || value.charCodeAt(at + 3) === 0x5b /* [ */) return null;
  const end = hostEnd(value, at + 3);
  return end === at + 3 ? null : value.slice(at + 3, end);
}

/**
 * The entry covering a URL identifier (its canonical value), or null. The host's last two labels
 * are read in place and looked up first: a URL on no entry's last two labels (most of them, the
 * fraudsters' own sites) costs one scan of its host and one lookup, nothing more.
 */
export function referenceEntryForUrl(refs: ReferenceDomains, value: string): ReferenceEntry | null {
  if (refs.entries.size === 0) return null;
  const at = value.indexOf('://');
  if (at === -1) return null;
  const start = at + 3;
  if (value.charCodeAt(start) === 0x5b /* [ */) return null;
  const end = hostEnd(value, start);
  const last = value.lastIndexOf('.', end - 1);
  if (last <= start) return null;
  const second = value.lastIndexOf('.', last - 1);
  if (!refs.tails.has(value.slice(second < start ? start : second + 1, end))) return null;
  return referenceEntryForHost(refs, value.slice(start, end));
}

/**
 * Whether a URL identifier (its canonical value) points at a reference site: no fraudster
 * identifier. On a hosting platform (medium.com, telegra.ph, pages.dev…) only the platform's own
 * address is: a page under it or a host under it is a user's site, and fraudsters' sites are such
 * users' sites.
 */
export function isReferenceUrl(refs: ReferenceDomains, value: string): boolean {
  const entry = referenceEntryForUrl(refs, value);
  if (entry === null) return false;
  return entry.category !== 'hosting' || isPlatformRoot(entry.domain, value);
}

/** Whether a canonical URL value is the bare address of this host ("http://medium.com", "https://medium.com/"). */
function isPlatformRoot(host: string, value: string): boolean {
  const start = value.indexOf('://') + 3;
  const end = start + host.length;
  if (value.slice(start, end) !== host) return false;
  return end === value.length || (end === value.length - 1 && value.charCodeAt(end) === 0x2f); /* / */
}

/** Whether a host is a reference site as a domain value: for a hosting platform only the platform's own host. */
function isReferenceHost(refs: ReferenceDomains, host: string): boolean {
  const entry = referenceEntryForHost(refs, host);
  if (entry === null) return false;
  return entry.category !== 'hosting' || entry.domain === host;
}

interface StoredRow {
  readonly domain: string;
  readonly category: string;
  readonly note: string | null;
  readonly added_at: string;
  readonly enabled: number;
}

function storedRows(db: Db): StoredRow[] {
  return db.prepare('SELECT domain, category, note, added_at, enabled FROM reference_domain ORDER BY domain').all() as StoredRow[];
}

/** The entries in force in this store: shipped ones not turned off, and investigators' own. */
export function readReferenceDomains(db: Db): ReferenceDomains {
  const entries: ReferenceEntry[] = [];
  const off = new Set<string>();
  for (const r of storedRows(db)) {
    if (r.enabled === 1)
      entries.push({ domain: r.domain, category: isReferenceCategory(r.category) ? r.category : 'other', source: 'investigator' });
    else off.add(r.domain);
  }
  for (const e of shippedReferences()) if (!off.has(e.domain)) entries.push(e);
  // Shipped entries last, so that one wins over an investigator's row for the same host: adding a
  // shipped host turns it on instead of storing a row, but a host an investigator added may ship
  // in a later version.
  return makeReferenceDomains(entries);
}

export interface ReferenceListing {
  readonly domain: string;
  readonly category: ReferenceCategory;
  readonly source: 'shipped' | 'investigator';
  /** False only for a shipped entry turned off in this store. */
  readonly enabled: boolean;
  /** What a shipped entry is; null for investigators' entries. */
  readonly note: ReferenceNote | null;
  /** The investigator's reason for their entry or for turning a shipped one off. */
  readonly reason: string | null;
  /** When the investigator added the entry or turned the shipped one off. */
  readonly changed_at: string | null;
}

/** Every entry: shipped ones first (in their file's order), then investigators' by host. */
export function listReferenceDomains(db: Db): ReferenceListing[] {
  const stored = new Map(storedRows(db).map((r) => [r.domain, r]));
  const out: ReferenceListing[] = [];
  for (const e of shippedReferences()) {
    const row = stored.get(e.domain);
    const off = row !== undefined && row.enabled === 0;
    out.push({
      domain: e.domain,
      category: e.category,
      source: 'shipped',
      enabled: !off,
      note: e.note,
      reason: off ? row.note : null,
      changed_at: off ? row.added_at : null,
    });
  }
  for (const r of stored.values()) {
    if (r.enabled !== 1 || shippedReference(r.domain) !== undefined) continue;
    out.push({
      domain: r.domain,
      category: isReferenceCategory(r.category) ? r.category : 'other',
      source: 'investigator',
      enabled: true,
      note: null,
      reason: r.note,
      changed_at: r.added_at,
    });
  }
  return out;
}

/**
 * The engine's view of the list: whether a value key ('url\u0001…' or 'domain\u0001…') is a
 * reference site, so that neither the full URL nor its domain is evidence. A URL is judged by its
 * own value, never through its domain: a hosting platform's domain is no evidence while the pages
 * on it are.
 */
export function referenceKeys(refs: ReferenceDomains): (key: string) => boolean {
  return (key) => {
    const cut = key.indexOf('\u0001');
    const kind = key.slice(0, cut);
    if (kind === 'url') return isReferenceUrl(refs, key.slice(cut + 1));
    if (kind === 'domain') return isReferenceHost(refs, key.slice(cut + 1));
    return false;
  };
}
