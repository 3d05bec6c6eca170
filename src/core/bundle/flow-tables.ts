// The money flow's entries of a bundle (docs/bundles.md): flow/accounts.csv and
// flow/transactions.csv (RFC 4180, UTF-8 with a byte-order mark, as the other tables), and
// flow/flow.graphml (a directed graph of the accounts, the summed payments between them and the
// cash withdrawn; typed keys, loads in networkx and Gephi). On the receiving side the two tables
// are parsed strictly: every column, kind, amount and time checked, every transaction's accounts
// listed in accounts.csv. Amounts are exact decimal strings, times ISO 8601 in UTC.
import { parse } from 'csv-parse/sync';
import { centsToDecimal, decimalToCents } from '../../common/money';
import { table } from './csv-tables';
import type { BundleFlow, BundleFlowAccount, BundleFlowTxn, FlowRole } from './flow-content';
import { xmlEscape } from './graphml';

export const FLOW_ACCOUNTS = 'flow/accounts.csv';
export const FLOW_TRANSACTIONS = 'flow/transactions.csv';
export const FLOW_GRAPHML = 'flow/flow.graphml';

const ACCOUNT_HEADER = [
  'account_kind',
  'account',
  'role',
  'layer',
  'holder',
  'id_number',
  'phone',
  'bank',
  'requested',
  'received',
  'sent',
  'cash_out',
];
const TXN_HEADER = [
  'from_kind',
  'from',
  'to_kind',
  'to',
  'amount',
  'currency',
  'at',
  'cash',
  'read_from',
  'serial',
  'channel',
  'type',
  'summary',
  'place',
  'ip',
  'mac',
  'terminal',
];
const KINDS = new Set(['bank_card', 'bank_account', 'iban', 'redacted']);
const ROLES = new Set<FlowRole>(['card', 'mule', 'victim']);

export function flowEntries(flow: BundleFlow, seriesId: string): [string, string][] {
  const accounts = table(
    ACCOUNT_HEADER,
    flow.accounts.map((a) => [
      a.kind,
      a.account,
      a.role,
      a.layer,
      a.holder,
      a.idNumber,
      a.phone,
      a.bank,
      a.requested,
      centsToDecimal(a.receivedCents),
      centsToDecimal(a.sentCents),
      centsToDecimal(a.cashOutCents),
    ]),
  );
  const transactions = table(
    TXN_HEADER,
    flow.transactions.map((t) => [
      t.fromKind,
      t.from,
      t.toKind,
      t.to,
      centsToDecimal(t.amountCents),
      t.currency,
      new Date(t.atMs).toISOString(),
      t.cash,
      t.readFrom,
      t.serial,
      t.channel,
      t.type,
      t.summary,
      t.place,
      t.ip,
      t.mac,
      t.terminal,
    ]),
  );
  return [
    [FLOW_ACCOUNTS, accounts],
    [FLOW_TRANSACTIONS, transactions],
    [FLOW_GRAPHML, flowGraphml(flow, seriesId)],
  ];
}

const KEYS: readonly [id: string, domain: 'node' | 'edge', name: string, type: 'string' | 'double' | 'int' | 'boolean'][] = [
  ['n_type', 'node', 'type', 'string'],
  ['n_label', 'node', 'label', 'string'],
  ['n_kind', 'node', 'kind', 'string'],
  ['n_role', 'node', 'role', 'string'],
  ['n_layer', 'node', 'layer', 'int'],
  ['n_holder', 'node', 'holder', 'string'],
  ['n_requested', 'node', 'requested', 'boolean'],
  ['n_received', 'node', 'received', 'double'],
  ['n_sent', 'node', 'sent', 'double'],
  ['n_cash_out', 'node', 'cash_out', 'double'],
  ['e_type', 'edge', 'type', 'string'],
  ['e_amount', 'edge', 'amount', 'double'],
  ['e_count', 'edge', 'count', 'int'],
  ['e_first', 'edge', 'first', 'string'],
  ['e_last', 'edge', 'last', 'string'],
];

const nodeId = (kind: string, value: string): string => `account:${kind}:${value}`;

