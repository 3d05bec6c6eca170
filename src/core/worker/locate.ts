// Where the built workers are: each is an entry of the main build (electron.vite.config.ts), so
// out/main/<name>-worker.js. The module asking is built into out/main itself or into
// out/main/chunks, so both are looked at. Run from TypeScript sources (vitest) there is none.
import fs from 'node:fs';
import path from 'node:path';

export const WORKERS = ['backend', 'link', 'import', 'analysis', 'statements'] as const;
export type WorkerName = (typeof WORKERS)[number];

const here = import.meta.dirname;

/** The built worker's file, or null when running from sources. */
export function builtWorker(name: WorkerName): string | null {
  for (const dir of [here, path.dirname(here)]) {
    const file = path.join(dir, `${name}-worker.js`);
    if (fs.existsSync(file)) return file;
  }
  return null;
}

/** Why a worker cannot be started: the sentence naming the build command. */
export function notBuilt(name: WorkerName): string {
  return `the ${name} worker is not built (out/main/${name}-worker.js); run npm run build`;
}

/** The built worker's file; throws, naming the build command, when it has not been built. */
export function requireWorker(name: WorkerName): string {
  const file = builtWorker(name);
  if (file === null) throw new Error(notBuilt(name));
  return file;
}
