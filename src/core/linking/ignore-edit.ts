// Editing the ignore list. A value is normalised exactly as reported identifiers are, or an
// entry would never match the identifiers it is meant for. Shipped defaults are never removed,
// only turned off in one store (and on again). Every change that alters what is ignored marks
// the reports holding the value (link_dirty), so the next `casegraph link` relinks them, and is
// recorded in the audit log.
// Transactions here read, then write, while the link and analysis workers write on their own
// connections: they start IMMEDIATE (waiting for the write lock), since a deferred one that
// read first could not take the lock once another connection wrote, and would fail at once.
import { ExpectedError } from '../../common/result';
import { IDENTIFIER_KINDS, type IdentifierKind } from '../../common/model';
import { normaliseIdentifier } from '../normalise';
import { appendAudit } from '../store/audit';
import type { Db } from '../store/db';
import { keyOf } from './corpus';
import { isShipped, readIgnoreList } from './ignore-store';

/** Identifier kinds, and 'domain' for every URL on one registrable domain. */
export const IGNORE_KINDS: readonly string[] = [...IDENTIFIER_KINDS, 'domain'];

/** A value that cannot be an ignore-list entry (unknown kind, unusable value). */
export class IgnoreValueError extends ExpectedError {
  override name = 'IgnoreValueError';
  constructor(message: string) {
    super('invalid_argument', message);
  }
}

/** A change the list refuses (removing a shipped default, or a value not on the list). */
export class IgnoreChangeError extends ExpectedError {
  override name = 'IgnoreChangeError';
  constructor(message: string) {
    super('conflict', message);
  }
}

export interface IgnoreChange {
  readonly kind: string;
  readonly value: string;
  readonly source: 'shipped' | 'investigator';
  /** Whether the set of ignored values changed (adding a value already ignored does not). */
  readonly changed: boolean;
  /** Reports marked to relink at the next run. */
  readonly relink: number;
}

/** The canonical (kind, value) of an entry, as the normaliser writes identifiers. */
export function canonicalIgnoreValue(kind: string, raw: string): { kind: string; value: string } {
  if (!IGNORE_KINDS.includes(kind)) throw new IgnoreValueError(`unknown kind "${kind}"; one of ${IGNORE_KINDS.join(', ')}`);
  if (kind === 'domain') return { kind, value: canonicalDomain(raw) };
  const n = normaliseIdentifier(kind as IdentifierKind, raw);
  if (n === null) throw new IgnoreValueError(`"${raw}" is not a usable ${kind}`);
  // The normaliser may answer with another kind that is the same identity (a card-length
  // account is a bank_card): the entry must carry that kind to match.
  return { kind: n.kind, value: n.value };
}

