#!/usr/bin/env node
// Builds better-sqlite3-multiple-ciphers for Electron's ABI next to (not over) the Node build in node_modules,
// so one `npm install` serves Node (tests, CLI) and Electron (the app) without manual rebuilds.
// Output: .native/electron-<version>/better_sqlite3_multiple_ciphers.node (a name of its own, so a
// build of the plain better-sqlite3 left there by an earlier version is never taken for it), loaded by src/main/native-binding.ts
// through better-sqlite3-multiple-ciphers's `nativeBinding` option. Runs before `npm start`, `npm run package`
// and `npm run make`; does nothing when the build for this Electron version exists.
// Needs Electron's headers (downloaded once by @electron/rebuild, or ELECTRON_HEADERS_DIR /
// npm_config_nodedir pointing at them) and a C++ toolchain.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..', '..');
const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const outDir = path.join(root, '.native', `electron-${electronVersion}`);
const target = path.join(outDir, 'better_sqlite3_multiple_ciphers.node');

if (fs.existsSync(target)) process.exit(0);

const workDir = path.join(root, '.native', 'work');
const moduleSrc = path.dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json'));
fs.rmSync(workDir, { recursive: true, force: true });
fs.mkdirSync(path.join(workDir, 'node_modules'), { recursive: true });
fs.writeFileSync(
  path.join(workDir, 'package.json'),
  JSON.stringify({ name: 'casegraph-native', version: '0.0.0', dependencies: { 'better-sqlite3-multiple-ciphers': '*' } }),
);
fs.cpSync(moduleSrc, path.join(workDir, 'node_modules', 'better-sqlite3-multiple-ciphers'), {
  recursive: true,
  filter: (src) => !src.includes(`${path.sep}build${path.sep}`) && !src.endsWith(`${path.sep}build`),
});

console.error(`Building better-sqlite3-multiple-ciphers for Electron ${electronVersion} (once; about a minute)…`);
// npm's nodedir (set on some machines for Node's own headers) must not leak into an Electron build.
delete process.env.npm_config_nodedir;
const { rebuild } = require('@electron/rebuild');
try {
  await rebuild({
    buildPath: workDir,
    electronVersion,
    onlyModules: ['better-sqlite3-multiple-ciphers'],
    force: true,
    buildFromSource: true,
    ...(process.env.ELECTRON_HEADERS_DIR ? { headerURL: `file://${process.env.ELECTRON_HEADERS_DIR}` } : {}),
  });
} catch (e) {
  console.error(
    `Could not build better-sqlite3-multiple-ciphers for Electron ${electronVersion}: ${e instanceof Error ? e.message : String(e)}`,
  );
  console.error(
    'The app needs Electron headers (network access to the Electron headers server, or ELECTRON_HEADERS_DIR) and a C++ toolchain.',
  );
  process.exit(1);
}
const built = path.join(workDir, 'node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node');
fs.mkdirSync(outDir, { recursive: true });
fs.copyFileSync(built, target);
fs.rmSync(workDir, { recursive: true, force: true });
console.error(`Built ${path.relative(root, target)}`);
