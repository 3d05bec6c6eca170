// Shared pieces of the linking evaluation's corpus builders: a seeded random stream, the parts
// of a citizen's report (victim, precinct, dates, loss), messy ways of writing identifiers, the
// reference sites narratives cite, and the writers of a corpus (reports NDJSON, truth, manifest).
// Plain Node, no dependencies; every builder is deterministic for a given seed and source.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

// ---- random stream -------------------------------------------------------------------------

/** 32-bit hash of a string (FNV-1a), to seed streams from names. */
export function hash32(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A seeded stream (mulberry32) with the helpers the builders use. */
export function rng(seed) {
  const seed0 = (typeof seed === 'number' ? seed : hash32(String(seed))) >>> 0;
  let s = seed0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const r = {
    next,
    /** integer in [lo, hi] */
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick: (list) => list[Math.floor(next() * list.length)],
    /** pick by weights: [[value, weight], …] */
    weighted: (pairs) => {
      let total = 0;
      for (const [, w] of pairs) total += w;
      let x = next() * total;
      for (const [v, w] of pairs) {
        x -= w;
        if (x < 0) return v;
      }
      return pairs[pairs.length - 1][0];
    },
    /** 0, 1, 2, … with P(k) ∝ (1-p)^k · p, capped */
    geometric: (p, cap = Infinity) => {
      let k = 0;
      while (k < cap && next() >= p) k++;
      return k;
    },
    shuffle: (list) => {
      const a = list.slice();
      for (let i = a.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [a[i], a[j]] = [a[j], a[i]];
      }
      return a;
    },
    digits: (n) => {
      let out = '';
      for (let i = 0; i < n; i++) out += String(Math.floor(next() * 10));
      return out;
    },
    letters: (n, alphabet = 'abcdefghijklmnopqrstuvwxyz') => {
      let out = '';
      for (let i = 0; i < n; i++) out += alphabet[Math.floor(next() * alphabet.length)];
      return out;
    },
    /** a child stream, independent of how much of this one is used later */
    fork: (name) => rng(hash32(`${seed0}:${name}`)),
  };
  return r;
}

export const sha256 = (text) => createHash('sha256').update(text).digest('hex');

// ---- parts of a report ---------------------------------------------------------------------

export const PRECINCTS = [
  ['NJ-XUANWU', '玄武区'],
  ['NJ-QINHUAI', '秦淮区'],
  ['NJ-GULOU', '鼓楼区'],
  ['NJ-JIANYE', '建邺区'],
  ['NJ-QIXIA', '栖霞区'],
  ['NJ-YUHUA', '雨花台区'],
  ['NJ-JIANGNING', '江宁区'],
  ['NJ-PUKOU', '浦口区'],
];

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '155',
  '157',
  '158',
  '159',
  '166',
  '173',
  '177',
  '180',
  '181',
  '186',
  '187',
  '188',
  '189',
  '191',
  '198',
  '199',
];

export function mobile(r) {
  return r.pick(MOBILE_PREFIXES) + r.digits(8);
}

/** The reporting citizen (PII, never an identifier of the fraudster side). */
export function victim(r, district) {
  const gender = r.chance(0.5) ? 'female' : 'male';
  return {
    name: `${r.pick([...SURNAMES])}某${r.chance(0.3) ? '某' : ''}`,
    phone: mobile(r),
    age: r.int(18, 78),
    gender,
    district,
  };
}

export function precinct(r) {
  return r.pick(PRECINCTS);
}

const pad = (n, w = 2) => String(n).padStart(w, '0');

