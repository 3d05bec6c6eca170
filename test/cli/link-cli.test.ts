// `casegraph link`, `series` and `explain` as a user runs them (the built CLI).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { card, ingest, phone, report, testStore } from '../core/linking/support';
import { builtFile } from '../support/built';

const CLI = builtFile('casegraph.js');
const run = (...args: string[]): { status: number | null; stdout: string; stderr: string } => {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('casegraph link / series / explain', () => {
  it('links, lists series as JSON per cli.md and explains', () => {
    const { db, file } = testStore();
    ingest(db, [
      report('A1', { identifiers: [card('6222021234567890128')], loss: { amount: '2000.00', currency: 'CNY' } }),
      report('A2', { identifiers: [card('6222 0212 3456 7890 128'), phone('13800138000')], loss: { amount: '1500.50', currency: 'CNY' } }),
      report('A3', { identifiers: [phone('+86 138 0013 8000')] }),
      report('Z', { identifiers: [phone('95588')] }),
    ]);
    db.close();
    const link = run('link', '--db', file);
    expect(link.status).toBe(0);
    expect(link.stdout).toMatch(/^1 series, 1 over the filing threshold/);
    const series = run('series', '--db', file, '--json');
    expect(series.status).toBe(0);
    const list = JSON.parse(series.stdout) as { id: string; reports: string[]; loss: Record<string, string>; over_threshold: boolean }[];
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ reports: ['A1', 'A2', 'A3'], loss: { CNY: '4500.50' }, over_threshold: true });
    expect(list[0]?.id).toMatch(/^S-[0-9A-Z]{10}$/);
    expect((JSON.parse(run('series', '--db', file, '--json', '--all').stdout) as unknown[]).length).toBe(2);
    expect(JSON.parse(run('series', '--db', file, '--json', '--over-threshold').stdout)).toHaveLength(1);
    const explained = run('explain', 'A1', 'A3', '--db', file);
    expect(explained.status).toBe(0);
    expect(explained.stdout).toContain(`A1 and A3 are in series ${list[0]?.id}, through 2 links`);
    const json = JSON.parse(run('explain', 'A1', 'Z', '--db', file, '--json').stdout) as { linked: boolean; reasons: string[] };
    expect(json.linked).toBe(false);
    expect(run('explain', 'A1', '--db', file).status).toBe(2);
    expect(run('explain', 'A1', 'NOPE', '--db', file)).toMatchObject({ status: 1, stderr: 'casegraph: no report with id NOPE\n' });
  });

  it('says in series --json which series reached the threshold only together; a single report never did', () => {
    const { db, file } = testStore();
    ingest(db, [
      // Small frauds on one card within days: only together. The fraud dates count, not the report dates.
      report('T1', {
        reported_at: '2025-03-01T10:00:00+08:00',
        occurred_at: '2025-02-27T21:00:00+08:00',
        identifiers: [card('6222021234567890128')],
        loss: { amount: '1800.00', currency: 'CNY' },
      }),
      report('T2', {
        reported_at: '2025-03-20T10:00:00+08:00',
        occurred_at: '2025-03-19T08:30:00+08:00',
        identifiers: [card('6222021234567890128')],
        loss: { amount: '1500.00', currency: 'CNY' },
      }),
      // One fraud reaches the threshold alone.
      report('B1', { identifiers: [card('6217000012345678901')], loss: { amount: '3000.00', currency: 'CNY' } }),
      report('B2', { identifiers: [card('6217000012345678901')], loss: { amount: '200.00', currency: 'CNY' } }),
      // Reported within days, but the frauds happened three years apart: not over.
      report('F1', {
        reported_at: '2025-05-01T10:00:00+08:00',
        occurred_at: '2022-04-01T10:00:00+08:00',
        identifiers: [phone('13912345678')],
        loss: { amount: '2000.00', currency: 'CNY' },
      }),
      report('F2', {
        reported_at: '2025-05-03T10:00:00+08:00',
        occurred_at: '2025-05-02T10:00:00+08:00',
        identifiers: [phone('13912345678')],
        loss: { amount: '2000.00', currency: 'CNY' },
      }),
      // Alone over the threshold.
      report('S1', { loss: { amount: '9000.00', currency: 'CNY' } }),
    ]);
    db.close();
    expect(run('link', '--db', file).stdout).toMatch(/^3 series, 2 over the filing threshold/);
    type Entry = {
      id: string;
      reports: string[];
      over_threshold: boolean;
      only_together: boolean;
      over_by: string | null;
      over_at: string | null;
    };
    const list = JSON.parse(run('series', '--db', file, '--json').stdout) as Entry[];
    const of = (first: string): Entry | undefined => list.find((e) => e.reports[0] === first);
    expect(of('T1')).toMatchObject({
      reports: ['T1', 'T2'],
      over_threshold: true,
      only_together: true,
      over_by: 'T2',
      over_at: '2025-03-19T00:30:00.000Z',
    });
    expect(of('B1')).toMatchObject({ over_threshold: true, only_together: false, over_by: 'B1' });
    expect(of('F1')).toMatchObject({ over_threshold: false, only_together: false, over_by: null });
    const all = JSON.parse(run('series', '--db', file, '--json', '--all').stdout) as Entry[];
    expect(all.find((e) => e.reports[0] === 'S1')).toMatchObject({ id: 'R-S1', over_threshold: true, only_together: false });
    expect(all.every((e) => typeof e.only_together === 'boolean')).toBe(true);
    const together = JSON.parse(run('series', '--db', file, '--json', '--only-together', '--all').stdout) as Entry[];
    expect(together.map((e) => e.id)).toEqual([of('T1')?.id]);
    expect(run('series', '--db', file).stdout).toMatch(/over threshold \(T2, only together\)/);
  });

  it('edits the ignore list: add, list, remove, shipped defaults protected, usage errors exit 2', () => {
    const { db, file } = testStore();
    ingest(db, [
      report('I1', { identifiers: [card('6222021234567890128')] }),
      report('I2', { identifiers: [card('6222021234567890128')] }),
    ]);
    db.close();
    expect(run('link', '--db', file).stdout).toMatch(/^1 series/);
    const help = run('ignore', '--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('usage: casegraph ignore list [--json]');
    expect(help.stdout).toContain('casegraph ignore add KIND VALUE [--reason TEXT]');
    expect(help.stdout).toContain('casegraph ignore remove KIND VALUE');
    const added = run('ignore', 'add', 'bank_card', '6222 0212 3456 7890 128', '--reason', 'test card', '--db', file);
    expect(added).toMatchObject({
      status: 0,
      stdout: 'ignoring bank_card 6222021234567890128; 2 reports relink at the next casegraph link\n',
    });
    const list = JSON.parse(run('ignore', 'list', '--json', '--db', file).stdout) as {
      kind: string;
      value: string;
      source: string;
      reason: string | null;
    }[];
    expect(list.find((e) => e.source === 'investigator')).toMatchObject({
      kind: 'bank_card',
      value: '6222021234567890128',
      reason: 'test card',
    });
    expect(list.find((e) => e.value === '95588')).toMatchObject({ source: 'shipped', ignored: true });
    expect(run('ignore', 'list', '--db', file).stdout).toMatch(/^bank_card\s+6222021234567890128\s+added\s+test card$/m);
    expect(run('link', '--db', file).stdout).toMatch(/^0 series/);
    expect(run('ignore', 'remove', 'phone', '95588', '--db', file)).toMatchObject({
      status: 1,
      stderr: expect.stringMatching(/^casegraph: phone 95588 is a shipped default and cannot be removed; --override/),
    });
    expect(JSON.parse(run('ignore', 'remove', 'bank_card', '6222021234567890128', '--json', '--db', file).stdout)).toEqual({
      kind: 'bank_card',
      value: '6222021234567890128',
      source: 'investigator',
      changed: true,
      relink: 2,
    });
    expect(run('link', '--db', file).stdout).toMatch(/^1 series/);
    expect(run('ignore', 'add', 'fax', '1', '--db', file).status).toBe(2);
    expect(run('ignore', 'add', 'phone', '--db', file).status).toBe(2);
    expect(run('ignore', 'frobnicate', '--db', file).status).toBe(2);
    expect(run('ignore', 'add', 'phone', '110', '--override', '--db', file).status).toBe(2);
  });
});
