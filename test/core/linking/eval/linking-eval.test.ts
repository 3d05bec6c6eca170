// The linking evaluation's scorer and corpus builders on tiny inline fixtures (the real corpora
// are fetched data and stay out of tests). Every built report must be a valid v1 record, and each
// truth must follow its documented rule.
import { describe, expect, it } from 'vitest';
import * as cryptoscamdb from '../../../../src/bench/linking-eval/corpus-cryptoscamdb.mjs';
import type { Built, Source } from '../../../../src/bench/linking-eval/corpus.d.mts';
import * as phishkit from '../../../../src/bench/linking-eval/corpus-phishkit.mjs';
import * as polkadot from '../../../../src/bench/linking-eval/corpus-polkadot.mjs';
import * as synthetic from '../../../../src/bench/linking-eval/corpus-synthetic.mjs';
import * as telecom from '../../../../src/bench/linking-eval/corpus-telecom-texts.mjs';
import { oracleMerge, score, unionOnValues } from '../../../../src/bench/linking-eval/score.mjs';
import { parseRecord } from '../../../../src/core/report/parse';

function fakeSource(files: Record<string, string>): Source {
  return {
    read(file) {
      const text = files[file];
      if (text === undefined) throw new Error(`no file ${file}`);
      return Buffer.from(text, 'utf8');
    },
    list: (prefix = '') =>
      Object.keys(files)
        .filter((f) => f.startsWith(prefix))
        .sort(),
    provenance: () => ({}),
  };
}

/** Every report parses as v1; returns the reports keyed by id. */
function checked(out: Built): Map<string, Record<string, unknown>> {
  const byId = new Map<string, Record<string, unknown>>();
  for (const rep of out.reports) {
    if (rep['deleted'] === true) continue;
    const parsed = parseRecord(JSON.parse(JSON.stringify(rep)));
    if (!parsed.ok) throw new Error(`${String(rep['id'])}: ${parsed.error.field} ${parsed.error.reason}`);
    byId.set(rep['id'] as string, rep);
  }
  for (const id of byId.keys()) expect(out.truth[id]).toBeDefined();
  return byId;
}

const idsWhere = (out: Built, pred: (rep: Record<string, unknown>) => boolean): string[] =>
  out.reports.filter((r) => r['deleted'] !== true && pred(r)).map((r) => r['id'] as string);
const clustersOf = (out: Built, ids: string[]): Set<string> => new Set(ids.map((id) => out.truth[id] as string));

describe('score', () => {
  it('counts pairwise and B-cubed precision and recall from the contingency', () => {
    const truth: Record<string, string> = { a: 'T1', b: 'T1', c: 'T2' };
    const sys: Record<string, string> = { a: 'S1', b: 'S2', c: 'S2' };
    const s = score(
      ['a', 'b', 'c'],
      (id) => truth[id],
      (id) => sys[id],
    );
    expect(s.pairs).toEqual({ system: 1, truth: 1, correct: 0, false: 1 });
    expect(s.pairwise.p).toBe(0);
    expect(s.pairwise.r).toBe(0);
    expect(s.bcubed.p).toBeCloseTo(2 / 3, 12);
    expect(s.bcubed.r).toBeCloseTo(2 / 3, 12);
    const perfect = score(
      ['a', 'b', 'c'],
      (id) => truth[id],
      (id) => truth[id],
    );
    expect(perfect.pairwise).toEqual({ p: 1, r: 1, f1: 1 });
    expect(perfect.bcubed).toEqual({ p: 1, r: 1, f1: 1 });
  });

  it('leaves pairwise precision undefined when nothing is linked', () => {
    const s = score(
      ['a', 'b'],
      () => 'T',
      (id) => id,
    );
    expect(s.pairwise.p).toBeNull();
    expect(s.pairwise.r).toBe(0);
    expect(s.bcubed.p).toBe(1);
    expect(s.bcubed.r).toBe(0.5);
  });

  it('unions reports through chains of shared values', () => {
    const m = unionOnValues(
      ['a', 'b', 'c', 'd'],
      [
        ['a', 'v1'],
        ['b', 'v1'],
        ['b', 'v2'],
        ['c', 'v2'],
      ],
    );
    expect(m.get('a')).toBe(m.get('c'));
    expect(m.get('d')).not.toBe(m.get('a'));
  });

  it('lets the oracle accept only suggestions within one truth cluster, merging their series', () => {
    const truth: Record<string, string> = { a: 'T1', b: 'T1', c: 'T2', d: 'T1' };
    const seriesOf = new Map([
      ['a', 'S1'],
      ['b', 'S2'],
      ['c', 'S3'],
      ['d', 'S4'],
    ]);
    const out = oracleMerge(
      seriesOf,
      [
        { id: 'x', series: ['S1', 'S2'], reports: ['a', 'b'] },
        { id: 'y', series: ['S2', 'S3'], reports: ['b', 'c'] },
        { id: 'z', reports: ['d', 'a'] },
      ],
      (id) => truth[id],
    );
    expect([out.accepted, out.rejected]).toEqual([2, 1]);
    expect(out.decisions).toEqual([
      { id: 'x', accept: true },
      { id: 'y', accept: false },
      { id: 'z', accept: true },
    ]);
    expect(new Set(['a', 'b', 'd'].map((id) => out.clusters.get(id))).size).toBe(1);
    expect(out.clusters.get('c')).not.toBe(out.clusters.get('a'));
  });
});