/** A bare registrable domain: the engine matches domain entries against a URL's registrable domain. */
function canonicalDomain(raw: string): string {
  const n = normaliseIdentifier('url', raw);
  if (n === null || n.subtype === 'ip' || n.subtype === 'app_link' || n.domain === undefined)
    throw new IgnoreValueError(`"${raw}" is not a domain name`);
  const rest = n.value.slice(n.value.indexOf('://') + 3);
  if (/[/?:#]/.test(rest))
    throw new IgnoreValueError(`"${raw}" is an address, not a domain; use kind url for one address, or give the bare domain ${n.domain}`);
  if (rest !== n.domain)
    throw new IgnoreValueError(
      `"${raw}" is not a registrable domain; a domain entry covers every address on ${n.domain}, so give that (or kind url for one address)`,
    );
  return n.domain;
}

/** Mark every report holding the value (for a domain: any identifier on it) to relink; how many. */
function markHolders(db: Db, kind: string, value: string): number {
  const [where, params] = kind === 'domain' ? ['domain = ?', [value]] : ['kind = ? AND value = ?', [kind, value]];
  db.prepare(`INSERT OR IGNORE INTO link_dirty (rid) SELECT rid FROM identifier WHERE ${where}`).run(...params);
  return db
    .prepare(`SELECT count(DISTINCT rid) FROM identifier WHERE ${where}`)
    .pluck()
    .get(...params) as number;
}

export interface IgnoreEditOptions {
  readonly reason?: string;
  readonly actor?: string;
  readonly now?: () => string;
}

/**
 * Ignore a value from now on. A shipped default that was turned off is turned back on; one
 * already in force, or an investigator's entry already there, is left as it is (a new reason
 * replaces the old one).
 */
export function addIgnored(db: Db, kind: string, raw: string, options: IgnoreEditOptions = {}): IgnoreChange {
  const v = canonicalIgnoreValue(kind, raw);
  const now = options.now ?? ((): string => new Date().toISOString());
  return db
    .transaction((): IgnoreChange => {
      const shipped = isShipped(v.kind, v.value);
      const before = readIgnoreList(db).keys.has(keyOf(v.kind, v.value));
      if (shipped) db.prepare('DELETE FROM ignore_value WHERE kind = ? AND value = ?').run(v.kind, v.value);
      else {
        db.prepare(
          `INSERT INTO ignore_value (kind, value, note, added_at, ignored) VALUES (?, ?, ?, ?, 1)
         ON CONFLICT (kind, value) DO UPDATE SET note = coalesce(excluded.note, note), ignored = 1`,
        ).run(v.kind, v.value, options.reason ?? null, now());
      }
      const relink = before ? 0 : markHolders(db, v.kind, v.value);
      const change: IgnoreChange = { ...v, source: shipped ? 'shipped' : 'investigator', changed: !before, relink };
      appendAudit(db, {
        action: 'ignore_add',
        subject: `${v.kind} ${v.value}`,
        detail: { source: change.source, changed: change.changed, relink, ...(options.reason ? { reason: options.reason } : {}) },
        ...(options.actor ? { actor: options.actor } : {}),
      });
      return change;
    })
    .immediate();
}

/**
 * Stop ignoring a value: an investigator's entry is deleted; a shipped default is refused unless
 * `override`, which turns it off in this store (`addIgnored` turns it back on).
 */
export function removeIgnored(
  db: Db,
  kind: string,
  raw: string,
  options: IgnoreEditOptions & { readonly override?: boolean } = {},
): IgnoreChange {
  const v = canonicalIgnoreValue(kind, raw);
  const now = options.now ?? ((): string => new Date().toISOString());
  return db
    .transaction((): IgnoreChange => {
      const shipped = isShipped(v.kind, v.value);
      const before = readIgnoreList(db).keys.has(keyOf(v.kind, v.value));
      if (shipped) {
        if (before && options.override !== true) {
          throw new IgnoreChangeError(
            `${v.kind} ${v.value} is a shipped default and cannot be removed; --override turns it off in this store`,
          );
        }
        db.prepare('INSERT OR REPLACE INTO ignore_value (kind, value, note, added_at, ignored) VALUES (?, ?, ?, ?, 0)').run(
          v.kind,
          v.value,
          options.reason ?? null,
          now(),
        );
      } else {
        if (!before) throw new IgnoreChangeError(`${v.kind} ${v.value} is not on the ignore list`);
        db.prepare('DELETE FROM ignore_value WHERE kind = ? AND value = ?').run(v.kind, v.value);
      }
      const relink = before ? markHolders(db, v.kind, v.value) : 0;
      const change: IgnoreChange = { ...v, source: shipped ? 'shipped' : 'investigator', changed: before, relink };
      appendAudit(db, {
        action: 'ignore_remove',
        subject: `${v.kind} ${v.value}`,
        detail: { source: change.source, changed: change.changed, relink, ...(options.reason ? { reason: options.reason } : {}) },
        ...(options.actor ? { actor: options.actor } : {}),
      });
      return change;
    })
    .immediate();
}
