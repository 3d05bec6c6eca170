// `casegraph flow links` with the built CLI on the hand-built ring statements (xlsx with holder
// sheets, GB18030 CSV, a gateway's CSV): the shared MAC and IP and the holders as JSON and as
// lines, the gateway set aside under the cap and found above a higher one, bad usage refused;
// `flow patterns` keeps the spec's five patterns.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FlowLinks } from '../../src/common/api';
import { M1, M2, M3, M4, M5, GATEWAY_IP, RING_IP, RING_MAC, writeRingStatements } from '../core/statements/links-fixture';
import { builtFile } from '../support/built';
import { tempDir } from '../support/tmp';

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [builtFile('casegraph.js'), ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('casegraph flow links', () => {
  it('names the accounts sharing a device and the holders behind several cards', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'store.db');
    const imported = run('import-statements', ...(await writeRingStatements(dir)), '--db', db);
    expect(imported.status, imported.stderr).toBe(0);

    const json = run('flow', 'links', '--json', '--db', db);
    expect(json.status, json.stderr).toBe(0);
    const links = JSON.parse(json.stdout) as FlowLinks;
    expect(links.devices.map((d) => [d.kind, d.value, d.accounts.map((a) => a.account), d.transactions])).toEqual([
      ['mac', RING_MAC, [M1, M2, M3, M4], 5],
      ['ip', RING_IP, [M1, M2], 2],
    ]);
    expect(links.holders.map((h) => h.accounts.map((a) => a.account))).toEqual([
      [M1, M2, M4],
      [M3, M5],
    ]);
    expect(links.ignored).toEqual([{ kind: 'ip', value: GATEWAY_IP, accounts: 25 }]);

    const text = run('flow', 'links', '--db', db);
    expect(text.status).toBe(0);
    const lines = text.stdout.trim().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^mac  ${RING_MAC}  4 accounts paid from MAC ${RING_MAC}: ${M1} \\(2 transactions, `));
    expect(lines).toContain(`set aside  ip ${GATEWAY_IP}: used by 25 accounts, more than 20 (a gateway or NAT)`);
    expect(lines.filter((l) => l.startsWith('holder  '))).toHaveLength(2);

    const wide = JSON.parse(run('flow', 'links', '--json', '--max-accounts', '30', '--db', db).stdout) as FlowLinks;
    expect(wide.ignored).toEqual([]);
    expect(wide.devices[0]).toMatchObject({ kind: 'ip', value: GATEWAY_IP });
    expect(run('flow', 'links', '--max-accounts', '1', '--db', db)).toMatchObject({ status: 2 });
    const noSeries = run('flow', 'links', '--series', 'S-NOPE', '--db', db);
    expect(noSeries.status).toBe(1);
    expect(noSeries.stderr).toMatch(/no series S-NOPE/);

    const patterns = JSON.parse(run('flow', 'patterns', '--json', '--db', db).stdout) as { pattern: string }[];
    for (const p of patterns) expect(['fast_in_out', 'fan_in', 'fan_out', 'loop', 'cash_out']).toContain(p.pattern);
  }, 60_000);
});
