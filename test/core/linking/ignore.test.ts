// Editing the ignore list on a real store: values normalised as identifiers are, shipped defaults
// listed and protected (but able to be turned off), every change audited, and the next incremental
// run relinking exactly what the change affects — ending where a full relink would.
import { describe, expect, it } from 'vitest';
import { explain } from '../../../src/core/linking/explain';
import { shippedIgnoreEntries } from '../../../src/core/linking/ignore-list';
import {
  addIgnored,
  canonicalIgnoreValue,
  IgnoreChangeError,
  IgnoreValueError,
  removeIgnored,
} from '../../../src/core/linking/ignore-edit';
import { listIgnored, readIgnoreList } from '../../../src/core/linking/ignore-store';
import { linkStore } from '../../../src/core/linking/store-io';
import { openStore, type Db } from '../../../src/core/store/db';
import { card, ingest, phone, report, testStore, partition } from './support';
import { copyStore } from '../../support/raw-store';

const seriesOf = (db: Db, id: string): string | undefined =>
  db.prepare<[string], string>('SELECT m.series_id FROM series_member m JOIN report r ON r.rid = m.rid WHERE r.id = ?').pluck().get(id);

const linksThrough = (db: Db, value: string): number =>
  db
    .prepare<[string], number>("SELECT count(*) FROM link, json_each(link.evidence) e WHERE e.value ->> 'value' = ?")
    .pluck()
    .get(value) as number;

const audit = (db: Db): { action: string; subject: string; detail: Record<string, unknown> }[] =>
  (
    db.prepare("SELECT action, subject, detail FROM audit_log WHERE action LIKE 'ignore_%' ORDER BY id").all() as {
      action: string;
      subject: string;
      detail: string;
    }[]
  ).map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));

/** The same store relinked in full from a copy: what the incremental run must have reached. */
function fullRelinkOf(db: Db, file: string): string[] {
  db.pragma('wal_checkpoint(TRUNCATE)');
  const copy = `${file}.full`;
  copyStore(file, copy);
  const again = openStore(copy);
  try {
    expect(linkStore(again, { full: true }).mode).toBe('full');
    return partition(again);
  } finally {
    again.close();
  }
}

const MULE = '6217000012345678901';

function gangs(db: Db): void {
  ingest(db, [
    report('A1', { identifiers: [card('6222 0212 3456 7890 128')] }),
    report('A2', { identifiers: [card('6222-0212-3456-7890-128'), phone('+86 138-0013-8000')] }),
    report('A3', { identifiers: [phone('0086 13800138000')] }),
    report('B1', { category: 'loan', identifiers: [card(MULE)] }),
    report('B2', { category: 'loan', identifiers: [card('6217 0000 1234 5678 901')] }),
    report('B3', { category: 'loan', identifiers: [card(MULE), phone('13900001111')] }),
    report('B4', { category: 'loan', identifiers: [phone('139 0000 1111')] }),
    report('T1', { identifiers: [{ kind: 'url', value: 'https://item.taobao.com/item.htm?id=42', role: 'site' }] }),
    report('T2', { identifiers: [{ kind: 'url', value: 'item.taobao.com/item.htm?id=42&utm_source=x', role: 'site' }] }),
  ]);
}

