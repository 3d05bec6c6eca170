// A labelled corpus for measuring linking quality: gangs with pools of identifiers and an SMS
// template, written the messy ways citizens type them; phones rotated; text-only reports whose
// links are only inside the SMS; hub values (bank hotlines, platform URLs, shared SMS gateways);
// templates sold to several gangs; mule accounts rented to two gangs; lone frauds. Seeded: the
// same seed gives the same corpus. Truth is the gang (a lone fraud is its own gang).
import type { Category, ReportMessage, ReportRecord, ReportedIdentifier } from '../../../common/model';

export interface LabelledReport {
  readonly record: ReportRecord;
  readonly gang: string;
}

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CATS: readonly Category[] = [
  'part_time_job',
  'fake_customer_service',
  'impersonating_officials',
  'loan',
  'investment_romance',
  'impersonating_acquaintance',
  'online_shopping',
  'game_trading',
  'fake_prize',
  'credit_record',
];
const BRANDS = ['工商银行', '建设银行', '中国移动', '京东', '淘宝', '顺丰速运', '国家反诈中心', '平安普惠', '支付宝', '抖音'];
const TEMPLATES: Record<string, readonly string[]> = {
  part_time_job: [
    '【{b}】招聘兼职刷单，日结200-500元，佣金秒返，详询微信{w}，点击{u}报名',
    '在家动动手指月入过万，刷单返利当天到账，联系{p}，登记地址{u}',
  ],
  fake_customer_service: [
    '【{b}】您好，您购买的商品存在质量问题，我司将为您办理退款理赔，请联系客服{p}或访问{u}',
    '【{b}】您的快递丢失，现双倍赔偿，请添加理赔专员微信{w}办理，链接{u}',
  ],
  impersonating_officials: [
    '您涉嫌一起洗钱案件，请立即联系{p}配合调查，否则将冻结您名下所有账户，查看通缉令{u}',
    '【{b}】您的身份证被他人冒用办理银行卡，涉嫌违法，请致电{p}核实',
  ],
  loan: [
    '【{b}】您已获得最高20万元额度，无抵押低息秒批，立即申请{u}，客服{p}',
    '急用钱找我们，凭身份证即可贷款，当天放款，加微信{w}，APP下载{u}',
  ],
  investment_romance: [
    '亲爱的，这个平台是我舅舅内部的，稳赚不赔，你先注册试试{u}，充值找客服{w}',
    '老师带单，日收益百分之三十，进群领取牛股，下载{u}，联系{p}',
  ],
  impersonating_acquaintance: [
    '我是你领导，明天到我办公室来一趟，先加我新微信{w}',
    '爸，我手机丢了，这是我新号码{p}，急需用钱，先转到这个卡上',
  ],
  online_shopping: ['【{b}】限时特价iPhone仅需1999元，名额有限，点击抢购{u}', '低价转让演唱会门票，需要的加微信{w}，支付链接{u}'],
  game_trading: ['出售王者荣耀满级账号，价格美丽，交易平台{u}，联系QQ{q}', '游戏装备低价回收，高价收购，担保交易{u}，客服{p}'],
  fake_prize: [
    '【{b}】尊敬的客户，您的积分可兑换礼品，请登录{u}领取，回T退订',
    '【{b}】恭喜您被抽中二等奖，奖金58000元，请登录{u}领取，咨询{p}',
  ],
  credit_record: [
    '【{b}】您的征信存在逾期记录，将影响您的贷款买房，请联系{p}修复，详情{u}',
    '征信修复专家，快速消除不良记录，咨询微信{w}，官网{u}',
  ],
};
const SHORT_HOSTS = ['t.cn', 'dwz.cn', 'url.cn', 'suo.im'];
const TLDS = ['cn', 'top', 'vip', 'xyz', 'com', 'cc', 'net'];
const GATEWAYS = ['10690571', '10659057', '10692000', '10657120', '10690122', '10691888'];
const HOTLINES = ['95588', '95533', '95599', '95566', '95555'];

