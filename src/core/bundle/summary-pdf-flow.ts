// The money flow page of summary.pdf, drawn from the bundle's own flow content (flow-content.ts,
// the same accounts and transactions as flow/accounts.csv and flow/transactions.csv, redacted as
// they are): the key figures, the traced accounts that received the most, the laundering patterns
// the statements' rules (statements/flow-patterns.ts) find among the bundle's transactions, and a
// picture of the layers from the payments in to the cash withdrawn. Amounts are summed in integer
// cents per currency; every order has a tie-break, so the same flow gives the same page.
import { centsToDecimal } from '../../common/money';
import { accountPatterns, type FlowPattern, type FlowPatternKind, type Move } from '../statements/flow-patterns';
import type { BundleFlow, BundleFlowAccount } from './flow-content';

const TOP_ACCOUNTS = 15;
const PATTERNS_SHOWN = 25;

type Sums = Map<string, number>;

function add(sums: Sums, currency: string, cents: number): void {
  sums.set(currency, (sums.get(currency) ?? 0) + cents);
}

/** "6000.00 CNY, 12.50 USD"; "0.00" when nothing was summed. */
function sumsText(sums: Sums): string {
  const parts = [...sums].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([cur, cents]) => `${centsToDecimal(cents)} ${cur}`);
  return parts.join(', ') || '0.00';
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const key = (kind: string | null, account: string | null): string => `${kind ?? ''}\u0000${account ?? ''}`;
const isoDay = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

/** What the flow page shows, from the bundle's flow alone. */
export interface FlowSummary {
  readonly traced: number;
  readonly cards: number;
  readonly mules: number;
  readonly victims: number;
  readonly deepest: number;
  readonly requested: number;
  readonly readFrom: { from: number; to: number; both: number };
  readonly transactions: number;
  readonly first: number | null;
  readonly last: number | null;
  readonly currencies: readonly string[];
  readonly paidIn: Sums;
  readonly between: Sums;
  readonly cash: Sums;
  readonly moved: Sums;
  /** Per layer: accounts, and the money that reached them (from anyone) per currency. */
  readonly layers: readonly { accounts: number; received: Sums; cash: Sums; onward: Sums }[];
  /** Transfers between traced accounts that are not from one layer to the next (back, or skipping layers). */
  readonly otherTransfers: { count: number; sums: Sums };
  readonly patterns: readonly FlowPattern[];
}

