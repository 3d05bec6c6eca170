// ChangMianRen/Telecom_Fraud_Texts_5 → citizens' reports.
//
// Source: label01…label04-last.csv, 1,000 Chinese fraud texts each (column `content`):
// impersonated police and officials, loans and credit cards, impersonated customer service,
// impersonated leaders and acquaintances (label04 is GB18030, the others UTF-8). The texts are
// scripts of what the fraudster said or wrote; their contact details are almost always masked
// (微信号：xxxxxxx, QQ号XXXXXXX, www.xxx.com, 1234567890), and scripts of one kind are alike.
// Truth: each text is one victim's report. Texts that share a fraudster identifier found by this
// converter's own extraction (mobile, QQ, WeChat id, URL host or short link, bank card) that is
// not a mask or an example value (only x/X/*, xxx inside, an ascending digit run, example.com…)
// nor a platform's own domain are one cluster; every other text is a cluster of its own. So
// near-identical scripts without an identifier must not be linked.
// Reports: the text is the report's message (a call transcript for police and customer-service
// scripts, a chat for acquaintances, SMS or chat for loans), with a short narrative in the
// victim's words that sometimes cites what they checked (a hotline, an app store, a portal, a
// forum thread many victims read).
import { parse } from 'csv-parse/sync';
import { APP_STORE_PAGES, Components, GOV_PORTALS, forumPool, loss, precinct, rng, truthStats, victim, victimTimes } from './lib.mjs';

export const NAME = 'telecom-texts';
export const REPO = 'ChangMianRen/Telecom_Fraud_Texts_5';
export const VERSION = 1;

const FILES = [
  ['label01-last.csv', 'impersonating_officials', ['call'], '对方自称公检法工作人员，说我涉嫌案件，要求配合调查'],
  ['label02-last.csv', 'loan', ['sms', 'im', 'call'], '对方说可以办理低息贷款，放款前要求先交费用'],
  ['label03-last.csv', 'fake_customer_service', ['call', 'call', 'im'], '对方自称平台客服，说要给我退款理赔'],
  ['label04-last.csv', 'impersonating_acquaintance', ['im'], '对方冒充我的领导/熟人，让我帮忙转账'],
];

const PLATFORM_DOMAINS = new Set([
  'jd.com',
  'taobao.com',
  'tmall.com',
  'alipay.com',
  'qq.com',
  'weixin.qq.com',
  'wechat.com',
  'baidu.com',
  '12306.cn',
  'gov.cn',
  'icbc.com.cn',
  'ccb.com',
  'pbccrc.org.cn',
]);

function ascendingRun(digits) {
  if (digits.length < 6) return false;
  for (let i = 1; i < digits.length; i++) if ((+digits[i - 1] + 1) % 10 !== +digits[i]) return false;
  return true;
}

