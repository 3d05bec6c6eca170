// One row of a transaction sheet read into a transaction, or refused with the column and the
// reason (docs/specs/bank-statement.md). Amounts stay exact (integer hundredths); numbers Excel
// turned into 6.22848E+18 are refused, since the digits are lost; times written without an offset
// are China Standard Time (+08:00), as the banks' responses are.
import { decimalToCents } from '../../common/money';
import { normaliseBankAccount } from '../normalise/bank-card';
import type { ColumnMap, Field } from './columns';
import { normaliseIdNumber, normaliseMac, normaliseStatementIp } from './device';

/** A cell as the readers give it: text (CSV, most xlsx cells), a number or a date (typed xlsx cells). */
export type Cell = string | number | Date | null | undefined;

export interface AccountRef {
  readonly kind: 'bank_card' | 'bank_account' | 'iban';
  readonly value: string;
}

export interface StatementTxn {
  /** The statement's own account. */
  readonly own: AccountRef;
  readonly holder: string | null;
  readonly holderId: string | null;
  readonly counterparty: AccountRef | null;
  readonly counterpartyName: string | null;
  readonly counterpartyId: string | null;
  readonly counterpartyBank: string | null;
  /** Money into the own account, or out of it. */
  readonly direction: 'in' | 'out';
  readonly rawDirection: string | null;
  readonly amountCents: number;
  readonly currency: string;
  readonly atMs: number;
  readonly success: boolean;
  /** Cash: a withdrawal (out) or a deposit (in), no counterparty account. */
  readonly cash: boolean;
  readonly balanceCents: number | null;
  readonly counterpartyBalanceCents: number | null;
  readonly serial: string | null;
  readonly channel: string | null;
  readonly type: string | null;
  readonly summary: string | null;
  readonly place: string | null;
  /** The device the transaction was made from: IP and MAC normalised (device.ts), the terminal as written. */
  readonly ip: string | null;
  readonly mac: string | null;
  readonly terminal: string | null;
}

export interface RowRefusal {
  readonly field: Field;
  readonly reason: string;
}

export type RowResult = { readonly ok: true; readonly txn: StatementTxn } | { readonly ok: false; readonly refusal: RowRefusal };

const IN = new Set(['进', '收', '贷', 'c', 'cr', 'credit', '1', '入', '收入', '存入', '转入', '+']);
const OUT = new Set(['出', '付', '借', 'd', 'dr', 'debit', '2', '支', '支出', '取出', '转出', '-']);
const FAILED = new Set(['否', '失败', 'n', 'no', '0', 'false', '不成功', '交易失败']);
const CASH_FLAG = new Set(['现', '现金', '1', 'y', '是']);
const CASH_WORDS = /取现|取款|现金|ATM|atm|存现/;
const CURRENCIES: Readonly<Record<string, string>> = {
  人民币: 'CNY',
  rmb: 'CNY',
  cny: 'CNY',
  '156': 'CNY',
  '01': 'CNY',
  美元: 'USD',
  usd: 'USD',
  '840': 'USD',
  港币: 'HKD',
  港元: 'HKD',
  hkd: 'HKD',
  '344': 'HKD',
  欧元: 'EUR',
  eur: 'EUR',
  '978': 'EUR',
};
const SCIENTIFIC = /^[+-]?\d+(?:\.\d+)?e[+-]?\d+$/i;
const CST_MS = 8 * 3_600_000;

