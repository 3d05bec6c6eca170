// A linked demo precinct in a real SQLite file, made once per test file and copied for each test
// that changes it (linking 3,000 reports is quick, but not free).
import fs from 'node:fs';
import path from 'node:path';
import type { ApiEvent } from '../../../src/common/api';
import { answer, type Result } from '../../../src/common/result';
import { caseworkHandlers, type CaseworkHandlers } from '../../../src/core/backend/handlers/casework';
import type { HandlerDeps } from '../../../src/core/backend/handlers/context';
import { seriesHandlers, type SeriesHandlers } from '../../../src/core/backend/handlers/series';

type AnalysisHandlers = SeriesHandlers & CaseworkHandlers;
import { importDemo } from '../../../src/core/import/import-demo';
import { linkStore } from '../../../src/core/linking/store-io';
import { openStore, type Db } from '../../../src/core/store/db';
import { tempDir } from '../../support/tmp';
import { copyStore } from '../../support/raw-store';

let template: string | null = null;

export async function demoTemplate(reports = 3000): Promise<string> {
  if (template && fs.existsSync(template)) return template;
  const file = path.join(fs.mkdtempSync(path.join(tempDir(), 'tpl-')), 'template.db');
  const db = openStore(file);
  await importDemo(db, { reports, seed: 7 });
  linkStore(db, { full: true });
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  template = file;
  return file;
}

export interface DemoStore {
  readonly db: Db;
  readonly file: string;
  readonly api: AnalysisHandlers;
  readonly events: ApiEvent[];
  relinks: number;
}

/** A fresh copy of the linked demo store, with the analysis handlers on it (relink counted, not run). */
export async function demoStore(): Promise<DemoStore> {
  const file = path.join(tempDir(), 'store.db');
  copyStore(await demoTemplate(), file);
  const db = openStore(file);
  const events: ApiEvent[] = [];
  const store: DemoStore = {
    db,
    file,
    events,
    relinks: 0,
    api: answering(analysisHandlers({ db, relink: () => (store.relinks += 1), emit: (e) => events.push(e), actor: 'li.wei' })),
  };
  return store;
}

/** The series and casework handlers, as the backend composes them. */
function analysisHandlers(deps: HandlerDeps): AnalysisHandlers {
  return { ...seriesHandlers(deps), ...caseworkHandlers(deps) };
}

/** The handlers as Backend.call answers them: an expected failure they throw is a failed result. */
function answering(handlers: AnalysisHandlers): AnalysisHandlers {
  const out: Record<string, (arg: never) => Promise<Result<unknown>>> = {};
  for (const [method, handler] of Object.entries(handlers) as [string, (arg: never) => Promise<Result<unknown>>][])
    out[method] = (arg) => answer(() => handler(arg));
  return out as unknown as AnalysisHandlers;
}

export function value<T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}