export function summarizeFlow(flow: BundleFlow): FlowSummary {
  const index = new Map<string, number>();
  flow.accounts.forEach((a, i) => index.set(key(a.kind, a.account), i));
  const traced = flow.accounts.filter((a) => a.role !== 'victim');
  const deepest = traced.reduce((m, a) => Math.max(m, a.layer ?? 0), 0);
  const layers = Array.from({ length: deepest + 1 }, () => ({ accounts: 0, received: new Map(), cash: new Map(), onward: new Map() }));
  for (const a of traced) (layers[a.layer ?? 0] as { accounts: number }).accounts++;
  const paidIn: Sums = new Map();
  const between: Sums = new Map();
  const cash: Sums = new Map();
  const moved: Sums = new Map();
  const otherTransfers = { count: 0, sums: new Map<string, number>() };
  const readFrom = { from: 0, to: 0, both: 0 };
  const currencies = new Set<string>();
  const incoming = flow.accounts.map((): Move[] => []);
  const outgoing = flow.accounts.map((): Move[] => []);
  const accountOf = (kind: string | null, account: string | null): number | null =>
    account === null ? null : (index.get(key(kind, account)) ?? null);
  for (const x of flow.transactions) {
    currencies.add(x.currency);
    readFrom[x.readFrom]++;
    add(moved, x.currency, x.amountCents);
    const from = accountOf(x.fromKind, x.from);
    const to = accountOf(x.toKind, x.to);
    const payer = from === null ? null : (flow.accounts[from] as BundleFlowAccount);
    const payee = to === null ? null : (flow.accounts[to] as BundleFlowAccount);
    const move: Move = { from, to, amount: x.amountCents, at: x.atMs, cash: x.cash ? 1 : 0 };
    if (from !== null) (outgoing[from] as Move[]).push(move);
    if (to !== null) (incoming[to] as Move[]).push(move);
    const fromLayer = payer && payer.role !== 'victim' ? payer.layer : null;
    if (payee && payee.role !== 'victim') add((layers[payee.layer ?? 0] as { received: Sums }).received, x.currency, x.amountCents);
    if (payee === null) {
      if (x.cash) {
        add(cash, x.currency, x.amountCents);
        if (fromLayer !== null) add((layers[fromLayer] as { cash: Sums }).cash, x.currency, x.amountCents);
      }
    } else if (fromLayer === null) add(paidIn, x.currency, x.amountCents);
    else {
      add(between, x.currency, x.amountCents);
      if (payee.layer === fromLayer + 1) add((layers[fromLayer] as { onward: Sums }).onward, x.currency, x.amountCents);
      else {
        otherTransfers.count++;
        add(otherTransfers.sums, x.currency, x.amountCents);
      }
    }
  }
  const name = (i: number): string => (flow.accounts[i] as BundleFlowAccount).account;
  const order: Record<FlowPatternKind, number> = { fast_in_out: 0, fan_in: 1, fan_out: 2, loop: 3, cash_out: 4 };
  const patterns = flow.accounts
    .flatMap((a, i) => accountPatterns(i, a.account, incoming[i] as Move[], (id) => outgoing[id] as Move[], name))
    .sort((a, b) => order[a.pattern] - order[b.pattern] || byCodeUnits(a.account, b.account) || byCodeUnits(a.evidence, b.evidence));
  let first: number | null = null;
  let last: number | null = null;
  for (const x of flow.transactions) {
    if (first === null || x.atMs < first) first = x.atMs;
    if (last === null || x.atMs > last) last = x.atMs;
  }
  return {
    traced: traced.length,
    cards: traced.filter((a) => a.role === 'card').length,
    mules: traced.filter((a) => a.role === 'mule').length,
    victims: flow.accounts.length - traced.length,
    deepest,
    requested: traced.filter((a) => a.requested).length,
    readFrom,
    transactions: flow.transactions.length,
    first,
    last,
    currencies: [...currencies].sort(byCodeUnits),
    paidIn,
    between,
    cash,
    moved,
    layers,
    otherTransfers,
    patterns,
  };
}

const PATTERN_NAMES: Record<FlowPatternKind, string> = {
  fast_in_out: 'Fast in, fast out 快进快出',
  fan_in: 'Fan-in 多进一',
  fan_out: 'Fan-out 一出多',
  loop: 'Loop 回流',
  cash_out: 'Cash-out 取现',
};

/** What an account did with the money, as far as the bundle shows. */
function tag(a: BundleFlowAccount): string {
  if (a.cashOutCents > 0) return 'cash-out';
  if (a.sentCents > 0) return 'transit';
  return a.requested ? 'sink' : 'not read';
}