describe('polkadot-js/phishing', () => {
  const files = {
    'address.json': JSON.stringify({
      'claim-dot.com': ['15aAz55RFFPYTs7P9eWry5AeYy75mgyqJQ4BNspcBPjFonns'],
      'dot-bonus.net': ['15aAz55RFFPYTs7P9eWry5AeYy75mgyqJQ4BNspcBPjFonns', '1Rb2Uhkkztfz2oJewKXcEBRykQurtJAZ1zLEsWyrFs24RFD'],
      'Wallet attacker': ['14FscqFT8S8W8emC5294cEpDctgAucJW7C99mpxS4cucpHoA'],
    }),
    'all.json': JSON.stringify({ allow: ['pages.dev'], deny: ['claim-dot.com', 'one.pages.dev', 'two.pages.dev', 'WWW.polka-swap.io'] }),
    'meta/2023-07.json': JSON.stringify([{ date: '2023-07-31', url: 'one.pages.dev' }]),
  };
  const out = polkadot.build(fakeSource(files), { seed: 3, denySample: 100 });
  const reports = checked(out);
  const of = (host: string) =>
    idsWhere(
      out,
      (r) =>
        JSON.stringify(r['identifiers'] ?? [])
          .toLowerCase()
          .includes(host) || String(r['narrative']).toLowerCase().includes(host),
    );

  it('joins sites that share an address and keeps every deny-list host apart', () => {
    expect(clustersOf(out, [...of('claim-dot.com'), ...of('dot-bonus.net')]).size).toBe(1);
    expect(clustersOf(out, of('one.pages.dev')).size).toBe(1);
    expect(out.truth[of('one.pages.dev')[0] as string]).not.toBe(out.truth[of('two.pages.dev')[0] as string]);
    expect(out.stats['denyHostsSampled']).toBe(3);
  });

  it('gives an actor without a site reports with its address and no URL', () => {
    const ids = idsWhere(out, (r) => JSON.stringify(r['identifiers'] ?? []).includes('14FscqFT8S8W8emC5294cEpDctgAucJW7C99mpxS4cucpHoA'));
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(JSON.stringify(reports.get(id)?.['identifiers'])).not.toContain('"url"');
  });

  it('is the same for the same seed', () => {
    expect(JSON.stringify(polkadot.build(fakeSource(files), { seed: 3, denySample: 100 }))).toBe(JSON.stringify(out));
  });
});

