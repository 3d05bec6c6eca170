// Bridges: one value that alone ties two well-tied groups (a mule card rented to a second gang)
// holds them apart as two series with a suggestion between them; accepted, they are one. And an
// incremental run that grows a side into a bridge ends where a full relink does.
import { describe, expect, it } from 'vitest';
import { BRIDGE_PIECE, findBridges } from '../../../src/core/linking/bridges';
import { CorpusBuilder, type IdentifierRow } from '../../../src/core/linking/corpus';
import { runEngine } from '../../../src/core/linking/engine';
import { EMPTY_IGNORE_LIST } from '../../../src/core/linking/ignore-list';
import { EdgeList } from '../../../src/core/linking/link-graph';
import { linkStore } from '../../../src/core/linking/store-io';
import { openStore } from '../../../src/core/store/db';
import { copyStore } from '../../support/raw-store';
import { card, ingest, phone, report, testStore, partition } from './support';

const cardRow = (v: string): IdentifierRow => ({ kind: 'bank_card', value: v, subtype: null, domain: null, origin: 'reported' });
const phoneRow = (v: string): IdentifierRow => ({ kind: 'phone', value: v, subtype: 'mobile', origin: 'reported', domain: null });
const cardNo = (i: number): string => `62220212${String(i).padStart(11, '0')}`;
const mobile = (i: number): string => `+86138${String(i).padStart(8, '0')}`;
const wechatRow = (v: string): IdentifierRow => ({ kind: 'wechat', value: v, subtype: null, domain: null, origin: 'reported' });
const wechat = (value: string): { kind: 'wechat'; value: string; role: string } => ({ kind: 'wechat', value, role: 'contact' });

/**
 * Gang A's `a` reports all name phone A and WeChat A, gang B's `b` reports phone B and WeChat B;
 * `shared` of each also name
 * one card. Unrelated pairs of reports, each pair with its own card, fill the store around them.
 */
function rented(a: number, b: number, shared = 2) {
  const builder = new CorpusBuilder();
  let i = 0;
  const add = (ids: IdentifierRow[], day: number): number => {
    builder.addReport({
      rid: i + 1,
      id: `R${i}`,
      category: 'part_time_job',
      precinct: 'P',
      reportedMs: day * 86_400_000,
      lossCents: 100_000,
      currency: 'CNY',
    });
    for (const id of ids) builder.addIdentifier(i, id);
    return i++;
  };
  const gangA = Array.from({ length: a }, (_, k) =>
    add([phoneRow(mobile(1)), wechatRow('gang_a_kefu'), ...(k < shared ? [cardRow(cardNo(1))] : [])], k),
  );
  const gangB = Array.from({ length: b }, (_, k) =>
    add([phoneRow(mobile(2)), wechatRow('gang_b_kefu'), ...(k < shared ? [cardRow(cardNo(1))] : [])], 40 + k),
  );
  for (let k = 0; k < 60; k++) add([cardRow(cardNo(100 + Math.floor(k / 2)))], (k * 7) % 300);
  const c = builder.build();
  const result = runEngine(c, { ignore: EMPTY_IGNORE_LIST });
  return { c, result, gangA, gangB };
}

