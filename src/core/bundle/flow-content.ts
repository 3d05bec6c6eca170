// The money flow a bundle carries (docs/bundles.md): the series' cards that bank statements name,
// followed forward as the series' money flow is (statements/flow.ts), with every transaction the
// trace counted and every payment into the cards — the victims' own accounts paying in from
// outside the trace. Read in the export's read transaction. Redaction (`--redact`) removes the
// victims' personal data: their holders' names, ID numbers and phones and their account numbers
// become keyed hashes (the same HMAC the reports' victim fields get) or, without a sharing key,
// markers; the devices and texts of their payments go too. The mule accounts' holders stay: they
// are what the receiving bureau investigates.
import type { Db } from '../store/db';
import { traceIds } from '../statements/flow';
import { seriesCards } from '../statements/series-flow';
import type { Redactor } from './redact';

export type FlowRole = 'card' | 'mule' | 'victim';

export interface BundleFlowAccount {
  /** bank_card, bank_account or iban; 'redacted' for a victim's account in a redacted bundle. */
  readonly kind: string;
  readonly account: string;
  readonly role: FlowRole;
  /** The trace's layer (0: a card the reports name); null for a victim's account. */
  readonly layer: number | null;
  readonly holder: string | null;
  readonly idNumber: string | null;
  readonly phone: string | null;
  readonly bank: string | null;
  readonly requested: boolean;
  readonly receivedCents: number;
  readonly sentCents: number;
  readonly cashOutCents: number;
}

export interface BundleFlowTxn {
  readonly fromKind: string | null;
  readonly from: string | null;
  readonly toKind: string | null;
  readonly to: string | null;
  readonly amountCents: number;
  readonly currency: string;
  readonly atMs: number;
  readonly cash: boolean;
  /** Whose statements carried it: the payer's, the payee's or both. */
  readonly readFrom: 'from' | 'to' | 'both';
  readonly serial: string | null;
  readonly channel: string | null;
  readonly type: string | null;
  readonly summary: string | null;
  readonly place: string | null;
  /** The device of the payer's statement row (IP, MAC, terminal), where it was read. */
  readonly ip: string | null;
  readonly mac: string | null;
  readonly terminal: string | null;
}

export interface BundleFlow {
  readonly cards: readonly string[];
  readonly accounts: readonly BundleFlowAccount[];
  readonly transactions: readonly BundleFlowTxn[];
}

interface AccountRow {
  id: number;
  kind: string;
  value: string;
  holder: string | null;
  id_number: string | null;
  phone: string | null;
  bank: string | null;
  requested: number;
}

interface TxnRow {
  id: number;
  from_id: number | null;
  to_id: number | null;
  amount_cents: number;
  currency: string;
  at_ms: number;
  cash: number;
  serial: string | null;
  channel: string | null;
  type: string | null;
  summary: string | null;
  place: string | null;
}

const TXN_COLUMNS = 'id, from_id, to_id, amount_cents, currency, at_ms, cash, serial, channel, type, summary, place';

