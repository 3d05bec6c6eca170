// One build for everything that ships: the Electron main process, the preload, the renderer,
// and — as extra entries of the Node-targeted main build — the `casegraph` CLI and the backend,
// linking, import and analysis workers, which share the core code. `npm run build` runs this.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          casegraph: resolve('src/cli/casegraph.ts'),
          'backend-worker': resolve('src/core/backend/backend-worker.ts'),
          'link-worker': resolve('src/core/linking/link-worker.ts'),
          'import-worker': resolve('src/core/import/import-worker.ts'),
          'analysis-worker': resolve('src/core/analysis/analysis-worker.ts'),
          'statements-worker': resolve('src/core/statements/statements-worker.ts'),
        },
        output: {
          // The CLI entry is executable through package.json `bin`.
          banner: (chunk) => (chunk.name === 'casegraph' ? '#!/usr/bin/env node' : ''),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rolldownOptions: {
        input: { index: resolve('src/preload/index.ts') },
        // A sandboxed preload must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    build: {
      outDir: 'out/renderer',
      rolldownOptions: { input: { index: resolve('src/renderer/index.html') } },
      chunkSizeWarningLimit: 2048,
    },
    plugins: [react()],
  },
});
