// The built files the CLI and worker tests run (out/main, which `npm test` builds first). A test
// of a built file fails when it is missing: it never passes by skipping.
import fs from 'node:fs';
import path from 'node:path';

/** The path of a built file in out/main; throws, naming the command, when it has not been built. */
export function builtFile(name: string): string {
  const file = path.resolve(import.meta.dirname, '../../out/main', name);
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: npm test builds it first (npm run build)`);
  return file;
}

/** The built link and analysis workers, as the backend worker passes them to its Backend. */
export function builtWorkers(): { readonly linkWorkerFile: string; readonly analysisWorkerFile: string } {
  return { linkWorkerFile: builtFile('link-worker.js'), analysisWorkerFile: builtFile('analysis-worker.js') };
}
