// Bank statements for the demo precinct's gangs, written the messy ways real responses are
// (docs/specs/bank-statement.md): each victim's payment into the gang's payee card (level 1, the
// card the reports name), sent on within minutes to the gang's level-2 accounts, from there to a
// level-3 account (some shared by two gangs: one laundering service), cashed out at ATMs in
// chunks; mixed with the mules' ordinary traffic (salary, shopping). Half the files are xlsx with
// a holder sheet, half GB18030 CSV with tab-prefixed numbers; direction flags in several styles,
// failed transfers, and now and then a card number Excel wrote as 6.22202E+18 (a row the import
// refuses). The same records and seed give the same files. Amounts add up to the cent.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { IncomingRecord, ReportRecord } from '../../common/model';
import { decimalToCents, centsToDecimal } from '../../common/money';
import { normaliseBankAccount } from '../normalise/bank-card';
import { BANKS, cardNumber, type Bin } from './bank-cards';
import { Rng } from './prng';

interface Row {
  readonly own: string;
  readonly holder: string;
  readonly atMs: number;
  readonly cents: number;
  readonly direction: 'in' | 'out';
  readonly counterparty: string;
  readonly counterpartyName: string;
  readonly summary: string;
  readonly channel: string;
  readonly success: boolean;
  readonly serial: string;
}

interface Account {
  readonly number: string;
  readonly holder: string;
  readonly idNumber: string;
  readonly phone: string;
  readonly rows: Row[];
}

const BINS: readonly Bin[] = BANKS.flatMap((b) => b.bins);
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰涛明超秀英华';
const MINUTE = 60_000;
const CST = 8 * 3_600_000;

function person(rng: Rng): { holder: string; idNumber: string; phone: string } {
  const holder = `${SURNAMES[rng.int(0, SURNAMES.length - 1)]}${GIVEN[rng.int(0, GIVEN.length - 1)]}${rng.chance(0.5) ? GIVEN[rng.int(0, GIVEN.length - 1)] : ''}`;
  return { holder, idNumber: `4${rng.digits(5)}19${rng.int(70, 99)}${rng.digits(7)}X`, phone: `1${rng.int(3, 9)}${rng.digits(9)}` };
}

/** Card numbers of the statements' own accounts: 9xxxxxxx never comes out of the report generator. */
let nextUnique = 90_000_000;

function freshCard(rng: Rng): string {
  return cardNumber(BINS[rng.int(0, BINS.length - 1)] as Bin, String(nextUnique++), rng.int(0, 9));
}

function newAccount(rng: Rng): Account {
  return { number: freshCard(rng), ...person(rng), rows: [] };
}

/** Moves money between two accounts of the demo (both statements carry it), or to cash. */
function move(rng: Rng, from: Account | null, to: Account | null, cents: number, atMs: number, summary: string, channel: string): void {
  const serial = `${new Date(atMs + CST).toISOString().slice(0, 10).replace(/-/g, '')}${rng.digits(10)}`;
  const side = (own: Account, other: Account | null, direction: Row['direction']): void => {
    own.rows.push({
      own: own.number,
      holder: own.holder,
      atMs,
      cents,
      direction,
      counterparty: other?.number ?? '',
      counterpartyName: other?.holder ?? '',
      summary,
      channel,
      success: true,
      serial,
    });
  };
  if (from) side(from, to, 'out');
  if (to) side(to, from, 'in');
}

export interface DemoStatements {
  readonly files: readonly string[];
  readonly accounts: number;
  readonly transactions: number;
}

