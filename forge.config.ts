// Packaging with Electron Forge: the electron-vite build in out/ plus production dependencies,
// native modules rebuilt for Electron (better-sqlite3-multiple-ciphers), installers for Linux, Windows and macOS.
import type { ForgeConfig } from '@electron-forge/shared-types';

const config: ForgeConfig = {
  packagerConfig: {
    name: 'Casegraph',
    executableName: 'casegraph-desktop',
    appBundleId: 'org.casegraph.workstation',
    asar: { unpack: '**/*.node' },
    icon: 'resources/icon',
    // Ship only the build output and what it needs at run time; sources, tests and stores stay out.
    ignore: (file: string) => {
      if (!file) return false;
      const keep = ['/out', '/package.json', '/resources', '/node_modules'];
      if (file.startsWith('/resources/screenshots')) return true;
      return !keep.some((k) => file === k || file.startsWith(`${k}/`));
    },
  },
  rebuildConfig: { onlyModules: ['better-sqlite3-multiple-ciphers'], force: true },
  makers: [
    { name: '@electron-forge/maker-squirrel', platforms: ['win32'], config: { name: 'Casegraph', setupExe: 'CasegraphSetup.exe' } },
    { name: '@electron-forge/maker-zip', platforms: ['darwin', 'linux'], config: {} },
    { name: '@electron-forge/maker-dmg', platforms: ['darwin'], config: { format: 'ULFO' } },
    {
      name: '@electron-forge/maker-deb',
      platforms: ['linux'],
      config: { options: { name: 'casegraph', productName: 'Casegraph', categories: ['Office'], icon: 'resources/icon.png' } },
    },
    {
      name: '@electron-forge/maker-rpm',
      platforms: ['linux'],
      config: { options: { name: 'casegraph', productName: 'Casegraph', categories: ['Office'], icon: 'resources/icon.png' } },
    },
  ],
};

export default config;
