// A linked demo store with a series to export, a workstation identity, and a snapshot of the
// store's tables to prove that a rejected bundle changed nothing.
import crypto from 'node:crypto';
import path from 'node:path';
import { importDemo } from '../../../src/core/import/import-demo';
import { linkStore } from '../../../src/core/linking/store-io';
import { openStore, type Db } from '../../../src/core/store/db';
import { loadOrCreateIdentity, type Identity } from '../../../src/core/bundle/identity';
import { tempDir } from '../../support/tmp';

export interface Fixture {
  readonly dir: string;
  readonly dbPath: string;
  readonly db: Db;
  readonly identity: Identity;
  /** The series with the most reports (ties: id). */
  readonly seriesId: string;
  readonly reportIds: readonly string[];
}

export async function linkedStore(reports = 400, seed = 7): Promise<Fixture> {
  const dir = tempDir();
  const dbPath = path.join(dir, 'issuer.db');
  const db = openStore(dbPath);
  await importDemo(db, { reports, seed });
  linkStore(db, { full: true });
  const seriesId = db.prepare('SELECT id FROM series WHERE active = 1 ORDER BY size DESC, id LIMIT 1').pluck().get() as string;
  const reportIds = db
    .prepare('SELECT r.id FROM series_member m JOIN report r ON r.rid = m.rid WHERE m.series_id = ? ORDER BY r.id')
    .pluck()
    .all(seriesId) as string[];
  const identity = await loadOrCreateIdentity(dbPath);
  return { dir, dbPath, db, identity, seriesId, reportIds };
}

const TABLES = [
  'report',
  'report_version',
  'identifier',
  'message',
  'source',
  'quarantine',
  'bundle_import',
  'audit_log',
  'trusted_key',
  'setting',
];

/** A hash of every row of the tables an import could touch. */
export function snapshot(db: Db): string {
  const h = crypto.createHash('sha256');
  for (const t of TABLES) {
    h.update(`${t}\n`);
    const rows = (db.prepare(`SELECT * FROM ${t}`).raw().all() as unknown[]).map((r) => JSON.stringify(r)).sort();
    h.update(`${rows.length}\n${rows.join('\n')}`);
  }
  return h.digest('hex');
}