/** Writes the statements of the gangs' cards in `records` (with each record's gang) into `dir`. */
export async function writeDemoStatements(
  items: Iterable<{ readonly record: IncomingRecord; readonly truth: { readonly gang: string | null } }>,
  dir: string,
  seed: number,
): Promise<DemoStatements> {
  const rng = new Rng(seed ^ 0x5eed5);
  nextUnique = 90_000_000;
  const level1 = new Map<string, Account>();
  const gangOf = new Map<string, string>();
  const payments: { card: string; cents: number; atMs: number; victim: string }[] = [];
  for (const { record, truth } of items) {
    if ('deleted' in record || truth.gang === null) continue;
    const r = record as ReportRecord;
    const cents = r.loss ? decimalToCents(r.loss.amount) : null;
    if (cents === null || cents <= 0 || r.loss?.currency !== 'CNY') continue;
    const payee = (r.identifiers ?? []).find((i) => i.kind === 'bank_card' && i.role === 'payee');
    const n = payee ? normaliseBankAccount(payee.value) : null;
    if (!n || n.kind !== 'bank_card' || !/^\d{16,19}$/.test(n.value)) continue;
    if (!level1.has(n.value)) level1.set(n.value, { number: n.value, ...person(rng), rows: [] });
    gangOf.set(n.value, truth.gang);
    const atMs = Date.parse(r.occurred_at ?? r.reported_at) - rng.int(1, 48) * 60 * MINUTE;
    payments.push({ card: n.value, cents, atMs, victim: r.victim?.name ?? '受害人' });
  }
  // Per gang two or three level-2 accounts; per two gangs one level-3 account (shared laundering).
  const gangs = [...new Set(gangOf.values())].sort();
  const level2 = new Map<string, Account[]>();
  const level3 = new Map<string, Account>();
  gangs.forEach((g, k) => {
    level2.set(
      g,
      Array.from({ length: rng.int(2, 3) }, () => newAccount(rng)),
    );
    const partner = gangs[k - (k % 2)] as string;
    if (!level3.has(partner)) level3.set(partner, newAccount(rng));
    level3.set(g, level3.get(partner) as Account);
  });
  payments.sort((a, b) => a.atMs - b.atMs || a.card.localeCompare(b.card));
  for (const p of payments) {
    const victim: Account = { number: freshCard(rng), holder: p.victim, idNumber: '', phone: '', rows: [] };
    const l1 = level1.get(p.card) as Account;
    move(rng, victim, l1, p.cents, p.atMs, '转账', rng.chance(0.5) ? '手机银行' : '网银');
    // 快进快出: on within minutes, the mule's cut (1–3 %) kept.
    const gang = gangOf.get(p.card) as string;
    const l2 = level2.get(gang) as Account[];
    const target = l2[rng.int(0, l2.length - 1)] as Account;
    const onward = p.cents - Math.floor((p.cents * rng.int(1, 3)) / 100);
    const t2 = p.atMs + rng.int(2, 20) * MINUTE;
    move(rng, l1, target, onward, t2, '转账', '网银');
    const l3 = level3.get(gang) as Account;
    const t3 = t2 + rng.int(5, 40) * MINUTE;
    move(rng, target, l3, onward, t3, '转账', '网银');
    // Cash out at ATMs, in chunks of at most 20,000 yuan.
    let left = onward;
    let t4 = t3 + rng.int(30, 240) * MINUTE;
    while (left > 0) {
      const chunk = Math.min(left, 2_000_000);
      move(rng, l3, null, chunk, t4, 'ATM取款', 'ATM');
      left -= chunk;
      t4 += rng.int(2, 10) * MINUTE;
    }
  }
  // The mules' ordinary traffic: a salary and some shopping.
  for (const acct of level1.values()) {
    const first = acct.rows[0]?.atMs ?? Date.UTC(2025, 0, 1);
    move(
      rng,
      { ...newAccount(rng), holder: '某某科技有限公司' },
      acct,
      rng.int(300_000, 900_000),
      first - rng.int(2, 20) * 86_400_000,
      '工资',
      '批量代发',
    );
    for (let k = rng.int(1, 4); k > 0; k--)
      move(
        rng,
        acct,
        { ...newAccount(rng), holder: '某某超市' },
        rng.int(1_000, 50_000),
        first + rng.int(1, 30) * 86_400_000,
        '消费',
        'POS',
      );
  }
  fs.mkdirSync(dir, { recursive: true });
  const requested = [...level1.values(), ...[...level2.values()].flat(), ...new Set(level3.values())];
  // Some level-3 accounts are left unrequested: the "what to request next" of the demo.
  const toWrite = requested.filter((a, k) => k < level1.size + [...level2.values()].flat().length || k % 2 === 0);
  const files: string[] = [];
  const perFile = 12;
  let transactions = 0;
  for (let f = 0; f * perFile < toWrite.length; f++) {
    const batch = toWrite.slice(f * perFile, (f + 1) * perFile);
    const rows = batch.flatMap((a) => {
      a.rows.sort((x, y) => x.atMs - y.atMs);
      return a.rows;
    });
    transactions += rows.length;
    const base = path.join(dir, `调单结果-${String(f + 1).padStart(3, '0')}`);
    const file = f % 2 === 0 ? `${base}.xlsx` : `${base}.csv`;
    if (f % 2 === 0) await writeXlsx(file, batch, rows, rng);
    else writeCsv(file, rows, rng);
    files.push(file);
  }
  return { files, accounts: toWrite.length, transactions };
}