describe('ignore-list values', () => {
  it('are normalised exactly as reported identifiers are', () => {
    expect(canonicalIgnoreValue('phone', '138 0013 8000')).toEqual({ kind: 'phone', value: '+8613800138000' });
    expect(canonicalIgnoreValue('bank_card', '6217 0000 1234 5678 901')).toEqual({ kind: 'bank_card', value: MULE });
    // A card-length account is a card: the entry takes the kind identifiers are stored under.
    expect(canonicalIgnoreValue('bank_account', '6217-0000-1234-5678-901')).toEqual({ kind: 'bank_card', value: MULE });
    expect(canonicalIgnoreValue('url', 'HTTPS://WWW.Example.cn/a/?utm_source=x')).toEqual({ kind: 'url', value: 'http://example.cn/a' });
    expect(canonicalIgnoreValue('url', 'https://example.cn/#/pay/7')).toEqual({ kind: 'url', value: 'http://example.cn#/pay/7' });
    expect(canonicalIgnoreValue('domain', 'WWW.Example.CN')).toEqual({ kind: 'domain', value: 'example.cn' });
    expect(canonicalIgnoreValue('domain', '例子.中国')).toEqual({ kind: 'domain', value: '例子.中国' });
  });

  it('refuse unknown kinds, unusable values, and domains that are not bare registrable domains', () => {
    expect(() => canonicalIgnoreValue('fax', '123')).toThrow(IgnoreValueError);
    expect(() => canonicalIgnoreValue('wechat', '微信号')).toThrow(/not a usable wechat/);
    expect(() => canonicalIgnoreValue('domain', 'pay.example.cn')).toThrow(/covers every address on example\.cn/);
    expect(() => canonicalIgnoreValue('domain', 'example.cn/login')).toThrow(/an address, not a domain/);
    expect(() => canonicalIgnoreValue('domain', 'example.cn#!login')).toThrow(/an address, not a domain/);
    expect(() => canonicalIgnoreValue('domain', '10.0.0.1')).toThrow(/not a domain name/);
  });

  it('shipped defaults are already canonical (an entry that is not never matches anything)', () => {
    for (const e of shippedIgnoreEntries())
      expect(canonicalIgnoreValue(e.kind, e.value), `${e.kind} ${e.value}`).toEqual({ kind: e.kind, value: e.value });
  });
});