function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/** A new page unless `height` points fit below the text so far. */
function room(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

/** The money flow section: its own page when the bundle has a flow, one sentence when it has none. */
export function flowSection(doc: PDFKit.PDFDocument, flow: BundleFlow | null, x: number, width: number, t: (s: string) => string): void {
  if (flow === null) {
    doc.moveDown(0.8).fontSize(12).text(t('Money flow 资金流向'), x, doc.y, { width });
    doc.fontSize(9).moveDown(0.3).text(t("No bank statements name this series' cards."), { width });
    return;
  }
  const f = summarizeFlow(flow);
  doc.addPage();
  doc.fontSize(12).text(t('Money flow 资金流向'), x, doc.y, { width });
  doc.fontSize(8).fillColor('#444444').moveDown(0.2);
  doc.text(t("From the bank statements of the series' cards, as in flow/accounts.csv and flow/transactions.csv."), { width });
  doc.fillColor('#000000').moveDown(0.5);

  const shownCards = flow.cards.slice(0, 10).join(', ') + (flow.cards.length > 10 ? ` and ${flow.cards.length - 10} more` : '');
  const figures: [string, string][] = [
    ['Cards the reports name 涉案卡', `${flow.cards.length}: ${shownCards}`],
    [
      'Accounts 账户数',
      `${f.traced} traced (${plural(f.cards, 'card')}, ${plural(f.mules, 'mule account')} over ${plural(f.deepest, 'layer')}); ${f.victims} paying in from outside`,
    ],
    [
      'Statements 流水',
      `read for ${f.requested} of ${f.traced} traced accounts; transactions from the payer's statement ${f.readFrom.from}, the payee's ${f.readFrom.to}, both ${f.readFrom.both}`,
    ],
    ['Transactions 交易笔数', f.first === null ? '0' : `${f.transactions} (${isoDay(f.first)} — ${isoDay(f.last as number)})`],
    ['Paid in from outside 流入', sumsText(f.paidIn)],
    ['Between traced accounts 层间转账', sumsText(f.between)],
    ['Cash withdrawn 取现', sumsText(f.cash)],
    ['All money moved 交易总额', sumsText(f.moved)],
  ];
  doc.fontSize(9);
  for (const [label, value] of figures) {
    const y = doc.y;
    doc.fillColor('#444444').text(t(label), x, y, { width: 150 });
    doc.fillColor('#000000').text(t(value), x + 155, y, { width: width - 155 });
    doc.moveDown(0.15);
  }

  // The traced accounts that received the most.
  const single = f.currencies.length === 1 ? ` (${f.currencies[0] as string})` : '';
  const top = flow.accounts
    .filter((a) => a.role !== 'victim')
    .sort((a, b) => b.receivedCents - a.receivedCents || (a.layer ?? 0) - (b.layer ?? 0) || byCodeUnits(a.account, b.account))
    .slice(0, TOP_ACCOUNTS);
  room(doc, 60 + 10 * top.length);
  doc.moveDown(0.6).fontSize(10).text(t('Accounts receiving the most 主要收款账户'), x, doc.y, { width });
  if (f.currencies.length > 1)
    doc
      .fontSize(7)
      .fillColor('#444444')
      .text(t(`Amounts in ${f.currencies.join(', ')} are summed together, as the trace sums them.`), { width });
  doc.fillColor('#000000').moveDown(0.3);
  const columns: [string, number, 'left' | 'right'][] = [
    ['Account 账户', 115, 'left'],
    ['Holder 户名', 60, 'left'],
    ['Role 角色', 95, 'left'],
    [`In 流入${single}`, 75, 'right'],
    [`Out 转出${single}`, 75, 'right'],
    [`Cash 取现${single}`, 75, 'right'],
  ];
  const row = (cells: string[], color: string): void => {
    const y = doc.y;
    let cx = x;
    doc.fontSize(7).fillColor(color);
    cells.forEach((c, i) => {
      const [, w, align] = columns[i] as [string, number, 'left' | 'right'];
      doc.text(t(c), cx, y, { width: w - 4, height: 9, align, lineBreak: false, ellipsis: true });
      cx += w;
    });
    doc.x = x;
    doc.y = y + 10;
  };
  row(
    columns.map((c) => c[0]),
    '#444444',
  );
  for (const a of top)
    row(
      [
        clip(a.account, 28),
        clip(a.holder ?? '', 8),
        `${a.role === 'card' ? 'card' : 'mule'} · layer ${a.layer ?? 0} · ${tag(a)}`,
        centsToDecimal(a.receivedCents),
        centsToDecimal(a.sentCents),
        centsToDecimal(a.cashOutCents),
      ],
      '#000000',
    );
  if (f.traced > top.length)
    doc
      .fontSize(7)
      .fillColor('#444444')
      .text(t(`and ${f.traced - top.length} more traced accounts in flow/accounts.csv`), x, doc.y, { width });
  doc.fillColor('#000000');

  // Patterns.
  room(doc, 60);
  doc.moveDown(0.6).fontSize(10).text(t('Patterns 资金特征'), x, doc.y, { width });
  doc.fontSize(7).moveDown(0.2);
  if (f.patterns.length === 0) doc.text(t('None of fast in/out, fan-in, fan-out, loops or cash-out among these transactions.'), { width });
  for (const p of f.patterns.slice(0, PATTERNS_SHOWN)) doc.text(t(`${PATTERN_NAMES[p.pattern]} · ${p.account}: ${p.evidence}`), { width });
  if (f.patterns.length > PATTERNS_SHOWN) doc.fillColor('#444444').text(t(`and ${f.patterns.length - PATTERNS_SHOWN} more`), { width });
  doc.fillColor('#000000');

  room(doc, 180);
  doc.moveDown(0.6).fontSize(10).text(t('Layers 资金层级'), x, doc.y, { width });
  layerPicture(doc, f, x, doc.y + 6, width, t);
}

/** Boxes from the payments in, through each layer, to the cash withdrawn; arrows with what passed. */
function layerPicture(doc: PDFKit.PDFDocument, f: FlowSummary, x: number, y: number, width: number, t: (s: string) => string): void {
  const boxes: { title: string; lines: string[] }[] = [
    { title: 'Paid in 流入', lines: [plural(f.victims, 'account'), ...sumsText(f.paidIn).split(', ')] },
    ...f.layers.map((l, i) => ({
      title: i === 0 ? 'Layer 0 · cards' : `Layer ${i}`,
      lines: [
        plural(l.accounts, 'account'),
        ...sumsText(l.received)
          .split(', ')
          .map((x) => `in ${x}`),
        ...(l.cash.size > 0 ? [`cash ${sumsText(l.cash)}`] : []),
      ],
    })),
    { title: 'Cash out 取现', lines: sumsText(f.cash).split(', ') },
  ];
  const gap = 16;
  const boxW = Math.min(90, (width - gap * (boxes.length - 1)) / boxes.length);
  doc.fontSize(6);
  const boxH = Math.max(...boxes.map((b) => doc.heightOfString(t([b.title, ...b.lines].join('\n')), { width: boxW - 6 }))) + 8;
  const left = (i: number): number => x + i * (boxW + gap);
  const arrow = (x1: number, y1: number, x2: number, y2: number): void => {
    doc.moveTo(x1, y1).lineTo(x2, y2).stroke();
    const dir = Math.sign(x2 - x1) || 1;
    doc
      .moveTo(x2, y2)
      .lineTo(x2 - 4 * dir, y2 - 2)
      .lineTo(x2 - 4 * dir, y2 + 2)
      .fill();
  };
  doc.save().lineWidth(0.6);
  boxes.forEach((b, i) => {
    const last = i === boxes.length - 1;
    doc
      .strokeColor(last ? '#cc3333' : i === 0 ? '#1f5fa8' : '#555555')
      .rect(left(i), y, boxW, boxH)
      .stroke();
    doc.fillColor('#000000').text(t([b.title, ...b.lines].join('\n')), left(i) + 3, y + 4, { width: boxW - 6 });
  });
  // Payments in to the cards, and each layer on to the next; the amount above each arrow.
  const mid = y + boxH / 2;
  const flows = [f.paidIn, ...f.layers.slice(0, -1).map((l) => l.onward)];
  doc.strokeColor('#555555').fillColor('#555555');
  flows.forEach((_, i) => arrow(left(i) + boxW, mid, left(i + 1), mid));
  // Cash from every layer that withdrew it, along a rail under the boxes.
  const rail = y + boxH + 10;
  const cashBox = boxes.length - 1;
  f.layers.forEach((l, i) => {
    if (l.cash.size === 0) return;
    const cx = left(i + 1) + boxW / 2;
    doc
      .strokeColor('#cc3333')
      .moveTo(cx, y + boxH)
      .lineTo(cx, rail)
      .lineTo(left(cashBox) + boxW / 2, rail)
      .stroke();
  });
  if (f.cash.size > 0) {
    doc.fillColor('#cc3333').strokeColor('#cc3333');
    doc
      .moveTo(left(cashBox) + boxW / 2, rail)
      .lineTo(left(cashBox) + boxW / 2, y + boxH)
      .stroke();
    doc
      .moveTo(left(cashBox) + boxW / 2, y + boxH)
      .lineTo(left(cashBox) + boxW / 2 - 2, y + boxH + 4)
      .lineTo(left(cashBox) + boxW / 2 + 2, y + boxH + 4)
      .fill();
  }
  doc.restore();
  // The arrows' amounts, under the picture (an arrow is too short for them).
  doc.fontSize(7).fillColor('#000000');
  doc.x = x;
  doc.y = rail + 8;
  const passed = flows.map((sums, i) => `${i === 0 ? 'paid in → layer 0' : `layer ${i - 1} → layer ${i}`}: ${sumsText(sums)}`);
  doc.text(t(passed.join('; ')), x, doc.y, { width });
  if (f.otherTransfers.count > 0)
    doc.text(t(`${f.otherTransfers.count} transfers go back to an earlier layer or skip one: ${sumsText(f.otherTransfers.sums)}`), {
      width,
    });
  doc.x = x;
}
