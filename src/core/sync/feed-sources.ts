// Feeds as sources: one source row per (base URL, precinct), holding its cursor (the position up
// to which everything is committed), its sealed token and the outcome of its last run. A removed
// feed keeps its row, because the report versions it delivered name it as their provenance; adding
// it again revives it where it left off.
import type { Db } from '../store/db';
import { checkPrecinct, normaliseFeedBase } from './feed-url';
import { feedTokenContext, type TokenVault } from './token-vault';

export interface FeedSource {
  readonly id: number;
  readonly name: string;
  readonly url: string;
  readonly precinct: string;
  readonly cursor: string | null;
  readonly lastRunAt: string | null;
  readonly lastError: string | null;
  readonly hasToken: boolean;
  readonly removedAt: string | null;
}

interface Row {
  id: number;
  name: string;
  url: string;
  precinct: string;
  cursor: string | null;
  last_run_at: string | null;
  last_error: string | null;
  token_sealed: string | null;
  removed_at: string | null;
}

const COLUMNS = 'id, name, url, precinct, cursor, last_run_at, last_error, token_sealed, removed_at';

function toSource(r: Row): FeedSource {
  return {
    id: r.id,
    name: r.name,
    url: r.url,
    precinct: r.precinct,
    cursor: r.cursor,
    lastRunAt: r.last_run_at,
    lastError: r.last_error,
    hasToken: r.token_sealed !== null,
    removedAt: r.removed_at,
  };
}

export function feedSourceName(url: string, precinct: string): string {
  return `${precinct} @ ${url}`;
}

export function findFeedSource(db: Db, url: string, precinct: string): FeedSource | undefined {
  const row = db
    .prepare<[string, string], Row>(`SELECT ${COLUMNS} FROM source WHERE kind = 'feed' AND url = ? AND precinct = ?`)
    .get(normaliseFeedBase(url), checkPrecinct(precinct));
  return row ? toSource(row) : undefined;
}

export function getFeedSource(db: Db, id: number): FeedSource | undefined {
  const row = db.prepare<[number], Row>(`SELECT ${COLUMNS} FROM source WHERE kind = 'feed' AND id = ?`).get(id);
  return row ? toSource(row) : undefined;
}

export function listFeedSources(db: Db, options: { readonly includeRemoved?: boolean } = {}): FeedSource[] {
  const where = options.includeRemoved ? '' : 'AND removed_at IS NULL';
  return db.prepare<[], Row>(`SELECT ${COLUMNS} FROM source WHERE kind = 'feed' ${where} ORDER BY precinct, url`).all().map(toSource);
}

/** The feed's row, created on first use; a removed feed is revived with its cursor. */
export function ensureFeedSource(db: Db, url: string, precinct: string): FeedSource {
  const base = normaliseFeedBase(url);
  const code = checkPrecinct(precinct);
  return db.transaction(() => {
    db.prepare("INSERT OR IGNORE INTO source (kind, name, url, precinct, created_at) VALUES ('feed', ?, ?, ?, ?)").run(
      feedSourceName(base, code),
      base,
      code,
      new Date().toISOString(),
    );
    db.prepare("UPDATE source SET removed_at = NULL WHERE kind = 'feed' AND url = ? AND precinct = ? AND removed_at IS NOT NULL").run(
      base,
      code,
    );
    return findFeedSource(db, base, code) as FeedSource;
  })();
}

/** Soft removal: the row stays for provenance, the token goes. */
export function removeFeedSource(db: Db, id: number): boolean {
  const info = db
    .prepare("UPDATE source SET removed_at = ?, token_sealed = NULL WHERE kind = 'feed' AND id = ? AND removed_at IS NULL")
    .run(new Date().toISOString(), id);
  return info.changes > 0;
}

export async function saveFeedToken(db: Db, vault: TokenVault, source: FeedSource, token: string): Promise<void> {
  const sealed = await vault.seal(token, feedTokenContext(source.url, source.precinct));
  db.prepare("UPDATE source SET token_sealed = ? WHERE kind = 'feed' AND id = ?").run(sealed, source.id);
}

/** The feed's token, opened by the vault; null when none is stored. */
export async function loadFeedToken(db: Db, vault: TokenVault, source: FeedSource): Promise<string | null> {
  const row = db.prepare<[number], { token_sealed: string | null }>('SELECT token_sealed FROM source WHERE id = ?').get(source.id);
  if (!row?.token_sealed) return null;
  return vault.open(row.token_sealed, feedTokenContext(source.url, source.precinct));
}