describe('editing the ignore list', () => {
  it('add: the next incremental run unlinks what only the value held together, as a full relink would', () => {
    const { db, file } = testStore();
    gangs(db);
    linkStore(db);
    const b = seriesOf(db, 'B1');
    expect(seriesOf(db, 'B2')).toBe(b);
    expect(linksThrough(db, MULE)).toBeGreaterThan(0);

    const change = addIgnored(db, 'bank_card', '6217 0000 1234 5678 901', { reason: 'bank test card', actor: 'li' });
    expect(change).toEqual({ kind: 'bank_card', value: MULE, source: 'investigator', changed: true, relink: 3 });
    const run = linkStore(db);
    expect(run.mode).toBe('incremental');
    expect(seriesOf(db, 'B1')).toBeUndefined();
    expect(seriesOf(db, 'B2')).toBeUndefined();
    // B3 and B4 still share a phone; the larger part of the old series keeps its id.
    expect(seriesOf(db, 'B3')).toBe(b);
    expect(seriesOf(db, 'B4')).toBe(b);
    expect(linksThrough(db, MULE)).toBe(0);
    expect(db.prepare('SELECT count(*) FROM link_dirty').pluck().get()).toBe(0);
    expect(explain(db, 'B1', 'B2').reasons.join('\n')).toMatch(/ignore list/);
    expect(partition(db)).toEqual(fullRelinkOf(db, file));
  });

  it('remove: a value ignored at the last full run links its reports again at the next incremental run', () => {
    const { db, file } = testStore();
    gangs(db);
    addIgnored(db, 'bank_card', MULE);
    linkStore(db, { full: true });
    expect(seriesOf(db, 'B1')).toBeUndefined();
    // The full run recorded the value among its hubs as ignored: that must not outlive the entry.
    expect(db.prepare('SELECT reason FROM link_hub WHERE value = ?').pluck().get(MULE)).toBe('ignored');

    const change = removeIgnored(db, 'bank_card', MULE, { reason: 'not a test card after all' });
    expect(change).toMatchObject({ changed: true, relink: 3 });
    expect(linkStore(db).mode).toBe('incremental');
    expect(seriesOf(db, 'B1')).toBeDefined();
    expect(seriesOf(db, 'B2')).toBe(seriesOf(db, 'B1'));
    expect(seriesOf(db, 'B4')).toBe(seriesOf(db, 'B1'));
    expect(linksThrough(db, MULE)).toBeGreaterThan(0);
    expect(explain(db, 'B1', 'B2').linked).toBe(true);
    expect(partition(db)).toEqual(fullRelinkOf(db, file));
  });

  it('lists shipped defaults as such; they are not removable, but can be turned off and on again', () => {
    const { db } = testStore();
    gangs(db);
    linkStore(db);
    expect(seriesOf(db, 'T1')).toBeUndefined();
    const shipped = listIgnored(db).find((e) => e.kind === 'domain' && e.value === 'taobao.com');
    expect(shipped).toEqual({
      kind: 'domain',
      value: 'taobao.com',
      source: 'shipped',
      ignored: true,
      note: null,
      reason: null,
      changed_at: null,
    });
    expect(listIgnored(db).find((e) => e.value === '95588')).toMatchObject({ source: 'shipped', note: 'ICBC hotline' });

    expect(() => removeIgnored(db, 'domain', 'taobao.com')).toThrow(IgnoreChangeError);
    expect(readIgnoreList(db).keys.has('domain\u0001taobao.com')).toBe(true);
    // Adding a default again changes nothing and marks nothing.
    expect(addIgnored(db, 'domain', 'www.taobao.com')).toMatchObject({ source: 'shipped', changed: false, relink: 0 });

    expect(removeIgnored(db, 'domain', 'taobao.com', { override: true, reason: 'gang sells through one shop' })).toMatchObject({
      source: 'shipped',
      changed: true,
      relink: 2,
    });
    expect(listIgnored(db).find((e) => e.value === 'taobao.com')).toMatchObject({
      source: 'shipped',
      ignored: false,
      reason: 'gang sells through one shop',
    });
    linkStore(db);
    expect(seriesOf(db, 'T1')).toBeDefined();
    expect(seriesOf(db, 'T2')).toBe(seriesOf(db, 'T1'));

    expect(addIgnored(db, 'domain', 'taobao.com')).toMatchObject({ source: 'shipped', changed: true, relink: 2 });
    expect(listIgnored(db).find((e) => e.value === 'taobao.com')).toMatchObject({ ignored: true, reason: null });
    linkStore(db);
    expect(seriesOf(db, 'T1')).toBeUndefined();
  });

  it('lists investigators entries after the defaults, refuses to remove what is not there, and audits every change', () => {
    const { db } = testStore();
    addIgnored(db, 'phone', '13800138000', { reason: 'victim support line', actor: 'li' });
    addIgnored(db, 'phone', '+86 138 0013 8000', { actor: 'li' });
    const mine = listIgnored(db).filter((e) => e.source === 'investigator');
    expect(mine).toEqual([
      {
        kind: 'phone',
        value: '+8613800138000',
        source: 'investigator',
        ignored: true,
        note: null,
        reason: 'victim support line',
        changed_at: expect.any(String),
      },
    ]);
    expect(
      listIgnored(db)
        .slice(0, shippedIgnoreEntries().length)
        .every((e) => e.source === 'shipped'),
    ).toBe(true);
    expect(() => removeIgnored(db, 'phone', '13900000000')).toThrow(/not on the ignore list/);
    removeIgnored(db, 'phone', '138-0013-8000', { actor: 'wang' });
    expect(listIgnored(db).filter((e) => e.source === 'investigator')).toEqual([]);
    expect(audit(db)).toEqual([
      {
        action: 'ignore_add',
        subject: 'phone +8613800138000',
        detail: { source: 'investigator', changed: true, relink: 0, reason: 'victim support line' },
      },
      { action: 'ignore_add', subject: 'phone +8613800138000', detail: { source: 'investigator', changed: false, relink: 0 } },
      { action: 'ignore_remove', subject: 'phone +8613800138000', detail: { source: 'investigator', changed: true, relink: 0 } },
    ]);
    expect(db.prepare("SELECT actor FROM audit_log WHERE action LIKE 'ignore_%' ORDER BY id").pluck().all()).toEqual(['li', 'li', 'wang']);
  });
});