describe('CryptoScamDB/blacklist', () => {
  const yaml = [
    '---',
    '- name: give-eth.live',
    '  url: http://give-eth.live',
    '  category: Scamming',
    '  subcategory: Trust-Trading',
    '  description: |-',
    '    Report: https://example.org/#abuse',
    '    - not an address',
    '  addresses:',
    '    ETH:',
    '     - "0xDcBb7fDB47112d85DE6ae2936d0542c9503Da58c"',
    '    BTC:',
    '    - 1Gbrk58rWuFh5VqyfcHza1eDW9Rhj88mbT',
    '  reporter: CryptoScamDB',
    '- name: elon-give.com',
    "  url: 'https://www.elon-give.com '",
    '  category: Scamming',
    '  subcategory: Trust-Trading',
    '  addresses: ',
    '    BNB:',
    '    - "0xdcbb7fdb47112d85de6ae2936d0542c9503da58c"',
    '- name: elon-give.com',
    '  url: http://elon-give.com',
    '  category: Scamming',
    '- name: myetherwallet.cam',
    '  url: http://myetherwallet.cam',
    '  category: Phishing',
    '  subcategory: MyEtherWallet',
  ].join('\n');

  it('reads the entries, their coins and addresses, whatever the list indentation', () => {
    const entries = cryptoscamdb.readBlacklist(yaml);
    expect(entries).toHaveLength(4);
    expect(entries[0]?.addresses).toEqual({
      ETH: ['0xDcBb7fDB47112d85DE6ae2936d0542c9503Da58c'],
      BTC: ['1Gbrk58rWuFh5VqyfcHza1eDW9Rhj88mbT'],
    });
    expect(entries[1]?.url).toBe('https://www.elon-give.com ');
    expect(entries[1]?.addresses).toEqual({ BNB: ['0xdcbb7fdb47112d85de6ae2936d0542c9503da58c'] });
    expect(entries[3]?.addresses).toBeUndefined();
  });

  it('joins sites through one EVM address in any case and coin, and www. to its host', () => {
    const out = cryptoscamdb.build(fakeSource({ 'data/urls.yaml': yaml }), { seed: 2 });
    checked(out);
    const give = idsWhere(
      out,
      (r) => String(r['narrative']).includes('give-eth.live') || JSON.stringify(r['identifiers'] ?? []).includes('give-eth.live'),
    );
    const elon = idsWhere(
      out,
      (r) => String(r['narrative']).includes('elon-give.com') || JSON.stringify(r['identifiers'] ?? []).includes('elon-give.com'),
    );
    const mew = idsWhere(
      out,
      (r) => String(r['narrative']).includes('myetherwallet.cam') || JSON.stringify(r['identifiers'] ?? []).includes('myetherwallet.cam'),
    );
    expect(clustersOf(out, [...give, ...elon]).size).toBe(1);
    expect(clustersOf(out, mew).size).toBe(1);
    expect(out.truth[mew[0] as string]).not.toBe(out.truth[give[0] as string]);
    expect(out.stats['sites']).toBe(3);
  });
});

describe('PhishingKitTracker', () => {
  // Three kits of three operators bundle one library whose author's address is in each; the first
  // operator's address is also in a fourth kit on another host; a fifth "kit" is an archive of ten.
  const header = 'DateFound,ReferenceLink,ThreatActorEmail,EmailType,KitMailer,Target,PhishingDomain,KitName,ThreatActor,KitHash,KitUrl';
  const rows: string[] = [];
  const row = (email: string, kitName: string, hash: string, mailer = 'post.php') =>
    rows.push(`3/1/2019,https://twitter.com/x/status/1,${email},gmail,${mailer},,,${kitName},,${hash},`);
  ['one', 'two', 'three'].forEach((op, k) => {
    const name = `shop-${op}.com_Office365.zip`;
    const hash = `${k + 1}`.repeat(32);
    row(`drop.${op}@gmail.com`, name, hash);
    row(`backup.${op}@yandex.com`, name, hash);
    row(`logs.${op}@outlook.com`, name, hash);
    row('author@phpmailer.example.org', name, hash, 'class.phpmailer.php');
  });
  row('drop.one@gmail.com', 'other-host.net_DHL.zip', '4'.repeat(32));
  for (let i = 0; i < 10; i++) row(`actor${i}@mail.ru`, 'archive-host.org_dump.zip', '5'.repeat(32));
  const files = { '2019-03_PhishingKitTracker.csv': [header, ...rows].join('\n') + '\n' };
  const out = phishkit.build(fakeSource(files), { seed: 5 });
  checked(out);
  const on = (host: string) => idsWhere(out, (r) => JSON.stringify(r['identifiers']).includes(host));

  it('keeps the library author out of the operators and leaves archives out', () => {
    expect(out.stats['sharedEmails']).toBe(1);
    expect(out.stats['archiveKitsLeftOut']).toBe(1);
    expect(on('archive-host.org')).toEqual([]);
    const clusters = ['shop-one.com', 'shop-two.com', 'shop-three.com'].map((h) => clustersOf(out, on(h)));
    for (const c of clusters) expect(c.size).toBe(1);
    expect(new Set(clusters.map((c) => [...c][0])).size).toBe(3);
  });

  it('joins kits that share an operator mailbox', () => {
    expect(clustersOf(out, [...on('shop-one.com'), ...on('other-host.net')]).size).toBe(1);
  });
});

