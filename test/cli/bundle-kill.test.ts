// `casegraph import-bundle` killed with SIGKILL at seeded-random moments of its writes: the merge
// of the bundle's reports, its money flow and its bundle_import row is one transaction, and the
// incremental link after it is another. After each kill the store opens, passes integrity_check
// and holds the bundle whole (every report, every flow transaction, its import row) or nothing of
// it; the series are those of before or those of a whole link. `import-bundle` run again (it says
// so when the bundle is already in) and then `casegraph link` end exactly where an uninterrupted
// import does.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetKey } from '../../src/core/store/store-key';
import { seededRandom } from '../feed-server/faults';
import { cli, cliOk, CLI, grewPast } from '../support/kill-cli';
import { linkState } from '../support/link-state';
import { copyStore, rawStore } from '../support/raw-store';
import { tempDir } from '../support/tmp';

let shared = '';
let receiver = '';
let bundle = '';

beforeAll(async () => {
  if (!fs.existsSync(CLI)) throw new Error('the built CLI is missing: npm test builds it first (npm run build)');
  shared = fs.mkdtempSync(path.join(os.tmpdir(), 'casegraph-bundle-kill-'));
  const issuer = path.join(shared, 'issuer.db');
  await cliOk(['demo', '--reports', '3000', '--seed', '61', '--db', issuer]);
  await cliOk(['link', '--full', '--db', issuer]);
  const series = JSON.parse(await cliOk(['series', '--json', '--db', issuer])) as { id: string; reports: string[] }[];
  const largest = series.reduce((a, b) => (b.reports.length > a.reports.length ? b : a));
  bundle = path.join(shared, 'case.casebundle');
  await cliOk(['export', largest.id, '--out', bundle, '--db', issuer]);
  receiver = path.join(shared, 'receiver.db');
  await cliOk(['demo', '--reports', '2000', '--seed', '62', '--db', receiver]);
  await cliOk(['link', '--full', '--db', receiver]);
}, 180_000);

afterAll(() => {
  if (shared) fs.rmSync(shared, { recursive: true, force: true });
});

/** What the bundle's merge writes: imports, reports, versions, flow transactions and their sources. */
function merged(db: string): string {
  forgetKey(db);
  const raw = rawStore(db, { readonly: true });
  try {
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    const n = (t: string): number => raw.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number;
    return JSON.stringify({
      imports: n('bundle_import'),
      reports: n('report'),
      versions: n('report_version'),
      txns: n('flow_txn'),
      sources: n('source'),
    });
  } finally {
    raw.close();
  }
}

describe('casegraph import-bundle killed with SIGKILL', () => {
  it('holds the bundle whole or not at all, the series of before or of a whole link; run again, it ends as an uninterrupted import', async () => {
    const dir = tempDir();
    const before = merged(receiver);
    const linkedBefore = linkState(receiver, { runs: false });
    const reference = path.join(dir, 'reference.db');
    copyStore(receiver, reference);
    const t0 = Date.now();
    await cliOk(['import-bundle', bundle, '--db', reference]);
    const wholeRunMs = Date.now() - t0;
    const whole = merged(reference);
    const linkedAfter = linkState(reference, { runs: false });
    expect(whole).not.toEqual(before);
    expect(linkedAfter).not.toEqual(linkedBefore);
    await cliOk(['link', '--db', reference]);
    expect(linkState(reference, { runs: false })).toEqual(linkedAfter);

    const random = seededRandom(611);
    const seen = { absent: 0, mergedUnlinked: 0 };
    for (let round = 0; round < 6; round++) {
      const db = path.join(dir, `killed-${round}.db`);
      copyStore(receiver, db);
      // Even rounds: at any moment of the whole run (the merge commits its WAL frames in one go, so
      // the WAL growing means the merge is in). Odd rounds: during the link after the merge.
      const kill =
        round % 2 === 0
          ? { when: () => true, delayMs: Math.floor(random() * wholeRunMs) }
          : { when: grewPast(`${db}-wal`, 0), delayMs: Math.floor(random() * 60) };
      const r = await cli(['import-bundle', bundle, '--db', db], { kill });
      if (!r.killed) expect(r.status, r.stderr).toBe(0);
      const now = merged(db);
      expect([before, whole]).toContain(now);
      const series = linkState(db, { runs: false });
      if (now === before) {
        seen.absent += 1;
        expect(series).toEqual(linkedBefore);
      } else if (series !== linkedAfter) {
        // Merged, the link after it not yet written: the series of before, the new reports waiting.
        seen.mergedUnlinked += 1;
        expect(JSON.parse(series)).toMatchObject({ members: JSON.parse(linkedBefore).members });
      }
      const again = await cliOk(['import-bundle', bundle, '--db', db]);
      if (now === whole) expect(again).toMatch(/^this bundle was imported before: nothing changed\n/);
      await cliOk(['link', '--db', db]);
      expect(merged(db)).toEqual(whole);
      expect(linkState(db, { runs: false })).toEqual(linkedAfter);
    }
    // The seeded delays land kills before the merge committed and between it and the link.
    expect(seen.absent).toBeGreaterThan(0);
    expect(seen.mergedUnlinked).toBeGreaterThan(0);
  }, 240_000);
});