/** A cell's text: trimmed, the tab or apostrophe the banks put before numbers gone. */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') {
    // Most cells: nothing to trim.
    const first = cell.charCodeAt(0);
    const last = cell.charCodeAt(cell.length - 1);
    if (cell === '' || (first > 32 && first < 127 && first !== 39 && first !== 96 && last > 32 && last < 127)) return cell;
  }
  if (cell instanceof Date) return cell.toISOString();
  return String(cell)
    .replace(/^[\s\t'‘’`]+/, '')
    .trim();
}

class Refused extends Error {
  constructor(
    readonly field: Field,
    reason: string,
  ) {
    super(reason);
  }
}

function text(cells: readonly Cell[], map: ColumnMap, field: Field): string {
  const i = map[field];
  return i === undefined ? '' : cellText(cells[i]);
}

function optional(cells: readonly Cell[], map: ColumnMap, field: Field): string | null {
  const t = text(cells, map, field);
  return t === '' || t === '-' || t === '—' ? null : t;
}

/** Accounts as normalised, by their text (as read, and as written in the cell): a statement names a few accounts many times. */
const ACCOUNT_CACHE = new Map<string, AccountRef | null>();
const ACCOUNT_CACHE_SIZE = 50_000;

function normalisedAccount(raw: string): AccountRef | null {
  let ref = ACCOUNT_CACHE.get(raw);
  if (ref === undefined) {
    const n = normaliseBankAccount(raw);
    ref =
      n === null || (n.kind !== 'bank_card' && n.kind !== 'bank_account' && n.kind !== 'iban') ? null : { kind: n.kind, value: n.value };
    if (ACCOUNT_CACHE.size >= ACCOUNT_CACHE_SIZE) ACCOUNT_CACHE.clear();
    ACCOUNT_CACHE.set(raw, ref);
  }
  return ref;
}

function accountOf(cells: readonly Cell[], map: ColumnMap, field: Field): AccountRef | null {
  const i = map[field];
  if (i === undefined) return null;
  const cell = cells[i];
  // The same text as a row before (tab prefix and all): its account without reading it again.
  if (typeof cell === 'string') {
    const known = ACCOUNT_CACHE.get(cell);
    if (known) return known;
  }
  if (typeof cell === 'number' && !Number.isSafeInteger(cell))
    throw new Refused(field, `the number ${String(cell)} was stored as a floating-point number and its digits are lost`);
  const raw = cellText(cell);
  if (raw === '' || raw === '-') return null;
  if (SCIENTIFIC.test(raw)) throw new Refused(field, `${raw} is a number Excel wrote in scientific notation: its digits are lost`);
  const ref = normalisedAccount(raw);
  if (ref === null) throw new Refused(field, `${raw.slice(0, 40)} is not an account or card number`);
  if (typeof cell === 'string' && cell !== raw) {
    if (ACCOUNT_CACHE.size >= ACCOUNT_CACHE_SIZE) ACCOUNT_CACHE.clear();
    ACCOUNT_CACHE.set(cell, ref);
  }
  return ref;
}

const PLAIN_AMOUNT = /^\d{1,15}(?:\.\d{1,2})?$/;

/** Hundredths of an amount written "1,234.50", "¥-500", "100.000"; the sign apart. */
function amountOf(raw: string, field: Field): { cents: number; negative: boolean } {
  if (PLAIN_AMOUNT.test(raw)) return { cents: decimalToCents(raw) as number, negative: false };
  let t = raw.replace(/[,，\s¥￥元]|CNY|RMB/gi, '');
  const negative = t.startsWith('-') || (t.startsWith('(') && t.endsWith(')'));
  t = t.replace(/^[-+(]|\)$/g, '');
  // "100.000": zeros past the cents say nothing.
  t = t.replace(/(\.\d{2})0+$/, '$1').replace(/\.0+$/, '');
  const cents = decimalToCents(t);
  if (cents === null) throw new Refused(field, raw === '' ? 'no amount' : `${raw.slice(0, 30)} is not an amount`);
  return { cents, negative };
}

function moneyOrNull(raw: string | null, field: Field): number | null {
  if (raw === null) return null;
  const a = amountOf(raw, field);
  return a.negative ? -a.cents : a.cents;
}

const DATE_TIME = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+(\d{1,2})[:：时](\d{1,2})(?:[:：分](\d{1,2})(?:\.(\d{1,6}))?秒?)?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:[ T]?(\d{2})(\d{2})(\d{2})?)?$/;

const digit = (s: string, i: number): number => s.charCodeAt(i) - 48;
const two = (s: string, i: number): number => {
  const a = digit(s, i);
  const b = digit(s, i + 1);
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : NaN;
};

/** The common form "2025-03-01 10:00:05" read without a regular expression; null for any other. */
function isoLocal(t: string): number | null {
  if (t.length !== 19 || t[4] !== '-' || t[7] !== '-' || t[10] !== ' ' || t[13] !== ':' || t[16] !== ':') return null;
  const y = two(t, 0) * 100 + two(t, 2);
  const mo = two(t, 5);
  const d = two(t, 8);
  const h = two(t, 11);
  const mi = two(t, 14);
  const s = two(t, 17);
  if (!(mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h <= 23 && mi <= 59 && s <= 59 && y >= 1000)) return null;
  const ms = Date.UTC(y, mo - 1, d, h, mi, s) - CST_MS;
  return new Date(ms + CST_MS).getUTCDate() === d ? ms : null;
}