describe('Telecom_Fraud_Texts_5', () => {
  it('takes masks and example values for no identifier', () => {
    for (const v of ['xxxxxxx', 'XXXXXXXXX', 'wxid-xxx', '1234567890', '0123456789', '88888888', 'www.example.com'])
      expect(telecom.isMask(v)).toBe(true);
    expect(telecom.identifiersIn('请加微信号：xxxxxxx，QQ号XXXXXXX，或拨打1234567890，详见www.xxx.com')).toEqual([]);
    expect(telecom.identifiersIn('加微信 abc_12345 领取，点击 http://t.cn/Rafdwad 登录，或访问www.jd.com')).toEqual([
      'wechat:abc_12345',
      'url:t.cn/rafdwad',
    ]);
    expect(telecom.identifiersIn('客服电话13912345678，QQ：3179238')).toEqual(['phone:13912345678', 'qq:3179238']);
  });

  it('makes every text a report and joins only texts sharing a real identifier', () => {
    const script = '您好，这里是上海市公安局，您涉嫌洗钱，请添加我们的微信号：xxxxxxx配合调查。';
    const csv = (...texts: string[]) => ['content,label', ...texts.map((t) => `"${t.replace(/"/g, '""')}",x`)].join('\n') + '\n';
    const files = {
      'label01-last.csv': csv(script, script, '我是刑侦支队的，加微信 jingguan_8866 配合调查'),
      'label02-last.csv': csv('贷款已审批，加微信 jingguan_8866 交保证金'),
      'label03-last.csv': csv('您好，我是淘宝客服，给您办理退款'),
      'label04-last.csv': csv('我是你们王总，先帮我转笔款'),
    };
    const out = telecom.build(fakeSource(files), { seed: 1 });
    const reports = checked(out);
    expect(reports.size).toBe(6);
    const truth = out.reports.map((r) => out.truth[r['id'] as string]);
    expect(truth[0]).not.toBe(truth[1]);
    expect(truth[2]).toBe(truth[3]);
    expect(new Set(truth).size).toBe(5);
    expect(out.reports.map((r) => r['category'])).toEqual([
      'impersonating_officials',
      'impersonating_officials',
      'impersonating_officials',
      'loan',
      'fake_customer_service',
      'impersonating_acquaintance',
    ]);
  });
});

describe('the independent generator', () => {
  const out = synthetic.build(null, { seed: 11, reports: 3000 });
  const reports = checked(out);

  it('makes the reports asked for, brushing over a third of them, with rentals and withdrawals', () => {
    const withdrawn = out.withdrawn ?? [];
    expect(reports.size).toBe(3000);
    expect(out.stats['reports']).toBe(3000 - withdrawn.length);
    const brushing = [...reports.values()].filter((r) => r['category'] === 'part_time_job').length;
    expect(brushing / 3000).toBeGreaterThan(1 / 3);
    expect(out.stats['rentals']).toBeGreaterThan(0);
    expect(withdrawn.length).toBeGreaterThan(0);
  });

  it('shares identifier-free templates across unrelated gangs and puts 回T退订 on marketing SMS', () => {
    const byText = new Map<string, Set<string>>();
    for (const [id, r] of reports) {
      for (const m of (r['messages'] as { channel: string; text: string }[] | undefined) ?? []) {
        if (m.text.includes('回T退订')) expect(m.text).toMatch(/【[^】]+】/);
        const set = byText.get(m.text) ?? new Set<string>();
        set.add(out.truth[id] as string);
        byText.set(m.text, set);
      }
    }
    expect([...byText.values()].some((gangs) => gangs.size > 3)).toBe(true);
  });

  it('is the same for the same seed and differs for another', () => {
    expect(JSON.stringify(synthetic.build(null, { seed: 11, reports: 3000 }))).toBe(JSON.stringify(out));
    expect(JSON.stringify(synthetic.build(null, { seed: 12, reports: 3000 }))).not.toBe(JSON.stringify(out));
  });
});
