// End-to-end tests: the built UI in Debian's Chromium through `casegraph serve` on a demo store,
// and the Electron app through Playwright's _electron where an Electron binary exists.
import { defineConfig } from '@playwright/test';

const chromium = process.env['CASEGRAPH_CHROMIUM'] ?? '/usr/bin/chromium';

// Every store is encrypted: the tests' stores (made by `casegraph demo`, served by `casegraph
// serve`, looked into by the specs) are sealed under this passphrase, with a cheap scrypt (2^10)
// that is never a setting for real use. Set here, it reaches every process the specs start.
process.env['CASEGRAPH_PASSPHRASE'] ??= 'correct horse battery staple';
process.env['CASEGRAPH_SCRYPT_LOG_N'] ??= '10';

export default defineConfig({
  testDir: '.',
  outputDir: '../artifacts/e2e',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['html', { outputFolder: '../artifacts/e2e-report', open: 'never' }]],
  use: {
    screenshot: 'on',
    trace: 'retain-on-failure',
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    launchOptions: {
      executablePath: chromium,
      // Without these, Chromium keeps dialling Google services this machine cannot reach.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