/** A masked or example value, not a real identifier. */
export function isMask(value) {
  const v = value.toLowerCase();
  if (/^[x*＊#]+$/.test(v) || v.includes('xxx') || v.includes('*') || v.includes('place')) return true;
  if (/example|sample|test/.test(v)) return true;
  const digits = v.replace(/\D/g, '');
  if (digits.length >= 6 && (ascendingRun(digits) || /^(\d)\1+$/.test(digits))) return true;
  return false;
}

/** Fraudster identifiers in a text, by this converter's own rules: ['kind:value', …]. */
export function identifiersIn(text) {
  const out = new Set();
  const add = (kind, value) => {
    if (value && !isMask(value)) out.add(`${kind}:${value.toLowerCase()}`);
  };
  for (const m of text.matchAll(/(?<!\d)1[3-9]\d{9}(?!\d)/g)) add('phone', m[0]);
  for (const m of text.matchAll(/(?<!\d)\d{16,19}(?!\d)/g)) add('card', m[0]);
  for (const m of text.matchAll(/(?:QQ|qq|扣扣)(?:群)?(?:号码?)?\s*[:：]?\s*([0-9Xx*]{5,11})/g)) add('qq', m[1]);
  for (const m of text.matchAll(/(?:微信|vx|VX|wx|V信)(?:号)?\s*[:：]?\s*([A-Za-z][-_A-Za-z0-9]{5,19})/g)) add('wechat', m[1]);
  for (const m of text.matchAll(/(?:https?:\/\/)?((?:[a-z0-9-]+\.)+(?:com|cn|net|top|xyz|vip|cc|org|info))(\/[A-Za-z0-9_./?=&%-]*)?/gi)) {
    const host = m[1].toLowerCase().replace(/^www\./, '');
    if (PLATFORM_DOMAINS.has(host) || host.endsWith('.gov.cn')) continue;
    const shortLink = /^(t\.cn|url\.cn|dwz\.cn|jtee\.cn|suo\.im)$/.test(host);
    add('url', shortLink ? `${host}${(m[2] ?? '').replace(/[/.]+$/, '')}` : host);
  }
  return [...out];
}

const HOTLINES = ['95516', '12315', '95311', '4008208820'];

export function build(source, { seed = 1 } = {}) {
  const r = rng(`${NAME}:${seed}`);
  const texts = [];
  for (const [file, category, channels, gist] of FILES) {
    const raw = source.read(file);
    let decoded = new TextDecoder('utf-8', { fatal: false }).decode(raw);
    if (decoded.includes('\uFFFD')) decoded = new TextDecoder('gb18030').decode(raw);
    const recs = parse(decoded, { columns: true, relax_quotes: true, relax_column_count: true, skip_empty_lines: true, bom: true });
    recs.forEach((rec, i) => {
      const text = String(rec.content ?? '').trim();
      if (text) texts.push({ key: `${file}#${i + 1}`, text, category, channels, gist });
    });
  }

  const comp = new Components();
  for (const t of texts) {
    comp.find(`T:${t.key}`);
    for (const v of identifiersIn(t.text)) comp.union(`T:${t.key}`, `V:${v}`);
  }

  const forums = forumPool(r.fork('forums'), 8);
  const start = Date.UTC(2023, 0, 1);
  const reports = [];
  const truth = {};
  let n = 0;
  for (const t of texts) {
    const id = `TFT-${String(++n).padStart(5, '0')}`;
    const vr = r.fork(`text:${t.key}`);
    const [code, district] = precinct(vr);
    const times = victimTimes(vr, start, 540);
    const channel = vr.pick(t.channels);
    const parts = [`${t.gist}，我按对方说的操作后才发现被骗。`];
    if (vr.chance(0.06)) parts.push(`事后拨打${vr.pick(HOTLINES)}核实，对方说没有这回事。`);
    if (vr.chance(0.08)) parts.push(`已下载国家反诈中心APP：${vr.pick(APP_STORE_PAGES)}`);
    if (vr.chance(0.05)) parts.push(`也在${vr.pick(GOV_PORTALS)}提交了举报。`);
    if (vr.chance(0.05)) parts.push(`网上看到类似经历：${vr.pick(forums)}`);
    reports.push({
      id,
      version: 1,
      precinct: code,
      reported_at: times.reported_at,
      occurred_at: times.occurred_at,
      category: t.category,
      loss: loss(vr, 200, t.category === 'impersonating_officials' ? 400000 : 80000),
      victim: victim(vr, district),
      location: { district },
      narrative: parts.join(''),
      messages: [{ channel, text: t.text }],
    });
    truth[id] = comp.find(`T:${t.key}`);
  }
  return {
    reports,
    truth,
    stats: { ...truthStats(truth), texts: texts.length, start: new Date(start).toISOString().slice(0, 10), days: 540 + 14 },
    truthRule:
      'texts sharing a fraudster identifier by the converter’s own extraction (masks, example values and platform domains excluded) are one cluster; every other text is its own cluster',
  };
}