export function generateLabelled(reports: number, seed: number): LabelledReport[] {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const digits = (n: number): string => Array.from({ length: n }, () => String(Math.floor(rnd() * 10))).join('');
  const letters = (n: number): string => Array.from({ length: n }, () => 'abcdefghijklmnopqrstuvwxyz'[Math.floor(rnd() * 26)]).join('');
  const card = (): string => {
    const body = `62${digits(16)}`;
    let sum = 0;
    for (let i = 0; i < body.length; i++) {
      let d = Number(body[body.length - 1 - i]);
      if (i % 2 === 0) {
        d *= 2;
        if (d > 9) d -= 9;
      }
      sum += d;
    }
    return `${body}${(10 - (sum % 10)) % 10}`;
  };
  const mobile = (): string => `1${pick(['3', '5', '7', '8'])}${digits(9)}`;
  const messyPhone = (p: string): string =>
    pick([
      p,
      `+86 ${p.slice(0, 3)}-${p.slice(3, 7)}-${p.slice(7)}`,
      `${p.slice(0, 3)} ${p.slice(3, 7)} ${p.slice(7)}`,
      `0086${p}`,
      `+86${p}`,
    ]);
  const messyCard = (c: string): string => pick([c, c.replace(/(\d{4})(?=\d)/g, '$1 '), c.replace(/(\d{4})(?=\d)/g, '$1-')]);
  const messyUrl = (u: string): string =>
    pick([
      u,
      `http://${u}`,
      `https://${u}`,
      `HTTP://WWW.${u.toUpperCase().split('/')[0]}/${u.split('/').slice(1).join('/')}`,
      `${u}?utm_source=sms`,
    ]);

  interface Gang {
    id: string;
    cat: Category;
    brand: string;
    template: string;
    cards: string[];
    phones: string[];
    wechats: string[];
    qqs: string[];
    domain: string;
    paths: string[];
    shorts: string[];
    gateway: string;
    start: number;
    span: number;
  }
  // Templates are per category and shared: gangs of one category buy from the same few.
  // Pools grow with the gang's activity: a mule card or a phone serves many victims before it is frozen.
  const newGang = (k: number, size = 1): Gang => {
    const pool = (per: number, extra: number): number => 1 + Math.floor(size / per) + Math.floor(rnd() * extra);
    const cat = pick(CATS);
    const domain = `${letters(4 + Math.floor(rnd() * 5))}-${letters(2)}.${pick(TLDS)}`;
    return {
      id: `G${k}`,
      cat,
      brand: pick(BRANDS),
      template: pick(TEMPLATES[cat] as readonly string[]),
      cards: Array.from({ length: pool(15, 2) }, card),
      phones: Array.from({ length: pool(6, 3) }, mobile),
      wechats: Array.from({ length: pool(20, 2) }, () => `${letters(1)}${letters(3)}${digits(4)}`),
      qqs: Array.from({ length: 1 + Math.floor(rnd() * 2) }, () => String(100000 + Math.floor(rnd() * 2e9))),
      domain,
      paths: Array.from({ length: pool(10, 3) }, () => letters(2 + Math.floor(rnd() * 3))),
      shorts: Array.from({ length: pool(12, 2) }, () => `${pick(SHORT_HOSTS)}/${letters(2)}${digits(2)}${letters(2)}`),
      gateway: pick(GATEWAYS),
      start: Date.UTC(2023, 0, 1) + Math.floor(rnd() * 600) * 86_400_000,
      span: (30 + Math.floor(rnd() * 150)) * 86_400_000,
    };
  };
  const gangs: Gang[] = [];
  const sizes: number[] = [];
  const loneShare = 0.25;
  let planned = 0;
  const gangReports = Math.round(reports * (1 - loneShare));
  while (planned < gangReports) {
    // Heavy-tailed gang sizes: many small, a few large.
    const size = Math.min(gangReports - planned, Math.max(2, Math.round(2 / Math.pow(rnd() + 0.02, 1.1))));
    gangs.push(newGang(gangs.length, size));
    sizes.push(size);
    planned += size;
  }
  // Mule accounts rented to two gangs: a card shared by a pair of gangs.
  for (let k = 0; k + 1 < gangs.length; k += 40) (gangs[k + 1] as Gang).cards.push((gangs[k] as Gang).cards[0] as string);

  const out: LabelledReport[] = [];
  let seq = 0;
  const at = (ms: number): string =>
    new Date(ms)
      .toISOString()
      .replace('Z', '+00:00')
      .replace(/\.\d{3}/, '');
  const base = (
    gang: string,
    cat: Category,
    ms: number,
    ids: ReportedIdentifier[],
    messages: ReportMessage[],
    narrative: string,
  ): LabelledReport => {
    seq += 1;
    return {
      gang,
      record: {
        id: `EV-${String(seq).padStart(7, '0')}`,
        version: 1,
        precinct: `P-${Math.floor(rnd() * 30)}`,
        reported_at: at(ms),
        category: cat,
        loss: { amount: `${100 + Math.floor(rnd() * 20000)}.00`, currency: 'CNY' },
        narrative,
        messages,
        identifiers: ids,
      },
    };
  };
  const hubNoise = (ids: ReportedIdentifier[]): string => {
    // Victims call their bank's hotline, and paste platform links.
    let narrative = '被骗后我联系了银行。';
    if (rnd() < 0.15) {
      const h = pick(HOTLINES);
      if (rnd() < 0.5) ids.push({ kind: 'phone', value: h, role: 'contact' });
      else narrative += `拨打了${h}挂失。`;
    }
    if (rnd() < 0.06) ids.push({ kind: 'url', value: `https://item.taobao.com/item.htm?id=${digits(8)}`, role: 'link' });
    return narrative;
  };
  gangs.forEach((g, k) => {
    for (let r = 0; r < (sizes[k] as number); r++) {
      const ms = g.start + Math.floor(rnd() * g.span);
      const phone = pick(g.phones);
      const useShort = rnd() < 0.4;
      const link = useShort ? pick(g.shorts) : `${g.domain}/${pick(g.paths)}`;
      const text = g.template
        .replace('{b}', g.brand)
        .replace('{u}', link)
        .replace('{p}', phone)
        .replace('{w}', pick(g.wechats))
        .replace('{q}', pick(g.qqs));
      const textOnly = rnd() < 0.2;
      const ids: ReportedIdentifier[] = [];
      const messages: ReportMessage[] = [];
      if (rnd() < 0.75 || textOnly)
        messages.push({ channel: rnd() < 0.8 ? 'sms' : 'im', sender: rnd() < 0.5 ? `${g.gateway}${digits(4)}` : messyPhone(phone), text });
      if (!textOnly) {
        if (rnd() < 0.6) ids.push({ kind: 'bank_card', value: messyCard(pick(g.cards)), role: 'payee' });
        if (rnd() < 0.5) ids.push({ kind: 'phone', value: messyPhone(rnd() < 0.7 ? phone : pick(g.phones)), role: 'caller' });
        if (rnd() < 0.25) ids.push({ kind: 'wechat', value: pick(g.wechats), role: 'contact' });
        if (rnd() < 0.1) ids.push({ kind: 'qq', value: pick(g.qqs), role: 'contact' });
        if (rnd() < 0.3) ids.push({ kind: 'url', value: messyUrl(link), role: 'link' });
      }
      // Rotated phones: a fresh number used once.
      if (rnd() < 0.15) ids.push({ kind: 'phone', value: messyPhone(mobile()), role: 'caller' });
      const narrative = hubNoise(ids);
      out.push(base(g.id, g.cat, ms, ids, messages, narrative));
    }
  });
  // Lone frauds: their own values, but the same bought templates, brands and gateways.
  for (let r = out.length; r < reports; r++) {
    const g = newGang(-1);
    const ms = g.start + Math.floor(rnd() * g.span);
    const ids: ReportedIdentifier[] = [];
    const messages: ReportMessage[] = [];
    const text = g.template
      .replace('{b}', g.brand)
      .replace('{u}', `${g.domain}/${pick(g.paths)}`)
      .replace('{p}', g.phones[0] as string)
      .replace('{w}', g.wechats[0] as string)
      .replace('{q}', g.qqs[0] as string);
    if (rnd() < 0.7) messages.push({ channel: 'sms', sender: rnd() < 0.6 ? `${g.gateway}${digits(4)}` : (g.phones[0] as string), text });
    if (rnd() < 0.6) ids.push({ kind: 'bank_card', value: messyCard(g.cards[0] as string), role: 'payee' });
    if (rnd() < 0.5) ids.push({ kind: 'phone', value: messyPhone(g.phones[0] as string), role: 'caller' });
    const narrative = hubNoise(ids);
    out.push(base(`L${r}`, g.cat, ms, ids, messages, narrative));
  }
  // Shuffle so that gangs are not contiguous in id order.
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j] as LabelledReport, out[i] as LabelledReport];
  }
  return out;
}
