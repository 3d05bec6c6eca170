// The reference list of one store: shipped entries turned off and on, investigators' entries added
// and removed, each change marking exactly the reports whose URLs changed standing, and audited.
import { describe, expect, it } from 'vitest';
import {
  canonicalReferenceDomain,
  addReference,
  removeReference,
  ReferenceChangeError,
  ReferenceValueError,
} from '../../../src/core/linking/reference-edit';
import { isReferenceUrl, listReferenceDomains, readReferenceDomains, shippedReferences } from '../../../src/core/linking/reference-domains';
import type { Db } from '../../../src/core/store/db';
import { ingest, report, testStore } from './support';

const url = (value: string): { kind: 'url'; value: string } => ({ kind: 'url', value });
const NOW = (): string => '2025-03-01T08:00:00.000Z';

function store(): Db {
  const { db } = testStore();
  ingest(db, [
    report('VT1', { identifiers: [url('https://www.virustotal.com/#/url/aaa111/detection')] }),
    report('VT2', { narrative: '扫描结果 https://www.virustotal.com/#/url/bbb222/detection 报毒' }),
    report('KB1', { identifiers: [url('http://kb.example-forum.cn/t/1')] }),
    report('KB2', { identifiers: [url('http://kb.example-forum.cn/t/2')] }),
    report('HOME', { identifiers: [url('http://www.example-forum.cn/home')] }),
    report('GOV', { identifiers: [url('http://www.mps.gov.cn/n2254/')] }),
    report('FRAUD', { identifiers: [url('http://icbc-jf.cn/lq')] }),
  ]);
  db.exec('DELETE FROM link_dirty');
  return db;
}

/** The reports marked to relink, and the mark cleared, as a link run would. */
function takeDirty(db: Db): string[] {
  const ids = db.prepare('SELECT r.id FROM link_dirty d JOIN report r ON r.rid = d.rid ORDER BY r.id').pluck().all() as string[];
  db.exec('DELETE FROM link_dirty');
  return ids;
}

const audits = (db: Db): { action: string; subject: string; detail: unknown }[] =>
  (
    db.prepare("SELECT action, subject, detail FROM audit_log WHERE action LIKE 'reference_%' ORDER BY id").all() as {
      action: string;
      subject: string;
      detail: string;
    }[]
  ).map((a) => ({ ...a, detail: JSON.parse(a.detail) }));

describe('canonical entries', () => {
  it.each([
    ['virustotal.com', 'virustotal.com'],
    ['  https://www.VirusTotal.com/ ', 'virustotal.com'],
    ['TIEBA.baidu.com', 'tieba.baidu.com'],
    ['*.gov.cn', 'gov.cn'],
    ['.gov.cn', 'gov.cn'],
    ['www.gov.cn', 'www.gov.cn'],
    ['ｅｔｈｅｒｓｃａｎ．ｉｏ', 'etherscan.io'],
    ['xn--fsqu00a.xn--fiqs8s', '例子.中国'],
  ])('%j → %s', (raw, domain) => {
    expect(canonicalReferenceDomain(raw)).toBe(domain);
  });

  it.each([
    '',
    '  ',
    'cn',
    'http://example.com/a/b',
    'example.com:8080',
    'example.com?a=1',
    'virustotal.com/#/url/x',
    '1.2.3.4',
    'weixin://dl/chat',
    '不详',
  ])('%j is refused', (raw) => {
    expect(() => canonicalReferenceDomain(raw)).toThrow(ReferenceValueError);
  });

  it('says what to give instead of an address', () => {
    expect(() => canonicalReferenceDomain('https://tieba.baidu.com/p/1')).toThrow(/give tieba\.baidu\.com/);
  });
});