/** RFC 3339 with +08:00 for a time given in ms since the epoch (UTC). */
export function beijing(ms) {
  const d = new Date(ms + 8 * 3600_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}+08:00`;
}

export const DAY = 86_400_000;

/** Parse YYYY-MM-DD or M/D/YYYY as a Beijing midnight, in ms. */
export function parseDay(text) {
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(text);
  if (m) return Date.UTC(+m[1], +m[2] - 1, +m[3]) - 8 * 3600_000;
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(text);
  if (m) return Date.UTC(+m[3], +m[1] - 1, +m[2]) - 8 * 3600_000;
  return null;
}

/** occurred_at and reported_at of a victim who met the scam around `startMs`. */
export function victimTimes(r, startMs, spreadDays) {
  const occurred = startMs + Math.floor(r.next() * spreadDays * DAY) + r.int(8, 23) * 3600_000 + r.int(0, 59) * 60_000;
  const reported =
    occurred +
    r.weighted([
      [0, 4],
      [1, 3],
      [2, 2],
      [5, 1],
      [14, 1],
    ]) *
      DAY +
    r.int(1, 10) * 3600_000;
  return { occurred_at: beijing(occurred), reported_at: beijing(reported), occurredMs: occurred };
}

/** A loss as the format wants it: a decimal string with two decimals. */
export function loss(r, lo, hi, currency = 'CNY') {
  const amount = Math.round(lo + (hi - lo) * Math.pow(r.next(), 2.2));
  const cents = r.chance(0.2) ? r.int(1, 99) : 0;
  return { amount: `${amount}.${pad(cents)}`, currency };
}

// ---- messy writing of identifiers ----------------------------------------------------------

const FULL_WIDTH = (text) => text.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** A Chinese mobile as people type it. */
export function messyPhone(r, digits11) {
  const a = digits11.slice(0, 3);
  const b = digits11.slice(3, 7);
  const c = digits11.slice(7);
  return r.weighted([
    [digits11, 5],
    [`${a} ${b} ${c}`, 2],
    [`${a}-${b}-${c}`, 1],
    [`+86 ${a}-${b}-${c}`, 1],
    [`+86${digits11}`, 1],
    [`0086 ${digits11}`, 1],
    [FULL_WIDTH(digits11), 1],
  ]);
}

/** A bank card number as people type it. */
export function messyCard(r, digits) {
  const groups = digits.match(/.{1,4}/g).join(' ');
  return r.weighted([
    [digits, 4],
    [groups, 3],
    [digits.replace(/(\d{6})(\d+)(\d{4})/, '$1 $2 $3'), 1],
    [FULL_WIDTH(digits), 1],
  ]);
}

/** A URL of `host` with `pathAndQuery` ('' or starting with /, ? or #) as a victim copies it. */
export function messyUrl(r, host, pathAndQuery = '') {
  const scheme = r.weighted([
    ['https://', 5],
    ['http://', 3],
    ['', 3],
  ]);
  const www = !host.startsWith('www.') && r.chance(0.15) ? 'www.' : '';
  let h = `${www}${host}`;
  if (r.chance(0.08)) h = h.toUpperCase();
  let tail = pathAndQuery;
  if (tail === '' && r.chance(0.3)) tail = '/';
  if (r.chance(0.1)) tail += (tail.includes('?') ? '&' : '?') + `utm_source=${r.pick(['twitter', 'tg', 'wechat', 'sms', 'email'])}`;
  return `${scheme}${h}${tail}`;
}

/** Labelled WeChat id, as a fraudster writes it in a message or a victim in a narrative. */
export function wechatLabel(r, id) {
  return r.weighted([
    [`微信：${id}`, 3],
    [`微信 ${id}`, 2],
    [`vx:${id}`, 1],
    [`VX：${id}`, 1],
    [`加V：${id}`, 1],
    [`微信号${id}`, 1],
    [`wx：${id}`, 1],
  ]);
}

export function qqLabel(r, qq) {
  return r.weighted([
    [`QQ：${qq}`, 3],
    [`QQ ${qq}`, 2],
    [`qq号${qq}`, 1],
    [`扣扣：${qq}`, 1],
    [`Q群${qq}`, 1],
  ]);
}

// ---- reference sites cited in narratives ---------------------------------------------------
// Citizens paste what they looked at: a scan of the link, a forum thread, a block explorer page,
// an app-store page, a government portal. None of these are the fraudster's; some are shared by
// many unrelated reports (one popular thread, a portal's front page).

/** VirusTotal's report page of a URL, in its current and older (hash-route) forms. */
export function virustotalUrl(r, scannedUrl) {
  const id = sha256(scannedUrl);
  return r.weighted([
    [`https://www.virustotal.com/gui/url/${id}/detection`, 4],
    [`https://www.virustotal.com/gui/url/${id}`, 1],
    [`https://www.virustotal.com/#/url/${id}/detection`, 2],
  ]);
}

export function virustotalFile(r, fileHash) {
  return r.weighted([
    [`https://www.virustotal.com/gui/file/${fileHash}/detection`, 3],
    [`https://www.virustotal.com/#/file/${fileHash}/detection`, 1],
  ]);
}

