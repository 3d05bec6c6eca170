// Values people own: phone numbers, bank cards, QQ and WeChat ids, payment accounts, domains,
// short links, wallet addresses. Each kind counts up and runs the count through a seeded
// permutation, so values look random yet never collide by chance: when two reports of the corpus
// share a value, they share it on purpose (one gang, a rented mule card, a hub).
// Uniqueness holds for the first 10^7–10^8 values of a kind, far beyond any demo.

import { BANKS, cardNumber, type Bank } from './bank-cards';
import type { Rng } from './prng';

const BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** i ↦ (a·i + b) mod m, a bijection on [0, m) when a is coprime to m; a·i stays below 2^53. */
class Permutation {
  private readonly a: number;
  private readonly b: number;
  private next = 0;

  constructor(
    rng: Rng,
    private readonly m: number,
    coprime: (a: number) => boolean,
    maxA: number,
  ) {
    let a = rng.int(Math.floor(maxA / 10), maxA);
    while (!coprime(a)) a++;
    this.a = a;
    this.b = rng.int(0, m - 1);
  }

  take(): number {
    const i = this.next++ % this.m;
    return (this.a * i + this.b) % this.m;
  }
}

const coprimeTo10 = (a: number): boolean => a % 2 === 1 && a % 5 !== 0;
const coprimeTo36 = (a: number): boolean => a % 2 === 1 && a % 3 !== 0;
const coprimeTo62 = (a: number): boolean => a % 2 === 1 && a % 31 !== 0;

/** n < 10^8 as exactly eight digits. */
function eight(n: number): string {
  return n >= 1e7 ? String(n) : String(n + 1e8).slice(1);
}

function inBase(n: number, alphabet: string, width: number): string {
  let s = '';
  for (let i = 0; i < width; i++) {
    s = alphabet[n % alphabet.length] + s;
    n = Math.floor(n / alphabet.length);
  }
  return s;
}

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
  '156',
  '157',
  '158',
  '159',
  '166',
  '173',
  '175',
  '176',
  '177',
  '178',
  '180',
  '181',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
  '191',
  '193',
  '195',
  '198',
  '199',
];
// Virtual operators' ranges, over-represented among fraudsters' numbers.
const VIRTUAL_PREFIXES = ['162', '165', '167', '170', '171'];
const AREA_CODES = ['010', '021', '020', '023', '025', '027', '028', '029'];
const ID_WORDS = [
  'kefu',
  'kf',
  'xiaomei',
  'tiantian',
  'jinrong',
  'lucky',
  'vip',
  'laoshi',
  'zhuli',
  'sunny',
  'hr',
  'renwu',
  'caiwu',
  'jiedai',
  'anan',
  'momo',
];
const MAIL_HOSTS = ['qq.com', '163.com', '126.com', 'sina.com', 'hotmail.com', 'foxmail.com'];
const SHORT_HOSTS = ['t.cn', 'url.cn', 'dwz.cn', 'suo.im'];
const TLDS = ['cn', 'com', 'top', 'vip', 'xyz', 'cc', 'com.cn', 'net', 'shop', 'icu', 'club'];
const SITE_PATHS = ['/lq', '/jf', '/index.html', '/m/', '/#/login', '/app/download', '/h5/', '/kf', '/tk', '/reg', '/user/login', '/dh'];

/** What a fraud domain imitates; decides the words it is built from. */
export type DomainTheme = 'bank' | 'shop' | 'gov' | 'invest' | 'loan' | 'job' | 'game' | 'credit';
const THEME_WORDS: Record<DomainTheme, readonly string[]> = {
  bank: ['icbc', 'ccb', 'abchina', 'boc', 'cmb', 'bocom', 'psbc', 'yinhang'],
  shop: ['jd', 'tb', 'taobao', 'pdd', 'tmall', 'sf', 'ems', 'yto', 'zto'],
  gov: ['gov', 'gaj', 'jcy', 'spp', 'court', 'police', 'ga'],
  invest: ['huifeng', 'dingsheng', 'jinhui', 'xinsheng', 'hengda', 'fortune', 'capital', 'global', 'wealth', 'fx', 'usdt'],
  loan: ['dai', 'jiekuan', 'xinyong', 'kuaidai', 'jiebei', 'loan', 'cash'],
  job: ['task', 'renwu', 'jianzhi', 'dianzan', 'shuadan', 'job'],
  game: ['game', 'jiaoyi', 'wanjia', 'zhanghao', 'dd373', 'pxb'],
  credit: ['zx', 'zhengxin', 'pbc', 'credit', 'xyk'],
};
const THEME_SUFFIXES = ['jf', 'jfdh', 'lq', 'kf', 'tk', 'vip', 'app', 'online', 'service', 'hk', 'pro', 'hub', 'cn', 'net', 'h5'];

