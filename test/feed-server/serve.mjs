// Runs serve.ts under plain Node: vite (a dev dependency) transpiles the TypeScript on the fly,
// so the demo feed needs no build step and no extra package.
import { runnerImport } from 'vite';

const { module } = await runnerImport(new URL('./serve.ts', import.meta.url).pathname);
await module.main(process.argv.slice(2));
