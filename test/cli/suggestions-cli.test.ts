// `casegraph suggestions` as a user runs it (the built CLI): the queue as JSON per cli.md and as a
// table, accept (the two series become one after the link the command runs), reject, revoke,
// exit codes and one-line errors. Suggestion rows are written as the engine writes them.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LinkEvidence } from '../../src/common/api';
import { suggestionId } from '../../src/core/linking/suggestion-id';
import { openStore, type Db } from '../../src/core/store/db';
import { card, ingest, phone, report, testStore } from '../core/linking/support';

const CLI = path.resolve(import.meta.dirname, '../../out/main/casegraph.js');

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, CASEGRAPH_DB: '/nonexistent/never-used.db' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: npm test builds it first (npm run build)`);
});

const EVIDENCE: LinkEvidence[] = [
  { type: 'text', similarity: 0.93, weight: 4.1 },
  { type: 'brand', brand: '京东金融', weight: 2.45, groups: 3 },
  { type: 'prior', groups: 6, weight: -2.6 },
];

function seed(db: Db, x: string, y: string, score: number, evidence: readonly LinkEvidence[] = EVIDENCE): string {
  const rid = db.prepare('SELECT rid FROM report WHERE id = ?').pluck();
  const [a, b] = [rid.get(x) as number, rid.get(y) as number].sort((p, q) => p - q);
  const id = suggestionId(x, y);
  db.prepare('INSERT INTO link_suggestion (id, a, b, score, evidence, run) VALUES (?, ?, ?, ?, ?, 1)').run(
    id,
    a,
    b,
    score,
    JSON.stringify(evidence),
  );
  return id;
}

interface Listed {
  id: string;
  series: string[];
  reports: string[];
  score: number;
  evidence: string[];
  crosses_threshold: boolean;
  status: string;
  decision: { reason: string; correction: number | null } | null;
}

/** Two series of two reports (A, B) and two single reports under the threshold alone, over it together (C1, C2). */
function linkedStore(): { file: string; ab: string; cc: string } {
  const { db, file } = testStore();
  ingest(db, [
    report('A1', {
      identifiers: [card('6222021234567890128')],
      loss: { amount: '500.00', currency: 'CNY' },
      messages: [{ channel: 'sms', text: '【兼职】日结工资，刷单返利，动动手指月入过万，详情请加微信了解' }],
    }),
    report('A2', { identifiers: [card('6222021234567890128')], loss: { amount: '400.00', currency: 'CNY' } }),
    report('B1', {
      identifiers: [phone('13800138000')],
      loss: { amount: '300.00', currency: 'CNY' },
      messages: [{ channel: 'sms', text: '【兼职】日结工资，刷单返利，动动手指月入过万，详情请加微信了解' }],
    }),
    report('B2', { identifiers: [phone('13800138000')], loss: { amount: '200.00', currency: 'CNY' } }),
    // The same identifier-free text: a lead the engine itself keeps suggesting after every relink.
    report('C1', {
      loss: { amount: '1000.00', currency: 'CNY' },
      messages: [{ channel: 'sms', text: '【京东】您的订单商品存在质量问题，我司将为您办理退款理赔，请添加客服处理' }],
    }),
    report('C2', {
      loss: { amount: '2100.00', currency: 'CNY' },
      messages: [{ channel: 'sms', text: '【京东】您的订单商品存在质量问题，我司将为您办理退款理赔，请添加客服处理' }],
    }),
  ]);
  db.close();
  expect(run('link', '--db', file).stdout).toMatch(/^2 series, 0 over the filing threshold/);
  const store = openStore(file);
  // The queue holds the rows written here (seeded as the engine writes them).
  store.prepare('DELETE FROM link_suggestion').run();
  const ab = seed(store, 'A1', 'B1', 3.2);
  const cc = seed(store, 'C1', 'C2', 1.05, [
    { type: 'category_time', category: 'part_time_job', days: 1, weight: 3.1 },
    { type: 'prior', groups: 4, weight: -2.05 },
  ]);
  store.close();
  return { file, ab, cc };
}

const seriesOf = (file: string, report: string): string => {
  const list = JSON.parse(run('series', '--all', '--json', '--db', file).stdout) as { id: string; reports: string[] }[];
  return (list.find((s) => s.reports.includes(report)) as { id: string }).id;
};

describe('casegraph suggestions', () => {
  it('lists the queue as JSON per cli.md and as a table, crossing the threshold first', () => {
    const { file, ab, cc } = linkedStore();
    const json = run('suggestions', '--json', '--db', file);
    expect(json.status).toBe(0);
    expect(json.stderr).toBe('');
    const list = JSON.parse(json.stdout) as Listed[];
    expect(list.map((s) => s.id)).toEqual([cc, ab]);
    expect(list[0]).toMatchObject({
      series: ['R-C1', 'R-C2'],
      reports: ['C1', 'C2'],
      score: 1.05,
      crosses_threshold: true,
      status: 'open',
      decision: null,
    });
    expect(list[0]?.evidence).toEqual([
      'same category (part time job) within 1 day: +3.1 bits',
      'prior odds of one gang among 4 groups of reports: -2.0 bits',
    ]);
    expect(list[1]?.series).toEqual([seriesOf(file, 'A1'), seriesOf(file, 'B1')]);
    expect(list[1]?.evidence).toEqual([
      'near-identical message text (similarity 0.93): +4.1 bits',
      'same brand 【京东金融】, used by 3 groups of reports: +2.5 bits',
      'prior odds of one gang among 6 groups of reports: -2.6 bits',
    ]);
    expect(
      JSON.parse(run('suggestions', '--json', '--series', seriesOf(file, 'B2'), '--db', file).stdout).map((s: Listed) => s.id),
    ).toEqual([ab]);

    const text = run('suggestions', '--db', file);
    expect(text.status).toBe(0);
    const lines = text.stdout.split('\n');
    expect(lines[0]).toMatch(/^ID\s+SERIES\s+REPORTS\s+LOSS\s+SCORE\s+P$/);
    expect(lines[1]).toMatch(
      new RegExp(`^${cc}\\s+R-C1 \\+ R-C2\\s+1 \\+ 1\\s+3100.00 CNY\\s+\\+1.1 bits\\s+67.4%\\s+would reach the threshold$`),
    );
    expect(text.stdout).toContain('    near-identical message text (similarity 0.93): +4.1 bits\n');
    expect(text.stderr).toBe('2 open suggestions, 1 would bring a series over the filing threshold\n');
  });

  it('accepts (the series become one after the link it runs), rejects and revokes, each with a reason', () => {
    const { file, ab, cc } = linkedStore();
    const accepted = run('suggestions', 'accept', ab, '--reason', '同一话术，同一时段', '--db', file);
    expect(accepted.status).toBe(0);
    const [done, linked] = accepted.stdout.split('\n');
    expect(done).toMatch(new RegExp(`^accepted ${ab}: S-\\w+ and S-\\w+ become one series \\(merge correction #1\\); linking now$`));
    expect(linked).toMatch(/^1 series, 0 over the filing threshold, \d+ suggestions? found among the reports relinked \(incremental/);
    expect(seriesOf(file, 'A1')).toBe(seriesOf(file, 'B2'));
    const acceptedList = JSON.parse(run('suggestions', '--status', 'accepted', '--json', '--db', file).stdout) as Listed[];
    expect(acceptedList.map((s) => [s.id, s.status, s.decision?.reason, s.decision?.correction])).toEqual([
      [ab, 'accepted', '同一话术，同一时段', 1],
    ]);

    const rejected = run('suggestions', 'reject', cc, '--reason', 'different victims, different gangs', '--json', '--db', file);
    expect(rejected.status).toBe(0);
    expect(JSON.parse(rejected.stdout)).toMatchObject({
      id: cc,
      status: 'rejected',
      decision: { reason: 'different victims, different gangs' },
    });
    expect(JSON.parse(run('suggestions', '--json', '--db', file).stdout)).toEqual([]);
    expect(run('suggestions', 'reject', cc, '--reason', 'again', '--db', file)).toMatchObject({
      status: 1,
      stderr: expect.stringMatching(
        new RegExp(`^casegraph: suggestion ${cc} was already rejected \\(decision #2\\); revoke that decision to decide again\\n$`),
      ),
    });

    const revoked = run('suggestions', 'revoke', ab, '--reason', '资金流向不符', '--db', file);
    expect(revoked.status).toBe(0);
    expect(revoked.stdout).toMatch(new RegExp(`^revoked the decision on ${ab} \\(.*\\); it is open again; linking now\\n2 series`));
    expect(seriesOf(file, 'A1')).not.toBe(seriesOf(file, 'B1'));
    expect((JSON.parse(run('suggestions', '--json', '--db', file).stdout) as Listed[]).map((s) => s.id)).toEqual([ab]);
  });

  it('says what is wrong in one line: exit 2 for bad usage, 1 for a failure', () => {
    const { file, ab } = linkedStore();
    expect(run('suggestions', '--help')).toMatchObject({
      status: 0,
      stdout: expect.stringMatching(/^usage: casegraph suggestions \[--json\]/),
    });
    expect(run('--help').stdout).toMatch(/suggestions\s+the leads the engine does not act on alone/);
    const usage = (args: string[], first: string): void => {
      const r = run('suggestions', ...args, '--db', file);
      expect(r.status).toBe(2);
      expect(r.stderr.split('\n')[0]).toBe(`casegraph: ${first}`);
    };
    usage(['accept', ab], `suggestions accept needs --reason TEXT: say why, it is recorded with the decision`);
    usage(['reject', ab, '--reason', '  '], `suggestions reject needs --reason TEXT: say why, it is recorded with the decision`);
    usage(['accept'], 'suggestions accept takes exactly one suggestion ID');
    usage(['approve', ab], 'unknown suggestions subcommand "approve"; accept, reject or revoke (or none, to list)');
    usage(['--status', 'maybe'], '--status must be open, accepted or rejected, got "maybe"');
    usage(['--reason', 'x'], '--reason goes with accept, reject and revoke');
    usage(['accept', ab, '--reason', 'x', '--status', 'open'], '--series and --status go with the list');
    expect(run('suggestions', 'accept', 'SG-NOPE', '--reason', 'x', '--db', file)).toMatchObject({
      status: 1,
      stderr: 'casegraph: no suggestion with id SG-NOPE\n',
    });
    expect(run('suggestions', 'revoke', ab, '--reason', 'x', '--db', file)).toMatchObject({
      status: 1,
      stderr: `casegraph: suggestion ${ab} has no decision standing: there is nothing to revoke\n`,
    });
    expect(run('suggestions', '--series', 'S-NOSUCH', '--db', file)).toMatchObject({
      status: 1,
      stderr: 'casegraph: no series with id S-NOSUCH\n',
    });
  });
});