/** The series' flow, or null when no statement names one of its cards. */
export function collectFlow(db: Db, seriesId: string, redactor: Redactor | null): BundleFlow | null {
  const cards = seriesCards(db, seriesId);
  if (cards.length === 0) return null;
  const t = traceIds(db, cards);
  const txns = new Map<number, TxnRow>();
  const into = db.prepare<[number], TxnRow>(`SELECT ${TXN_COLUMNS} FROM flow_txn INDEXED BY flow_txn_to WHERE to_id = ? AND success = 1`);
  for (const card of cards) for (const row of into.all(card)) txns.set(row.id, row);
  const onward = db.prepare<[number, number, number], TxnRow>(
    `SELECT ${TXN_COLUMNS} FROM flow_txn INDEXED BY flow_txn_from WHERE from_id = ? AND success = 1 AND at_ms BETWEEN ? AND ?`,
  );
  for (const [id, [from, to]] of t.windows)
    for (const row of onward.all(id, from, to)) {
      if (row.to_id === null ? row.cash !== 1 : !t.layer.has(row.to_id)) continue;
      txns.set(row.id, row);
    }
  const account = db.prepare<[number], AccountRow>(
    'SELECT id, kind, value, holder, id_number, phone, bank, requested FROM flow_account WHERE id = ?',
  );
  const victims = new Map<number, number>();
  for (const row of txns.values())
    if (row.from_id !== null && !t.layer.has(row.from_id)) victims.set(row.from_id, (victims.get(row.from_id) ?? 0) + row.amount_cents);

  const shown = new Map<number, { kind: string; value: string }>();
  const accounts: BundleFlowAccount[] = [];
  const ordered = [...t.layer].sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  for (const [id, layer] of ordered) {
    const a = account.get(id) as AccountRow;
    shown.set(id, { kind: a.kind, value: a.value });
    const received = t.received.get(id) ?? 0;
    accounts.push({
      kind: a.kind,
      account: a.value,
      role: layer === 0 ? 'card' : 'mule',
      layer,
      holder: a.holder,
      idNumber: a.id_number,
      phone: a.phone,
      bank: a.bank,
      requested: a.requested === 1,
      receivedCents: received,
      sentCents: t.sent.get(id) ?? 0,
      cashOutCents: t.cash.get(id) ?? 0,
    });
  }
  let marker = 0;
  for (const [id, sent] of [...victims].sort((a, b) => a[0] - b[0])) {
    const a = account.get(id) as AccountRow;
    const hidden = (kind: 'name' | 'phone' | 'id_number', v: string | null): string | null =>
      v === null ? null : (redactor?.statementValue(kind, v) ?? '[redacted]');
    const token = redactor ? (redactor.statementValue('card', a.value) ?? `[redacted victim account ${++marker}]`) : null;
    const view = token === null ? { kind: a.kind, value: a.value } : { kind: 'redacted', value: token };
    shown.set(id, view);
    accounts.push({
      kind: view.kind,
      account: view.value,
      role: 'victim',
      layer: null,
      holder: redactor ? hidden('name', a.holder) : a.holder,
      idNumber: redactor ? hidden('id_number', a.id_number) : a.id_number,
      phone: redactor ? hidden('phone', a.phone) : a.phone,
      bank: a.bank,
      requested: a.requested === 1,
      receivedCents: 0,
      sentCents: sent,
      cashOutCents: 0,
    });
  }

  const sides = db.prepare<[number], { side: 'from' | 'to'; ip: string | null; mac: string | null; terminal: string | null }>(
    'SELECT side, ip, mac, terminal FROM flow_txn_source WHERE txn_id = ?',
  );
  const transactions: BundleFlowTxn[] = [...txns.values()]
    .sort((a, b) => a.at_ms - b.at_ms || a.id - b.id)
    .map((row) => {
      const src = sides.all(row.id);
      const payer = src.find((s) => s.side === 'from');
      const readFrom = payer && src.some((s) => s.side === 'to') ? 'both' : payer ? 'from' : 'to';
      const from = row.from_id === null ? null : (shown.get(row.from_id) ?? null);
      const to = row.to_id === null ? null : (shown.get(row.to_id) ?? null);
      const byVictim = row.from_id !== null && victims.has(row.from_id);
      const text = (v: string | null): string | null => (v === null || !redactor ? v : redactor.text(v));
      const device = redactor && byVictim ? null : payer;
      return {
        fromKind: from?.kind ?? null,
        from: from?.value ?? null,
        toKind: to?.kind ?? null,
        to: to?.value ?? null,
        amountCents: row.amount_cents,
        currency: row.currency,
        atMs: row.at_ms,
        cash: row.cash === 1,
        readFrom,
        serial: row.serial,
        channel: row.channel,
        type: row.type,
        summary: text(row.summary),
        place: text(row.place),
        ip: device?.ip ?? null,
        mac: device?.mac ?? null,
        terminal: device?.terminal ?? null,
      };
    });
  return { cards: cards.map((id) => (shown.get(id) as { value: string }).value), accounts, transactions };
}
