// Following the money with the built CLI: statements of a small laundering chain imported
// (victims → a level-1 mule card → two level-2 cards within minutes → ATM cash, and a loop back),
// `flow trace` as cli.md gives its JSON, figures that add up, and `flow patterns` finding each
// pattern with its evidence.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtFile } from '../support/built';
import { pythonWith } from '../support/python';
import { tempDir } from '../support/tmp';

const M1 = '6222021234567890128';
const M2 = '6217000012345678907';
const M3 = '6228480012345678906';
const VICTIMS = ['6222020200112233445', '6222020200112233452', '6222020200112233460', '6222020200112233478', '6222020200112233486'];

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [builtFile('casegraph.js'), ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const HEADER = '交易卡号,交易时间,交易金额,交易余额,收付标志,交易对手账卡号,对手户名,摘要说明,交易渠道';

function statements(dir: string): string[] {
  const t = (min: number): string => {
    const d = new Date(Date.UTC(2025, 2, 1, 2, min, 0)); // 10:00 +08:00 onwards
    return d.toISOString().replace('T', ' ').slice(0, 19);
  };
  // Times in the files are wall-clock +08:00: written as UTC here, read back 8 hours earlier, all alike.
  const m1 = [HEADER];
  VICTIMS.forEach((v, k) => m1.push(`${M1},${t(k)},1000.00,${1000 * (k + 1)}.00,进,${v},受害人${k},转账,网银`));
  m1.push(`${M1},${t(10)},3000.00,2000.00,出,${M2},张某,转账,网银`);
  m1.push(`${M1},${t(12)},2000.00,0.00,出,${M3},赵某,转账,网银`);
  const m2 = [HEADER, `${M2},${t(10)},3000.00,3000.00,进,${M1},王某,转账,网银`, `${M2},${t(30)},2500.00,500.00,出,,,ATM取款,ATM`];
  m2.push(`${M2},${t(40)},500.00,0.00,出,${M3},赵某,转账,网银`);
  const m3 = [HEADER, `${M3},${t(12)},2000.00,2000.00,进,${M1},王某,转账,网银`, `${M3},${t(41)},500.00,2500.00,进,${M2},张某,转账,网银`];
  m3.push(`${M3},${t(50)},100.00,2400.00,出,${M1},王某,转账,网银`);
  return [
    ['m1.csv', m1],
    ['m2.csv', m2],
    ['m3.csv', m3],
  ].map(([name, lines]) => {
    const file = path.join(dir, name as string);
    fs.writeFileSync(file, `${(lines as string[]).join('\n')}\n`);
    return file;
  });
}

const cents = (s: string): number => Math.round(Number(s) * 100);

describe('casegraph flow', () => {
  it('imports statements, traces the money over layers with figures that add up, and names the patterns', () => {
    const dir = tempDir();
    const db = path.join(dir, 'store.db');
    const imported = run('import-statements', ...statements(dir), '--db', db);
    expect(imported.status, imported.stderr).toBe(0);
    // The transfers between the mules are in both parties' statements: counted once.
    expect(imported.stdout).toMatch(/new 10, duplicate 3, rejected 0/);

    const trace = run('flow', 'trace', '--card', M1.replace(/(\d{4})/g, '$1 '), '--depth', '3', '--json', '--db', db);
    expect(trace.status, trace.stderr).toBe(0);
    const t = JSON.parse(trace.stdout);
    expect(t.accounts.map((a: { account: string; layer: number }) => [a.account, a.layer])).toEqual([
      [M1, 0],
      [M2, 1],
      [M3, 1],
    ]);
    expect(t.edges).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ from: M1, to: M2, amount: '3000.00', count: 1 }),
        expect.objectContaining({ from: M2, to: M3, amount: '500.00', count: 1 }),
        expect.objectContaining({ from: M3, to: M1, amount: '100.00', count: 1 }),
      ]),
    );
    const m2 = t.accounts.find((a: { account: string }) => a.account === M2);
    expect(m2).toMatchObject({ received: '3000.00', sent: '500.00', cash_out: '2500.00', retained: '0.00', requested: true });
    const { entered, cash_out, retained, beyond, returned } = t.totals;
    expect(entered).toBe('5000.00');
    expect(returned).toBe('100.00');
    expect(cents(cash_out) + cents(retained) + cents(beyond)).toBe(cents(entered));

    // Backward from M2's cash-out: M1 paid it, the victims paid M1 before; with a 5 % tolerance
    // the victims' 1000s are not the 3000 M1 paid on.
    const back = JSON.parse(run('flow', 'trace', '--card', M2, '--backward', '--depth', '2', '--json', '--db', db).stdout);
    expect(back.direction).toBe('backward');
    expect(back.accounts.map((a: { account: string; layer: number }) => [a.account, a.layer])).toEqual([
      [M2, 0],
      [M1, 1],
      ...VICTIMS.map((v) => [v, 2]).sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    ]);
    expect(back.totals).toMatchObject({ entered: '3000.00', retained: '2000.00', beyond: '5000.00', cash_out: '2500.00' });
    const tight = run('flow', 'trace', '--card', M2, '--backward', '--depth', '2', '--tolerance', '5%', '--json', '--db', db);
    expect(tight.status, tight.stderr).toBe(0);
    expect(JSON.parse(tight.stdout).totals).toMatchObject({ entered: '3000.00', retained: '-3000.00', beyond: '0.00' });
    const badTolerance = run('flow', 'trace', '--card', M2, '--tolerance', 'five', '--db', db);
    expect(badTolerance.status).toBe(2);
    expect(badTolerance.stderr).toMatch(/--tolerance must be a percentage/);
    // What to request next: the victims' cards only paid into M1.
    const next = JSON.parse(run('flow', 'next', '--json', '--db', db).stdout) as { account: string; role: string; paid: string }[];
    expect(next.map((n) => [n.role, n.paid])).toEqual(VICTIMS.map(() => ['source', '1000.00']));
    expect(next.map((n) => n.account).sort()).toEqual([...VICTIMS].sort());

    // The trace as a workbook an independent reader opens, as CSV and as GraphML.
    const xlsx = path.join(dir, 'trace.xlsx');
    const written = run('flow', 'trace', '--card', M1, '--depth', '3', '--out', xlsx, '--db', db);
    expect(written.status, written.stderr).toBe(0);
    const sheets = execFileSync(
      pythonWith('openpyxl'),
      [
        '-c',
        `import openpyxl, sys, json
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
print(json.dumps({ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets}, ensure_ascii=False))`,
        xlsx,
      ],
      { encoding: 'utf8' },
    );
    const book = JSON.parse(sheets) as Record<string, unknown[][]>;
    expect(Object.keys(book)).toEqual(['账户 accounts', '资金流向 flows', '合计 totals']);
    expect(book['账户 accounts']?.slice(1).map((r) => [r[0], r[1], r[4]])).toEqual([
      [0, M1, 5100],
      [1, M2, 3000],
      [1, M3, 2500],
    ]);
    expect(book['资金流向 flows']?.length).toBe(1 + t.edges.length);
    expect(book['合计 totals']?.[1]?.[1]).toBe(5000);
    const csvFile = path.join(dir, 'trace.csv');
    expect(run('flow', 'trace', '--card', M1, '--out', csvFile, '--db', db).status).toBe(0);
    expect(fs.readFileSync(csvFile, 'utf8').split('\r\n')[0]).toBe(
      '\uFEFF付款账卡号 from,收款账卡号 to,金额 amount,笔数 count,首笔时间 first,末笔时间 last',
    );
    const graphml = path.join(dir, 'trace.graphml');
    expect(run('flow', 'trace', '--card', M1, '--depth', '3', '--out', graphml, '--db', db).status).toBe(0);
    const g = execFileSync(
      pythonWith('networkx'),
      [
        '-c',
        'import networkx as nx, sys\ng = nx.read_graphml(sys.argv[1])\nprint(g.number_of_nodes(), g.number_of_edges(), nx.is_directed(g))',
        graphml,
      ],
      { encoding: 'utf8' },
    );
    expect(g.trim()).toBe(`3 ${t.edges.length} True`);
    expect(run('flow', 'trace', '--card', M1, '--out', path.join(dir, 'trace.pdf'), '--db', db)).toMatchObject({
      status: 1,
      stderr: expect.stringMatching(/written as \.xlsx, \.csv or \.graphml/),
    });

    const patterns = run('flow', 'patterns', '--json', '--db', db);
    expect(patterns.status, patterns.stderr).toBe(0);
    const found = JSON.parse(patterns.stdout) as { account: string; pattern: string; evidence: string }[];
    const kinds = (account: string): string[] => found.filter((p) => p.account === account).map((p) => p.pattern);
    expect(kinds(M1)).toEqual(expect.arrayContaining(['fast_in_out', 'fan_in', 'loop']));
    expect(kinds(M2)).toEqual(expect.arrayContaining(['cash_out']));
    expect(found.find((p) => p.account === M1 && p.pattern === 'fast_in_out')?.evidence).toMatch(/ratio/);
    expect(found.some((p) => VICTIMS.includes(p.account) && p.pattern !== 'fan_out')).toBe(false);

    expect(run('flow', 'trace', '--card', '6222000000000000000', '--db', db)).toMatchObject({
      status: 1,
      stderr: expect.stringMatching(/no statement names the account/),
    });
    expect(run('flow', 'trace', '--db', db).status).toBe(2);
  });

  it('writes the demo precinct’s statements in xlsx and GB18030 CSV, imports them, and traces a gang’s payee card to cash', () => {
    const dir = tempDir();
    const db = path.join(dir, 'store.db');
    const st = path.join(dir, 'statements');
    const demo = run('demo', '--reports', '600', '--seed', '3', '--statements', st, '--db', db);
    expect(demo.status, demo.stderr).toBe(0);
    const files = fs.readdirSync(st);
    expect(files.some((f) => f.endsWith('.xlsx'))).toBe(true);
    expect(files.some((f) => f.endsWith('.csv'))).toBe(true);
    // Holders' names and ID numbers: private to the investigator, as every file Casegraph writes.
    for (const f of files) expect(fs.statSync(path.join(st, f)).mode & 0o777, f).toBe(0o600);
    const csvFile = path.join(st, files.find((f) => f.endsWith('.csv')) as string);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(fs.readFileSync(csvFile))).toThrow();
    const imported = /imported the statements: new (\d+), duplicate (\d+), rejected (\d+)/.exec(demo.stderr);
    expect(imported).not.toBeNull();
    const [fresh, dups, rejected] = (imported as RegExpExecArray).slice(1).map(Number) as [number, number, number];
    expect(fresh).toBeGreaterThan(500);
    expect(dups).toBeGreaterThan(50);
    expect(rejected).toBeGreaterThan(0);
    // The same files again change nothing, and say so.
    const again = run('import-statements', ...files.map((f) => path.join(st, f)), '--db', db);
    expect(again.stdout).toMatch(/new 0, duplicate 0, rejected 0/);
    // A mule card sending money on within minutes is traced through the layers to ATM cash.
    const patterns = JSON.parse(run('flow', 'patterns', '--json', '--db', db).stdout) as { account: string; pattern: string }[];
    const cashOut = new Set(patterns.filter((p) => p.pattern === 'cash_out').map((p) => p.account));
    const fast = patterns.filter((p) => p.pattern === 'fast_in_out').map((p) => p.account);
    expect(cashOut.size).toBeGreaterThan(0);
    const reached = fast.slice(0, 10).some((card) => {
      const t = JSON.parse(run('flow', 'trace', '--card', card, '--depth', '3', '--json', '--db', db).stdout) as {
        accounts: { account: string; cash_out: string }[];
      };
      return t.accounts.some((a) => cashOut.has(a.account) && Number(a.cash_out) > 0);
    });
    expect(reached).toBe(true);
  });
});