/** A small pool of threads many victims read (ids drawn once per corpus from the stream). */
export function forumPool(r, n = 12) {
  const out = [];
  for (let i = 0; i < n; i++) {
    out.push(
      r.pick([
        () => `https://www.reddit.com/r/CryptoScams/comments/${r.letters(6, 'abcdefghijklmnopqrstuvwxyz0123456789')}/`,
        () => `https://bitcointalk.org/index.php?topic=${r.int(5000000, 5500000)}.0`,
        () => `https://www.zhihu.com/question/${r.int(300000000, 650000000)}`,
        () => `https://tieba.baidu.com/p/${r.int(7000000000, 8999999999)}`,
        () => `https://bbs.kafan.cn/thread-${r.int(2100000, 2300000)}-1-1.html`,
        () => `https://www.v2ex.com/t/${r.int(800000, 1100000)}`,
        () => `https://forum.polkadot.network/t/${r.int(1000, 9000)}`,
        () => `https://www.52pojie.cn/thread-${r.int(1500000, 1900000)}-1-1.html`,
      ])(),
    );
  }
  return out;
}

export const GOV_PORTALS = [
  'https://www.12377.cn/',
  'https://cyberpolice.mps.gov.cn/wfjb/',
  'https://www.gjfzpt.cn/',
  'https://www.cac.gov.cn/',
  'http://www.beian.gov.cn/portal/index',
  'https://www.12321.cn/',
  'https://ts.isc.org.cn/',
];

export const APP_STORE_PAGES = [
  'https://apps.apple.com/cn/app/id1552823102',
  'https://sj.qq.com/appdetail/com.hicorenational.antifraud',
  'https://app.mi.com/details?id=com.hicorenational.antifraud',
  'https://appgallery.huawei.com/app/C100938745',
];

// ---- writing a corpus ----------------------------------------------------------------------

/**
 * Writes reports.ndjson, truth.json ({report id: cluster}) and manifest.json into `dir`.
 * `reports` are report-format v1 objects; `truth` maps every report id to its cluster name.
 */
export function writeCorpus(dir, { reports, truth, manifest }) {
  fs.mkdirSync(dir, { recursive: true });
  const ids = new Set();
  for (const rep of reports) {
    if (ids.has(rep.id) && rep.version === 1) throw new Error(`duplicate report id ${rep.id}`);
    ids.add(rep.id);
    if (!(rep.id in truth)) throw new Error(`report ${rep.id} has no truth cluster`);
  }
  const tmp = (name) => path.join(dir, `${name}.tmp`);
  fs.writeFileSync(tmp('reports.ndjson'), reports.map((x) => JSON.stringify(x)).join('\n') + '\n');
  fs.writeFileSync(tmp('truth.json'), JSON.stringify(truth));
  fs.writeFileSync(tmp('manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  for (const name of ['reports.ndjson', 'truth.json', 'manifest.json']) fs.renameSync(tmp(name), path.join(dir, name));
}

/** Disjoint sets over string keys (for truths). */
export class Components {
  #parent = new Map();
  find(x) {
    if (!this.#parent.has(x)) this.#parent.set(x, x);
    let root = x;
    while (this.#parent.get(root) !== root) root = this.#parent.get(root);
    while (this.#parent.get(x) !== root) {
      const next = this.#parent.get(x);
      this.#parent.set(x, root);
      x = next;
    }
    return root;
  }
  union(a, b) {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    // the smaller key wins, so a component's name does not depend on the order of unions
    if (ra < rb) this.#parent.set(rb, ra);
    else this.#parent.set(ra, rb);
  }
}

/** Count of reports, truth clusters and same-cluster pairs, for manifests and the doc. */
export function truthStats(truth) {
  const sizes = new Map();
  for (const c of Object.values(truth)) sizes.set(c, (sizes.get(c) ?? 0) + 1);
  let pairs = 0;
  let singletons = 0;
  let largest = 0;
  for (const n of sizes.values()) {
    pairs += (n * (n - 1)) / 2;
    if (n === 1) singletons++;
    if (n > largest) largest = n;
  }
  return { reports: Object.keys(truth).length, clusters: sizes.size, singletons, largest, pairs };
}