describe('bridges', () => {
  it('finds a value whose removal leaves two sides of five or more, with the sides, and no other', () => {
    // Reports 0–4 tied by value 1, 5–9 by value 2, report 0 and 5 by value 3 alone; 10–11 by value 3 too.
    const e = new EdgeList();
    for (let k = 1; k < 5; k++) e.push(0, k, 1 * 4);
    for (let k = 6; k < 10; k++) e.push(5, k, 2 * 4);
    e.push(0, 5, 3 * 4);
    e.push(0, 10, 3 * 4);
    e.push(0, 11, 3 * 4);
    const found = findBridges({ n: 12, strong: e, category: new Int32Array(12) });
    expect(found.bridges).toEqual([{ value: 3, sides: [5, 5, 1, 1] }]);
    const heldEdges = [...found.held.keys()].filter((k) => found.held[k] === 1).map((k) => [e.a[k], e.b[k]]);
    expect(heldEdges).toEqual([
      [0, 5],
      [0, 10],
      [0, 11],
    ]);
    // A second tie between the sides (a pair linked by two values) leaves nothing to cut.
    e.push(4, 9, 4 * 4);
    e.push(4, 9, 5 * 4);
    expect(findBridges({ n: 12, strong: e, category: new Int32Array(12) }).bridges).toEqual([]);
  });

  it('does not cut off a side smaller than five reports, counting the members an incremental run did not load', () => {
    const e = new EdgeList();
    for (let k = 1; k < 5; k++) e.push(0, k, 1 * 4);
    e.push(5, 6, 2 * 4);
    e.push(0, 5, 3 * 4);
    const n = 7;
    expect(findBridges({ n, strong: e, category: new Int32Array(n) }).bridges).toEqual([]);
    // Reports 5 and 6 are a known group with three more members not loaded: a side of five.
    const label = Int32Array.from([-1, -1, -1, -1, -1, 0, 0]);
    const weight = Int32Array.from([0, 0, 0, 0, 0, 3, 0]);
    expect(findBridges({ n, strong: e, category: new Int32Array(n), label, weight }).bridges).toEqual([{ value: 3, sides: [5, 5] }]);
  });

  it('keeps two gangs sharing one rented card apart, and suggests the link with why', () => {
    const { result, gangA, gangB, c } = rented(BRIDGE_PIECE, BRIDGE_PIECE + 2);
    const group = (i: number): number => result.group[i] as number;
    expect(new Set(gangA.map(group)).size).toBe(1);
    expect(new Set(gangB.map(group)).size).toBe(1);
    expect(group(gangA[0] as number)).not.toBe(group(gangB[0] as number));
    const lead = result.suggestions.find(
      (s) => new Set([group(s.a), group(s.b)]).size === 2 && [s.a, s.b].every((x) => [...gangA, ...gangB].includes(x)),
    );
    expect(lead).toBeDefined();
    const terms = lead?.evidence ?? [];
    expect(terms.find((t) => t.type === 'identifier')).toMatchObject({ kind: 'bank_card', value: cardNo(1) });
    expect(terms.find((t) => t.type === 'bridge')).toEqual({ type: 'bridge', sides: [7, 5], weight: 0 });
    expect(c.n).toBe(72);
  });

  it('still joins a gang whose few reports only the card ties to the rest', () => {
    const { result, gangA, gangB } = rented(BRIDGE_PIECE + 3, BRIDGE_PIECE - 1);
    const groups = new Set([...gangA, ...gangB].map((i) => result.group[i]));
    expect(groups.size).toBe(1);
    expect(result.suggestions.some((s) => s.evidence.some((t) => t.type === 'bridge'))).toBe(false);
  });

  it('an accepted bridge suggestion is an investigator merge: the two gangs are one series', () => {
    const first = rented(BRIDGE_PIECE, BRIDGE_PIECE);
    const lead = first.result.suggestions.find((s) => s.evidence.some((t) => t.type === 'bridge'));
    expect(lead).toBeDefined();
    const again = runEngine(first.c, {
      ignore: EMPTY_IGNORE_LIST,
      overrides: {
        isolated: new Uint8Array(first.c.n),
        mustLink: [{ a: lead!.a, b: lead!.b, correction: 1 }],
        dropped: new Map(),
        forbidden: new Map(),
      },
    });
    expect(again.group[first.gangA[0] as number]).toBe(again.group[first.gangB[0] as number]);
  });
});

describe('bridges in the store', () => {
  it('an incremental run that grows a side into a bridge splits the series as a full relink does', () => {
    const { db, file } = testStore();
    // Gang A: 6 reports with phone A; gang B: 3 with phone B; one of each names the same card.
    const a = Array.from({ length: 6 }, (_, k) =>
      report(`A${k}`, { identifiers: [phone('13800000001'), wechat('gang_a_kefu'), ...(k === 0 ? [card(cardNo(1))] : [])] }),
    );
    const b = Array.from({ length: 3 }, (_, k) =>
      report(`B${k}`, { identifiers: [phone('13800000002'), wechat('gang_b_kefu'), ...(k === 0 ? [card(cardNo(1))] : [])] }),
    );
    const noise = Array.from({ length: 40 }, (_, k) => report(`N${k}`, { identifiers: [card(cardNo(100 + Math.floor(k / 2)))] }));
    ingest(db, [...a, ...b, ...noise]);
    linkStore(db, { full: true });
    const seriesOf = (id: string): string | undefined =>
      db.prepare<[string], string>('SELECT m.series_id FROM series_member m JOIN report r ON r.rid = m.rid WHERE r.id = ?').pluck().get(id);
    expect(seriesOf('A1')).toBe(seriesOf('B1'));
    // Two more of gang B: its side reaches five, and the card is now a bridge.
    ingest(db, [
      report('B3', { identifiers: [phone('13800000002'), wechat('gang_b_kefu')] }),
      report('B4', { identifiers: [phone('13800000002'), wechat('gang_b_kefu')] }),
    ]);
    expect(linkStore(db).mode).toBe('incremental');
    expect(seriesOf('A1')).not.toBe(seriesOf('B1'));
    const suggested = db.prepare('SELECT count(*) FROM link_suggestion WHERE evidence LIKE \'%"bridge"%\'').pluck().get() as number;
    expect(suggested).toBe(1);
    const incremental = partition(db);
    db.close();
    const copy = `${file}.copy`;
    copyStore(file, copy);
    const full = openStore(copy);
    expect(linkStore(full, { full: true }).mode).toBe('full');
    expect(partition(full)).toEqual(incremental);
    full.close();
  });
});