const HEADER = [
  '交易卡号',
  '交易账号',
  '交易户名',
  '交易时间',
  '交易金额',
  '交易余额',
  '收付标志',
  '交易对手账卡号',
  '对手户名',
  '交易是否成功',
  '摘要说明',
  '交易渠道',
  '交易流水号',
];

function cells(r: Row, balance: number, style: number, rng: Rng): string[] {
  const flags = [
    ['进', '出'],
    ['贷', '借'],
    ['C', 'D'],
  ][style % 3] as [string, string];
  const time = new Date(r.atMs + CST).toISOString().slice(0, 19).replace('T', ' ');
  return [
    rng.chance(0.01) ? `${r.own.slice(0, 1)}.${r.own.slice(1, 6)}E+${r.own.length - 1}` : r.own,
    '',
    r.holder,
    style % 2 === 0 ? time : time.replace(/-/g, '/'),
    centsToDecimal(r.cents),
    centsToDecimal(balance),
    r.direction === 'in' ? flags[0] : flags[1],
    r.counterparty,
    r.counterpartyName,
    r.success ? '是' : '否',
    r.summary,
    r.channel,
    r.serial,
  ];
}

/** The rows with their balances after, a failed attempt now and then (never money moved). */
function withBalances(rows: readonly Row[], rng: Rng): { row: Row; balance: number }[] {
  const balance = new Map<string, number>();
  const out: { row: Row; balance: number }[] = [];
  for (const r of rows) {
    const before = balance.get(r.own) ?? 0;
    if (r.direction === 'out' && rng.chance(0.03)) out.push({ row: { ...r, success: false, serial: `${r.serial}F` }, balance: before });
    const after = before + (r.direction === 'in' ? r.cents : -r.cents);
    balance.set(r.own, after);
    out.push({ row: r, balance: after });
  }
  return out;
}

async function writeXlsx(file: string, accounts: readonly Account[], rows: readonly Row[], rng: Rng): Promise<void> {
  // A stream of our own: given a file name, ExcelJS would create it readable by everyone (0644).
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: fs.createWriteStream(file, { mode: 0o600 }) });
  const note = wb.addWorksheet('查询说明');
  note.addRow(['本文件为协助查询交易明细的反馈结果，仅供办案使用。']).commit();
  note.commit();
  const tx = wb.addWorksheet('交易明细');
  tx.addRow(['交易明细查询结果']).commit();
  tx.addRow(HEADER).commit();
  for (const { row, balance } of withBalances(rows, rng)) tx.addRow(cells(row, balance, 0, rng)).commit();
  tx.commit();
  const people = wb.addWorksheet('人员信息');
  people.addRow(['客户名称', '证件号码', '联系电话', '账号']).commit();
  for (const a of accounts) people.addRow([a.holder, a.idNumber, a.phone, a.number]).commit();
  people.commit();
  await wb.commit();
}

function writeCsv(file: string, rows: readonly Row[], rng: Rng): void {
  const style = rng.int(1, 2);
  const lines = [HEADER.join(',')];
  for (const { row, balance } of withBalances(rows, rng)) {
    const c = cells(row, balance, style, rng);
    // Numbers prefixed with a tab, as the banks' exports keep them text.
    lines.push(c.map((v, i) => ((i === 0 || i === 7 || i === 12) && v !== '' ? `\t${v}` : v)).join(','));
  }
  fs.writeFileSync(file, iconv.encode(`${lines.join('\r\n')}\r\n`, 'gb18030'), { mode: 0o600 });
}