function flowGraphml(flow: BundleFlow, seriesId: string): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  );
  for (const [id, domain, name, type] of KEYS) out.push(`  <key id="${id}" for="${domain}" attr.name="${name}" attr.type="${type}"/>`);
  out.push(`  <graph id="${xmlEscape(`flow:${seriesId}`)}" edgedefault="directed">`);
  const data = (key: string, value: string | number | boolean): string => `<data key="${key}">${xmlEscape(String(value))}</data>`;
  for (const a of flow.accounts) {
    const fields = [data('n_type', 'account'), data('n_label', a.account), data('n_kind', a.kind), data('n_role', a.role)];
    if (a.layer !== null) fields.push(data('n_layer', a.layer));
    if (a.holder !== null) fields.push(data('n_holder', a.holder));
    fields.push(
      data('n_requested', a.requested),
      data('n_received', Number(centsToDecimal(a.receivedCents))),
      data('n_sent', Number(centsToDecimal(a.sentCents))),
      data('n_cash_out', Number(centsToDecimal(a.cashOutCents))),
    );
    out.push(`    <node id="${xmlEscape(nodeId(a.kind, a.account))}">${fields.join('')}</node>`);
  }
  const hasCash = flow.transactions.some((t) => t.cash && t.to === null && t.from !== null);
  if (hasCash) out.push(`    <node id="cash">${data('n_type', 'cash')}${data('n_label', 'cash')}</node>`);
  const edges = new Map<
    string,
    { source: string; target: string; type: string; cents: number; count: number; first: number; last: number }
  >();
  for (const t of flow.transactions) {
    if (t.from === null || t.fromKind === null) continue;
    const source = nodeId(t.fromKind, t.from);
    const target = t.to !== null && t.toKind !== null ? nodeId(t.toKind, t.to) : t.cash ? 'cash' : null;
    if (target === null) continue;
    const key = `${source}\u0000${target}`;
    const e = edges.get(key);
    if (e) {
      e.cents += t.amountCents;
      e.count += 1;
      e.first = Math.min(e.first, t.atMs);
      e.last = Math.max(e.last, t.atMs);
    } else
      edges.set(key, {
        source,
        target,
        type: target === 'cash' ? 'cash_out' : 'payment',
        cents: t.amountCents,
        count: 1,
        first: t.atMs,
        last: t.atMs,
      });
  }
  for (const e of edges.values())
    out.push(
      `    <edge source="${xmlEscape(e.source)}" target="${xmlEscape(e.target)}">${data('e_type', e.type)}${data('e_amount', Number(centsToDecimal(e.cents)))}${data('e_count', e.count)}${data('e_first', new Date(e.first).toISOString())}${data('e_last', new Date(e.last).toISOString())}</edge>`,
    );
  out.push('  </graph>', '</graphml>');
  return `${out.join('\n')}\n`;
}

export class FlowTableError extends Error {}

type Cell = string | null;
/** A row of N cells (csv-parse refuses rows whose length differs from the header's). */
type Cells<N extends number, R extends Cell[] = []> = R['length'] extends N ? R : Cells<N, [...R, Cell]>;

/** A spreadsheet-safe cell back to its value: the quote before = + - @ dropped, empty is null. */
function value(cell: string | undefined): string | null {
  if (cell === undefined || cell === '') return null;
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

function rows(name: string, data: Buffer, header: readonly string[]): string[][] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    throw new FlowTableError(`${name} is not valid UTF-8`);
  }
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: false, skip_empty_lines: true }) as string[][];
  } catch (e) {
    throw new FlowTableError(`${name} is not valid CSV (${(e as Error).message.slice(0, 120)})`);
  }
  if (records.length === 0 || records[0]?.join(',') !== header.join(','))
    throw new FlowTableError(`${name} does not start with the header ${header.join(',')}`);
  return records.slice(1);
}

function cents(name: string, line: number, column: string, cell: string | null): number {
  const c = cell === null ? null : decimalToCents(cell);
  if (c === null) throw new FlowTableError(`${name} line ${line}: ${column} is not an amount`);
  return c;
}

function bool(name: string, line: number, column: string, cell: string | null): boolean {
  if (cell !== 'true' && cell !== 'false') throw new FlowTableError(`${name} line ${line}: ${column} must be true or false`);
  return cell === 'true';
}

