// Editing the reference list. An entry is a host in the canonical form the URL normaliser writes
// ("https://www.VirusTotal.com/" → "virustotal.com"), or it would never match the identifiers it is
// meant for. Shipped entries are never removed, only turned off in one store (and on again). Every
// change that alters which URLs count as reference sites marks the reports holding those URLs
// (link_dirty), so the next link run relinks them, and is recorded in the audit log.
// Transactions start IMMEDIATE, as the ignore list's do (ignore-edit.ts): they read, then write,
// while the link and analysis workers write on their own connections.
import { ExpectedError } from '../../common/result';
import { getDomain } from 'tldts';
import { REFERENCE_CATEGORIES, type ReferenceCategory } from '../../common/model';
import { normaliseIdentifier } from '../normalise';
import { appendAudit } from '../store/audit';
import type { Db } from '../store/db';
import {
  hostOfUrl,
  isReferenceCategory,
  isReferenceUrl,
  readReferenceDomains,
  shippedReference,
  type ReferenceDomains,
} from './reference-domains';

/** A value that cannot be an entry (no host name, an address with a path, an unknown category). */
export class ReferenceValueError extends ExpectedError {
  override name = 'ReferenceValueError';
  constructor(message: string) {
    super('invalid_argument', message);
  }
}

/** A change the list refuses (removing a host that is not on it). */
export class ReferenceChangeError extends ExpectedError {
  override name = 'ReferenceChangeError';
  constructor(message: string) {
    super('conflict', message);
  }
}

export interface ReferenceChange {
  readonly domain: string;
  readonly category: ReferenceCategory;
  readonly source: 'shipped' | 'investigator';
  /** Whether the entries in force changed (adding a host already on the list does not). */
  readonly changed: boolean;
  /** Reports marked to relink at the next run: those holding a URL whose standing changed. */
  readonly relink: number;
}

export interface ReferenceEditOptions {
  readonly reason?: string;
  readonly actor?: string;
  readonly now?: () => string;
}

/**
 * The canonical host of an entry. Accepts a host ("tieba.baidu.com"), a suffix written as such
 * ("*.gov.cn", ".gov.cn") or a site's home address ("https://www.virustotal.com/"); refuses an
 * address with a path, a port, an IP address or an app link.
 */
export function canonicalReferenceDomain(raw: string): string {
  const text = raw
    .normalize('NFKC')
    .trim()
    .replace(/^\*?\./, '');
  if (text === '') throw new ReferenceValueError('give a host name, such as virustotal.com or gov.cn');
  const n = normaliseIdentifier('url', text);
  const host = n === null ? null : hostOfUrl(n.value);
  if (n === null || host === null || n.subtype === 'ip' || n.subtype === 'app_link')
    throw new ReferenceValueError(`"${raw}" is not a host name`);
  if (n.value.length > n.value.indexOf('://') + 3 + host.length) {
    throw new ReferenceValueError(
      `"${raw}" is an address, not a host; an entry covers every address on a host and the hosts under it, so give ${host}`,
    );
  }
  return host;
}

/** Mark the reports holding a URL on or under `domain` whose standing differs between the two lists; how many. */
function markChanged(db: Db, before: ReferenceDomains, after: ReferenceDomains, domain: string): number {
  // Every host under an entry shares its registrable domain, which the identifier_domain index
  // finds; an entry that is itself a public suffix (gov.cn) is checked against every URL.
  const registrable = getDomain(domain, { extractHostname: false });
  const rows =
    registrable !== null
      ? db
          .prepare<[string], [number, string]>("SELECT rid, value FROM identifier WHERE domain = ? AND kind = 'url'")
          .raw()
          .iterate(registrable)
      : db.prepare<[], [number, string]>("SELECT rid, value FROM identifier WHERE kind = 'url'").raw().iterate();
  const rids = new Set<number>();
  // A hosting platform's domain value changes standing with its entry although its pages do not.
  const hosting = before.entries.get(domain)?.category === 'hosting' || after.entries.get(domain)?.category === 'hosting';
  for (const [rid, value] of rows) if (hosting || isReferenceUrl(before, value) !== isReferenceUrl(after, value)) rids.add(rid);
  const mark = db.prepare('INSERT OR IGNORE INTO link_dirty (rid) VALUES (?)');
  for (const rid of rids) mark.run(rid);
  return rids.size;
}

