// Packaging cannot run here (it downloads Electron), so the Forge configuration is checked as
// Forge itself loads it: makers for every platform, and only the build output shipped.
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { ResolvedForgeConfig } from '@electron-forge/shared-types';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(import.meta.dirname, '../..');

describe('forge.config.ts', () => {
  it('loads through Electron Forge with makers for Linux, Windows and macOS', async () => {
    const findConfig = (
      require('@electron-forge/core/dist/util/forge-config') as { default: (dir: string) => Promise<ResolvedForgeConfig> }
    ).default;
    const config = await findConfig(ROOT);
    const makers = config.makers.map((m) => ('name' in m ? [m.name, m.platforms] : []));
    expect(makers).toEqual([
      ['@electron-forge/maker-squirrel', ['win32']],
      ['@electron-forge/maker-zip', ['darwin', 'linux']],
      ['@electron-forge/maker-dmg', ['darwin']],
      ['@electron-forge/maker-deb', ['linux']],
      ['@electron-forge/maker-rpm', ['linux']],
    ]);
    expect(config.rebuildConfig).toMatchObject({ onlyModules: ['better-sqlite3-multiple-ciphers'] });
    const ignore = config.packagerConfig.ignore as (file: string) => boolean;
    for (const shipped of [
      '/out/main/index.js',
      '/out/renderer/index.html',
      '/package.json',
      '/node_modules/better-sqlite3-multiple-ciphers/package.json',
      '/resources/icon.png',
    ]) {
      expect(ignore(shipped), shipped).toBe(false);
    }
    for (const left of [
      '/src/main/index.ts',
      '/test/e2e/app.spec.ts',
      '/README.md',
      '/.native/electron-42/better_sqlite3_multiple_ciphers.node',
      '/resources/screenshots/reports.png',
      '/store.db',
    ]) {
      expect(ignore(left), left).toBe(true);
    }
  });
});
