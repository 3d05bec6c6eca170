// better-sqlite3-multiple-ciphers is a native module: the copy in node_modules is built for Node (tests, CLI).
// In development the Electron app loads a second build for Electron's ABI, made by
// src/build/electron-native.mjs on `npm start`; a packaged app has node_modules rebuilt for
// Electron by Electron Forge and uses the default binding.
import fs from 'node:fs';
import path from 'node:path';

export function electronNativeBinding(appRoot: string, packaged: boolean): string | undefined {
  if (packaged) return undefined;
  const file = path.join(appRoot, '.native', `electron-${process.versions.electron}`, 'better_sqlite3_multiple_ciphers.node');
  if (!fs.existsSync(file)) throw new Error(`missing ${file}: run npm start (it builds better-sqlite3-multiple-ciphers for Electron)`);
  return file;
}
