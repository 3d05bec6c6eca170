// Sources: where reports come from (a file import, a feed, a bundle, the demo). Every report
// version records its source, which is its provenance.
import type { Db } from './db';

export type SourceKind = 'file' | 'feed' | 'bundle' | 'demo';

export interface SourceRow {
  readonly id: number;
  readonly kind: SourceKind;
  readonly name: string;
  readonly url: string | null;
  readonly precinct: string | null;
  readonly cursor: string | null;
  readonly created_at: string;
  readonly last_run_at: string | null;
  readonly last_error: string | null;
}

export function ensureSource(db: Db, kind: SourceKind, name: string, extra: { url?: string; precinct?: string } = {}): number {
  const found = db.prepare<[string, string], { id: number }>('SELECT id FROM source WHERE kind = ? AND name = ?').get(kind, name);
  if (found) return found.id;
  const info = db
    .prepare('INSERT INTO source (kind, name, url, precinct, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(kind, name, extra.url ?? null, extra.precinct ?? null, new Date().toISOString());
  return Number(info.lastInsertRowid);
}