/** A time as the banks write it, read as China Standard Time unless it says its offset. */
export function timeOf(cell: Cell): number | null {
  if (cell instanceof Date) {
    // xlsx dates carry the wall-clock time the bank wrote, as if it were UTC.
    const ms = cell.getTime();
    return Number.isFinite(ms) ? ms - CST_MS : null;
  }
  if (typeof cell === 'number') {
    // An Excel serial day number (days since 1899-12-30), wall-clock time.
    if (cell < 20_000 || cell > 80_000) return null;
    return Math.round((cell - 25_569) * 86_400_000) - CST_MS;
  }
  const plain = cellText(cell);
  const fast = isoLocal(plain);
  if (fast !== null) return fast;
  const t = plain.replace(/\s+/g, ' ');
  if (t === '') return null;
  if (/[zZ]|[+-]\d{2}:?\d{2}$/.test(t) && /\d{4}-\d{2}-\d{2}T/.test(t)) {
    const ms = Date.parse(t);
    return Number.isFinite(ms) ? ms : null;
  }
  const m = DATE_TIME.exec(t) ?? COMPACT.exec(t);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((x) => Number(x ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const ms = Date.UTC(y, mo - 1, d, h, mi, s) - CST_MS;
  // 2024-02-30 rolls over in Date.UTC: refused.
  if (new Date(ms + CST_MS).getUTCDate() !== d) return null;
  return ms;
}

function currencyOf(raw: string): string {
  if (raw === '') return 'CNY';
  const known = CURRENCIES[raw.toLowerCase()];
  if (known) return known;
  if (/^[A-Z]{3}$/.test(raw)) return raw;
  throw new Refused('currency', `${raw.slice(0, 20)} is not a currency`);
}

/** One transaction row, read by the header's column map. */
export function readStatementRow(cells: readonly Cell[], map: ColumnMap): RowResult {
  try {
    const own = accountOf(cells, map, map.card !== undefined && cellText(cells[map.card]) !== '' ? 'card' : 'account');
    if (own === null) throw new Refused(map.card !== undefined ? 'card' : 'account', 'no account or card number');
    const atMs = timeOf(map.time === undefined ? undefined : cells[map.time]);
    if (atMs === null) {
      const raw = text(cells, map, 'time');
      throw new Refused('time', raw === '' ? 'no time' : `${raw.slice(0, 30)} is not a date and time`);
    }
    const rawAmount = text(cells, map, 'amount');
    const amount = amountOf(rawAmount, 'amount');
    const rawDirection = optional(cells, map, 'direction');
    let direction: 'in' | 'out';
    if (rawDirection !== null) {
      const flag = rawDirection.toLowerCase();
      if (IN.has(flag)) direction = 'in';
      else if (OUT.has(flag)) direction = 'out';
      else
        throw new Refused('direction', `${rawDirection.slice(0, 20)} is not a direction this reader knows (进/出, 收/付, 贷/借, C/D, 1/2)`);
    } else if (rawAmount.trim().startsWith('-') || rawAmount.trim().startsWith('+') || amount.negative) {
      direction = amount.negative ? 'out' : 'in';
    } else throw new Refused('direction', 'no direction flag, and the amount carries no sign to tell it');
    const counterparty = accountOf(cells, map, 'counterparty');
    const summary = optional(cells, map, 'summary');
    const channel = optional(cells, map, 'channel');
    const cashFlag = optional(cells, map, 'cash');
    const cash =
      (cashFlag !== null && CASH_FLAG.has(cashFlag.toLowerCase())) ||
      (counterparty === null &&
        (CASH_WORDS.test(summary ?? '') || CASH_WORDS.test(channel ?? '') || CASH_WORDS.test(optional(cells, map, 'type') ?? '')));
    const successRaw = optional(cells, map, 'success');
    return {
      ok: true,
      txn: {
        own,
        holder: optional(cells, map, 'holder'),
        holderId: normaliseIdNumber(optional(cells, map, 'holderId')),
        counterparty: cash && counterparty === null ? null : counterparty,
        counterpartyName: optional(cells, map, 'counterpartyName'),
        counterpartyId: normaliseIdNumber(optional(cells, map, 'counterpartyId')),
        counterpartyBank: optional(cells, map, 'counterpartyBank'),
        direction,
        rawDirection,
        amountCents: amount.cents,
        currency: currencyOf(text(cells, map, 'currency')),
        atMs,
        success: successRaw === null || !FAILED.has(successRaw.toLowerCase()),
        cash,
        balanceCents: moneyOrNull(optional(cells, map, 'balance'), 'balance'),
        counterpartyBalanceCents: moneyOrNull(optional(cells, map, 'counterpartyBalance'), 'counterpartyBalance'),
        serial: optional(cells, map, 'serial'),
        channel,
        type: optional(cells, map, 'type'),
        summary,
        place: optional(cells, map, 'place') ?? optional(cells, map, 'branch'),
        ip: normaliseStatementIp(optional(cells, map, 'ip')),
        mac: normaliseMac(optional(cells, map, 'mac')),
        terminal: optional(cells, map, 'terminal'),
      },
    };
  } catch (e) {
    if (e instanceof Refused) return { ok: false, refusal: { field: e.field, reason: e.message } };
    throw e;
  }
}