/** The two tables, parsed and checked against each other. Throws FlowTableError naming the first problem. */
export function parseFlowTables(accountsCsv: Buffer, transactionsCsv: Buffer): BundleFlow {
  const accounts: BundleFlowAccount[] = [];
  const known = new Set<string>();
  rows(FLOW_ACCOUNTS, accountsCsv, ACCOUNT_HEADER).forEach((r, i) => {
    const line = i + 2;
    const [kind, account, role, layer, holder, idNumber, phone, bank, requested, received, sent, cashOut] = r.map(value) as Cells<12>;
    if (kind === null || !KINDS.has(kind))
      throw new FlowTableError(`${FLOW_ACCOUNTS} line ${line}: account_kind ${kind ?? '(empty)'} is not known`);
    if (account === null || account.length > 200) throw new FlowTableError(`${FLOW_ACCOUNTS} line ${line}: no account`);
    if (role === null || !ROLES.has(role as FlowRole))
      throw new FlowTableError(`${FLOW_ACCOUNTS} line ${line}: role ${role ?? '(empty)'} is not known`);
    if (layer !== null && !/^\d{1,2}$/.test(layer)) throw new FlowTableError(`${FLOW_ACCOUNTS} line ${line}: layer is not a number`);
    const key = `${kind}\u0000${account}`;
    if (known.has(key)) throw new FlowTableError(`${FLOW_ACCOUNTS} line ${line}: account ${account} appears twice`);
    known.add(key);
    accounts.push({
      kind,
      account,
      role: role as FlowRole,
      layer: layer === null ? null : Number(layer),
      holder,
      idNumber,
      phone,
      bank,
      requested: bool(FLOW_ACCOUNTS, line, 'requested', requested),
      receivedCents: cents(FLOW_ACCOUNTS, line, 'received', received),
      sentCents: cents(FLOW_ACCOUNTS, line, 'sent', sent),
      cashOutCents: cents(FLOW_ACCOUNTS, line, 'cash_out', cashOut),
    });
  });
  const transactions: BundleFlowTxn[] = rows(FLOW_TRANSACTIONS, transactionsCsv, TXN_HEADER).map((r, i) => {
    const line = i + 2;
    const [fromKind, from, toKind, to, amount, currency, at, cash, readFrom, serial, channel, type, summary, place, ip, mac, terminal] =
      r.map(value) as Cells<17>;
    for (const [k, v, side] of [
      [fromKind, from, 'from'],
      [toKind, to, 'to'],
    ] as const)
      if ((k === null) !== (v === null) || (k !== null && !known.has(`${k}\u0000${v}`)))
        throw new FlowTableError(`${FLOW_TRANSACTIONS} line ${line}: the ${side} account is not in ${FLOW_ACCOUNTS}`);
    const atMs = at === null ? NaN : Date.parse(at);
    if (!Number.isFinite(atMs) || !/^\d{4}-\d{2}-\d{2}T/.test(at ?? ''))
      throw new FlowTableError(`${FLOW_TRANSACTIONS} line ${line}: at is not an ISO 8601 time`);
    if (currency === null || !/^[A-Z]{3}$/.test(currency))
      throw new FlowTableError(`${FLOW_TRANSACTIONS} line ${line}: currency is not an ISO 4217 code`);
    if (readFrom !== 'from' && readFrom !== 'to' && readFrom !== 'both')
      throw new FlowTableError(`${FLOW_TRANSACTIONS} line ${line}: read_from must be from, to or both`);
    const isCash = bool(FLOW_TRANSACTIONS, line, 'cash', cash);
    if (from === null && to === null) throw new FlowTableError(`${FLOW_TRANSACTIONS} line ${line}: neither account is given`);
    return {
      fromKind,
      from,
      toKind,
      to,
      amountCents: cents(FLOW_TRANSACTIONS, line, 'amount', amount),
      currency,
      atMs,
      cash: isCash,
      readFrom,
      serial,
      channel,
      type,
      summary,
      place,
      ip,
      mac,
      terminal,
    };
  });
  const cards = accounts.filter((a) => a.role === 'card').map((a) => a.account);
  return { cards, accounts, transactions };
}
