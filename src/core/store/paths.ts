// Where the desktop app keeps its store, so that the CLI (without --db) works on the same one.
// Mirrors Electron's app.getPath('userData') for the product name "Casegraph".
import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'Casegraph';
export const STORE_FILE = 'casegraph.db';

export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env['APPDATA'] ?? path.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return path.join(env['XDG_CONFIG_HOME'] ?? path.join(home, '.config'), PRODUCT_NAME);
}

export function defaultStorePath(env: NodeJS.ProcessEnv = process.env): string {
  return env['CASEGRAPH_DB'] ?? path.join(userDataDir(env), STORE_FILE);
}