export interface Card {
  readonly digits: string;
  readonly bank: Bank;
}

export interface Site {
  readonly domain: string;
  readonly paths: readonly string[];
}

export class ValueFactory {
  private readonly mobiles: Permutation;
  private readonly landlines: Permutation;
  private readonly senders: Permutation;
  private readonly qqs: Permutation;
  private readonly cards: Permutation;
  private readonly ids36: Permutation;
  private readonly shorts: Permutation;

  constructor(private readonly rng: Rng) {
    this.mobiles = new Permutation(rng, 1e8, coprimeTo10, 8.9e7);
    this.landlines = new Permutation(rng, 1e7, coprimeTo10, 8.9e8);
    this.senders = new Permutation(rng, 1e8, coprimeTo10, 8.9e7);
    this.qqs = new Permutation(rng, 1e8, coprimeTo10, 8.9e7);
    this.cards = new Permutation(rng, 1e8, coprimeTo10, 8.9e7);
    this.ids36 = new Permutation(rng, 36 ** 5, coprimeTo36, 1.4e8);
    this.shorts = new Permutation(rng, 62 ** 6, coprimeTo62, 8.9e8);
  }

  /** An 11-digit mobile; fraudsters lean to virtual-operator ranges. */
  mobile(fraudster: boolean): string {
    const prefix = fraudster && this.rng.chance(0.35) ? this.rng.pick(VIRTUAL_PREFIXES) : this.rng.pick(MOBILE_PREFIXES);
    return prefix + eight(this.mobiles.take());
  }

  /** A landline as digits with its area code, e.g. 01084561234 (spoofed "police station" numbers). */
  landline(): string {
    return this.rng.pick(AREA_CODES) + String(this.rng.int(2, 9)) + String(this.landlines.take()).padStart(7, '0');
  }

  /** A 106 SMS gateway sender code (bulk-SMS channels rented by gangs). */
  smsSender(): string {
    return `106${this.rng.pick(['9', '5', '8', '2'])}${eight(this.senders.take())}`;
  }

  qq(): string {
    const lead = this.rng.chance(0.3) ? String(this.rng.int(10, 39)) : String(this.rng.int(1, 9));
    return lead + eight(this.qqs.take());
  }

  wechat(): string {
    if (this.rng.chance(0.4)) return `wxid_${this.rng.chars(BASE36, 14)}`;
    const sep = this.rng.pick(['', '_', '-']);
    return `${this.rng.pick(ID_WORDS)}${sep}${inBase(this.ids36.take(), BASE36, 5)}`;
  }

  email(): string {
    if (this.rng.chance(0.3)) return `${this.qq()}@qq.com`;
    return `${this.rng.pick(ID_WORDS)}${inBase(this.ids36.take(), BASE36, 5)}@${this.rng.pick(MAIL_HOSTS)}`;
  }

  /** An Alipay login: a mobile number or an e-mail address. */
  alipay(): string {
    return this.rng.chance(0.5) ? this.mobile(true) : this.email();
  }

  card(bank: Bank = this.rng.pick(BANKS)): Card {
    const bin = this.rng.pick(bank.bins);
    return { digits: cardNumber(bin, eight(this.cards.take()), this.rng.u32()), bank };
  }

  /** A registrable domain imitating a brand or a trade, with its own paths. */
  site(theme: DomainTheme): Site {
    const word = this.rng.pick(THEME_WORDS[theme]);
    const suffix = this.rng.pick(THEME_SUFFIXES);
    const tag = inBase(this.ids36.take(), BASE36, 5);
    const r = this.rng.float();
    const label = r < 0.4 ? `${word}-${suffix}${tag}` : r < 0.7 ? `${word}${suffix}${tag}` : `${suffix}-${word}${tag}`;
    const paths = [this.rng.pick(SITE_PATHS)];
    if (this.rng.chance(0.5)) paths.push(this.rng.pick(SITE_PATHS));
    return { domain: `${label}.${this.rng.pick(TLDS)}`, paths };
  }

  /** A short link on a public shortener; the host is shared by everyone, the path is not. */
  shortLink(): string {
    return `${this.rng.pick(SHORT_HOSTS)}/${inBase(this.shorts.take(), BASE62, 6)}`;
  }

  /** A TRON (TRC-20 USDT) wallet address. */
  tronAddress(): string {
    return `T${this.rng.chars(BASE58, 33)}`;
  }
}
