// `casegraph suggestions accept|reject` killed with SIGKILL at seeded-random moments: while the
// decision is written (with an acceptance's merge correction and the audit entry: one
// transaction) or while the relink after it writes the series. After each kill the store opens,
// passes integrity_check and holds the decision whole or not at all; the series are those of
// before, or those the decision makes once linked. The command run again (when no decision was
// stored) or `casegraph link` (when it was) ends exactly where an uninterrupted run does.
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
let linked = '';
let ids: string[] = [];

beforeAll(async () => {
  if (!fs.existsSync(CLI)) throw new Error('the built CLI is missing: npm test builds it first (npm run build)');
  shared = fs.mkdtempSync(path.join(os.tmpdir(), 'casegraph-casework-kill-'));
  linked = path.join(shared, 'linked.db');
  await cliOk(['demo', '--reports', '3000', '--seed', '21', '--db', linked]);
  await cliOk(['link', '--full', '--db', linked]);
  ids = (JSON.parse(await cliOk(['suggestions', '--json', '--db', linked])) as { id: string }[]).map((s) => s.id);
  expect(ids.length).toBeGreaterThan(3);
}, 120_000);

afterAll(() => {
  if (shared) fs.rmSync(shared, { recursive: true, force: true });
});

/** The decision's rows: decisions, merge corrections and audit entries, each counted. */
function decisionRows(db: string, id: string): [number, number, number] {
  forgetKey(db);
  const raw = rawStore(db, { readonly: true });
  try {
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    const n = (sql: string): number => raw.prepare(sql).pluck().get(id) as number;
    return [
      n('SELECT count(*) FROM suggestion_decision WHERE suggestion = ?'),
      n(
        "SELECT count(*) FROM link_override WHERE action = 'merge' AND reason = (SELECT reason FROM suggestion_decision WHERE suggestion = ?)",
      ),
      n("SELECT count(*) FROM audit_log WHERE action IN ('suggestion_accept', 'suggestion_reject') AND subject = ?"),
    ];
  } finally {
    raw.close();
  }
}

async function killRounds(verb: 'accept' | 'reject', seed: number): Promise<{ decidedUnlinked: number; undecided: number }> {
  const dir = tempDir();
  const random = seededRandom(seed);
  const before = linkState(linked, { runs: false });
  const whole: [number, number, number] = verb === 'accept' ? [1, 1, 1] : [1, 0, 1];
  let decidedUnlinked = 0;
  let undecided = 0;
  for (let round = 0; round < 3; round++) {
    const id = ids[round] as string;
    const args = ['suggestions', verb, id, '--reason', `round ${round}: 同一诈骗话术`];
    // What an uninterrupted run leaves.
    const reference = path.join(dir, `reference-${round}.db`);
    copyStore(linked, reference);
    await cliOk([...args, '--db', reference]);
    const after = linkState(reference, { runs: false });
    expect(decisionRows(reference, id)).toEqual(whole);

    const db = path.join(dir, `killed-${round}.db`);
    copyStore(linked, db);
    // From the first write on: the decision takes milliseconds, the relink after it a few seconds.
    const delayMs = Math.floor(random() * (round % 2 === 0 ? 40 : 2500));
    const r = await cli([...args, '--db', db], { kill: { when: grewPast(`${db}-wal`, 0), delayMs } });
    if (!r.killed) expect(r.status, r.stderr).toBe(0);
    const rows = decisionRows(db, id);
    expect([[0, 0, 0], whole]).toContainEqual(rows);
    const now = linkState(db, { runs: false });
    // The decision is one transaction, the relink another: killed between them, the decision
    // stands with its reports marked for the next link run, and the series are still those of before.
    const waiting = rows[0] === 1 && linkState(db, { runs: false, dirty: false }) === linkState(linked, { runs: false, dirty: false });
    if (!waiting) expect([before, after]).toContain(now);
    if (rows[0] === 0) {
      undecided += 1;
      expect(now).toBe(before);
      await cliOk([...args, '--db', db]);
    } else {
      if (waiting) decidedUnlinked += 1;
      // The decision stands; the relink it was waiting for makes the series.
      await cliOk(['link', '--db', db]);
    }
    expect(decisionRows(db, id)).toEqual(whole);
    expect(linkState(db, { runs: false })).toBe(after);
  }
  return { decidedUnlinked, undecided };
}

describe('deciding on suggestions, killed with SIGKILL', () => {
  it('accept: the decision and its merge whole or absent, the series of before or of the merge', async () => {
    const seen = await killRounds('accept', 501);
    expect(seen.decidedUnlinked + seen.undecided).toBeGreaterThan(0);
  }, 150_000);

  it('reject: the decision whole or absent, and the next run ends as an uninterrupted one', async () => {
    const seen = await killRounds('reject', 502);
    expect(seen.decidedUnlinked + seen.undecided).toBeGreaterThan(0);
  }, 150_000);
});
