import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['test/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // Memory tests measure retained heap after a forced collection.
    execArgv: ['--expose-gc'],
    // Every store is encrypted: the tests' stores are sealed under this passphrase, with a cheap
    // scrypt (2^10; the default 2^17 takes half a second per store) — never a setting for real use.
    env: { CASEGRAPH_PASSPHRASE: 'correct horse battery staple', CASEGRAPH_SCRYPT_LOG_N: '10' },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