function audit(db: Db, action: 'reference_add' | 'reference_remove', c: ReferenceChange, options: ReferenceEditOptions): void {
  appendAudit(db, {
    action,
    subject: c.domain,
    detail: {
      source: c.source,
      category: c.category,
      changed: c.changed,
      relink: c.relink,
      ...(options.reason ? { reason: options.reason } : {}),
    },
    ...(options.actor ? { actor: options.actor } : {}),
  });
}

/**
 * Count a host (and every host under it) as a reference site from now on. A shipped entry turned
 * off is turned back on (it keeps its category); an investigator's entry already there keeps its
 * place, taking a new category or reason when given.
 */
export function addReference(db: Db, raw: string, options: ReferenceEditOptions & { readonly category?: string } = {}): ReferenceChange {
  const domain = canonicalReferenceDomain(raw);
  const category = options.category;
  if (category !== undefined && !isReferenceCategory(category)) {
    throw new ReferenceValueError(`unknown category "${category}"; one of ${REFERENCE_CATEGORIES.join(', ')}`);
  }
  const now = options.now ?? ((): string => new Date().toISOString());
  return db
    .transaction((): ReferenceChange => {
      const before = readReferenceDomains(db);
      const shipped = shippedReference(domain);
      if (shipped) db.prepare('DELETE FROM reference_domain WHERE domain = ?').run(domain);
      else {
        db.prepare(
          `INSERT INTO reference_domain (domain, category, note, added_at, enabled) VALUES (@domain, coalesce(@category, 'other'), @note, @at, 1)
         ON CONFLICT (domain) DO UPDATE SET category = coalesce(@category, category), note = coalesce(@note, note), enabled = 1`,
        ).run({ domain, category: category ?? null, note: options.reason ?? null, at: now() });
      }
      const after = readReferenceDomains(db);
      const changed = !before.entries.has(domain);
      const relink = changed ? markChanged(db, before, after, domain) : 0;
      const entry = after.entries.get(domain);
      const change: ReferenceChange = {
        domain,
        category: entry?.category ?? 'other',
        source: shipped ? 'shipped' : 'investigator',
        changed,
        relink,
      };
      audit(db, 'reference_add', change, options);
      return change;
    })
    .immediate();
}

/**
 * Stop counting a host as a reference site: an investigator's entry is deleted, a shipped one is
 * turned off in this store (`addReference` turns it back on).
 */
export function removeReference(db: Db, raw: string, options: ReferenceEditOptions = {}): ReferenceChange {
  const domain = canonicalReferenceDomain(raw);
  const now = options.now ?? ((): string => new Date().toISOString());
  return db
    .transaction((): ReferenceChange => {
      const before = readReferenceDomains(db);
      const entry = before.entries.get(domain);
      const shipped = shippedReference(domain);
      if (shipped) {
        if (entry !== undefined) {
          db.prepare('INSERT OR REPLACE INTO reference_domain (domain, category, note, added_at, enabled) VALUES (?, ?, ?, ?, 0)').run(
            domain,
            shipped.category,
            options.reason ?? null,
            now(),
          );
        }
      } else {
        if (entry === undefined) throw new ReferenceChangeError(`${domain} is not on the reference list`);
        db.prepare('DELETE FROM reference_domain WHERE domain = ?').run(domain);
      }
      const changed = entry !== undefined;
      const relink = changed ? markChanged(db, before, readReferenceDomains(db), domain) : 0;
      const change: ReferenceChange = {
        domain,
        category: shipped?.category ?? entry?.category ?? 'other',
        source: shipped ? 'shipped' : 'investigator',
        changed,
        relink,
      };
      audit(db, 'reference_remove', change, options);
      return change;
    })
    .immediate();
}