describe('the reference list in a store', () => {
  it('lists the shipped entries first, all in force, and matches what they cover', () => {
    const db = store();
    const list = listReferenceDomains(db);
    expect(list.map((e) => e.domain)).toEqual(shippedReferences().map((e) => e.domain));
    expect(list.every((e) => e.enabled && e.source === 'shipped' && e.note !== null && e.reason === null)).toBe(true);
    expect(list.find((e) => e.domain === 'virustotal.com')).toMatchObject({
      category: 'scanner',
      note: { en: 'VirusTotal file and URL scanner' },
    });
    const refs = readReferenceDomains(db);
    expect(isReferenceUrl(refs, 'http://virustotal.com#/url/aaa111/detection')).toBe(true);
    expect(isReferenceUrl(refs, 'http://kb.example-forum.cn/t/1')).toBe(false);
    db.close();
  });

  it('adds an investigator’s entry, marks the reports it covers, and removes it again', () => {
    const db = store();
    const added = addReference(db, 'https://www.Example-Forum.cn/', { category: 'forum', reason: '本地论坛', actor: 'li', now: NOW });
    expect(added).toEqual({ domain: 'example-forum.cn', category: 'forum', source: 'investigator', changed: true, relink: 3 });
    expect(takeDirty(db)).toEqual(['HOME', 'KB1', 'KB2']);
    expect(listReferenceDomains(db).at(-1)).toEqual({
      domain: 'example-forum.cn',
      category: 'forum',
      source: 'investigator',
      enabled: true,
      note: null,
      reason: '本地论坛',
      changed_at: NOW(),
    });
    expect(isReferenceUrl(readReferenceDomains(db), 'http://kb.example-forum.cn/t/1')).toBe(true);

    // Added again: nothing changes but the category given.
    expect(addReference(db, 'example-forum.cn', { category: 'news', now: NOW })).toEqual({
      domain: 'example-forum.cn',
      category: 'news',
      source: 'investigator',
      changed: false,
      relink: 0,
    });
    expect(takeDirty(db)).toEqual([]);
    expect(listReferenceDomains(db).at(-1)).toMatchObject({ category: 'news', reason: '本地论坛' });

    // A host under it changes no URL's standing; removing the wider entry then changes only those outside it.
    expect(addReference(db, 'kb.example-forum.cn', { now: NOW })).toMatchObject({
      domain: 'kb.example-forum.cn',
      category: 'other',
      changed: true,
      relink: 0,
    });
    expect(removeReference(db, 'example-forum.cn', { reason: '误加', actor: 'li' })).toEqual({
      domain: 'example-forum.cn',
      category: 'news',
      source: 'investigator',
      changed: true,
      relink: 1,
    });
    expect(takeDirty(db)).toEqual(['HOME']);
    expect(
      listReferenceDomains(db)
        .filter((e) => e.source === 'investigator')
        .map((e) => e.domain),
    ).toEqual(['kb.example-forum.cn']);

    expect(() => removeReference(db, 'example-forum.cn')).toThrow(ReferenceChangeError);
    expect(() => addReference(db, 'example.org', { category: 'planet' })).toThrow(/unknown category "planet"; one of scanner, url_check/);
    db.close();
  });

  it('turns a shipped entry off and on again, marking the reports that cite it', () => {
    const db = store();
    const off = removeReference(db, 'virustotal.com', { reason: '团伙用 virustotal 仿冒页', actor: 'li', now: NOW });
    expect(off).toEqual({ domain: 'virustotal.com', category: 'scanner', source: 'shipped', changed: true, relink: 2 });
    expect(takeDirty(db)).toEqual(['VT1', 'VT2']);
    expect(listReferenceDomains(db).find((e) => e.domain === 'virustotal.com')).toMatchObject({
      enabled: false,
      source: 'shipped',
      reason: '团伙用 virustotal 仿冒页',
      changed_at: NOW(),
    });
    expect(isReferenceUrl(readReferenceDomains(db), 'http://virustotal.com#/url/aaa111/detection')).toBe(false);
    // Turned off twice: nothing changes.
    expect(removeReference(db, 'virustotal.com')).toMatchObject({ changed: false, relink: 0 });

    expect(addReference(db, 'www.virustotal.com', { actor: 'li' })).toEqual({
      domain: 'virustotal.com',
      category: 'scanner',
      source: 'shipped',
      changed: true,
      relink: 2,
    });
    expect(takeDirty(db)).toEqual(['VT1', 'VT2']);
    expect(db.prepare('SELECT count(*) FROM reference_domain').pluck().get()).toBe(0);
    expect(listReferenceDomains(db).find((e) => e.domain === 'virustotal.com')).toMatchObject({
      enabled: true,
      reason: null,
      changed_at: null,
    });
    expect(addReference(db, 'virustotal.com')).toMatchObject({ changed: false, relink: 0 });

    // A suffix entry: every URL under it is found without the registrable-domain index.
    expect(removeReference(db, 'gov.cn')).toMatchObject({ source: 'shipped', changed: true, relink: 1 });
    expect(takeDirty(db)).toEqual(['GOV']);

    expect(audits(db).slice(0, 3)).toEqual([
      {
        action: 'reference_remove',
        subject: 'virustotal.com',
        detail: { source: 'shipped', category: 'scanner', changed: true, relink: 2, reason: '团伙用 virustotal 仿冒页' },
      },
      {
        action: 'reference_remove',
        subject: 'virustotal.com',
        detail: { source: 'shipped', category: 'scanner', changed: false, relink: 0 },
      },
      { action: 'reference_add', subject: 'virustotal.com', detail: { source: 'shipped', category: 'scanner', changed: true, relink: 2 } },
    ]);
    expect(
      db
        .prepare("SELECT DISTINCT actor FROM audit_log WHERE action LIKE 'reference_%' AND subject = 'virustotal.com' AND actor = 'li'")
        .pluck()
        .all(),
    ).toEqual(['li']);
    db.close();
  });
});
