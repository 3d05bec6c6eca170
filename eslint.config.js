// Lint, including the layering rule: the folder is the runtime, and each layer may import only
// the layers beneath it. This keeps core code testable in plain Node, keeps electron out of
// everything but the two thin shells, and keeps Node and the store out of the renderer.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const layer = (name) => [`**/${name}`, `**/${name}/**`, `../${name}/**`, `../../${name}/**`, `../../../${name}/**`];
const forbid = (message, ...groups) => ({ group: groups.flat(), message });
const NODE = ['node:*', 'fs', 'path', 'os', 'crypto', 'http', 'worker_threads', 'child_process', 'better-sqlite3'];
const UI = ['react', 'react-dom', 'react-dom/*', 'cytoscape', 'cytoscape-*', 'recharts', '@tanstack/*'];

const rules = {
  common: [
    forbid('src/common runs anywhere: no Node, Electron, React or DOM-only code.', NODE, ['electron'], UI),
    forbid(
      'src/common is the bottom layer.',
      layer('core'),
      layer('main'),
      layer('preload'),
      layer('renderer'),
      layer('cli'),
      layer('serve'),
    ),
  ],
  core: [
    forbid('src/core runs in plain Node: it never imports Electron or React.', ['electron'], UI),
    forbid('src/core may import only src/common.', layer('main'), layer('preload'), layer('renderer'), layer('cli'), layer('serve')),
  ],
  serve: [
    forbid('The browser host is plain Node.', ['electron'], UI),
    forbid('The browser host may import src/common and src/core.', layer('main'), layer('preload'), layer('renderer'), layer('cli')),
  ],
  cli: [
    forbid('The CLI is plain Node.', ['electron'], UI),
    forbid('The CLI may import src/common, src/core and src/serve.', layer('main'), layer('preload'), layer('renderer')),
  ],
  main: [
    forbid('The main process is a thin shell: no UI code.', UI),
    forbid('The main process may import src/common and src/core.', layer('preload'), layer('renderer'), layer('cli'), layer('serve')),
  ],
  preload: [
    forbid('The sandboxed preload may use electron and types from src/common only.', NODE, UI),
    forbid('The preload may import src/common only.', layer('core'), layer('main'), layer('renderer'), layer('cli'), layer('serve')),
  ],
  renderer: [
    forbid('The renderer is web code: it reaches the backend only through the API client.', NODE, ['electron']),
    forbid('The renderer may import src/common only.', layer('core'), layer('main'), layer('preload'), layer('cli'), layer('serve')),
  ],
};

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', '.native/**', 'test-results/**', 'playwright-report/**', 'test/artifacts/**', '.vite/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  ...Object.entries(rules).map(([name, patterns]) => ({
    files: [`src/${name}/**/*.{ts,tsx}`],
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  })),
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
);
