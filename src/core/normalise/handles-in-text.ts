// QQ numbers, WeChat ids, Alipay accounts and crypto addresses in free text. Contact handles
// are only taken behind a label ("QQ：", "加V", "微信号"): a bare run of letters or digits
// is far more often something else.
import { type QqIdentifier, classifyWechat, normaliseAlipay } from './chat-id';
import { BTC_BECH32_SOURCE, ETH_SOURCE, TRON_SOURCE, classifyCryptoAddress } from './crypto';
import { type Span, type TextMatch, withRaw } from './extracted';
import { isExampleDigits } from './placeholder';

// A bare "群号" (group number) is a QQ group: other chat apps do not number their groups.
const QQ_IN_TEXT = /(?:(?<![A-Za-z])(?:QQ|扣扣|企鹅|Q)(群)?(?:号码?)?|(群)号码?)\s*(?:[:：]\s*)?(?:是|为)?\s*([1-9]\d{4,10})(?!\d)/gi;

// Group 1: a CJK label (may touch the id); group 2: a Latin label, which needs a separator;
// group 3: the id after either; group 4: a system id (wxid_…), which needs no label.
const WECHAT_IN_TEXT = new RegExp(
  String.raw`(?:((?:微信|威信|薇信|徽信|维信|[Vv]信)(?:号码?|id|ID|同号)?\s*(?:[:：]\s*)?(?:是|为)?\s*)` +
    String.raw`|((?<![A-Za-z])(?:wechat|weixin|vx|wx|v)(?:\s*id)?(?:\s*[:：]\s*|\s+)))` +
    String.raw`([A-Za-z][A-Za-z0-9_-]{5,19}|1[3-9]\d{9})(?![A-Za-z0-9_-])` +
    String.raw`|(?<![A-Za-z0-9_])(wxid_[A-Za-z0-9_-]{4,30})(?![A-Za-z0-9_-])`,
  'gi',
);

const ALIPAY_IN_TEXT =
  /支付宝(?:账号|帐号|账户|帐户)?\s*(?:[:：]\s*)?(?:是|为)?\s*([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,24}|\+?\d(?:[\d -]{9,16})\d)(?![\dA-Za-z])/g;

const CRYPTO_IN_TEXT = new RegExp(`(?<![A-Za-z0-9])(?:${TRON_SOURCE}|${ETH_SOURCE}|${BTC_BECH32_SOURCE})(?![A-Za-z0-9])`, 'g');

export function findQq(text: string, out: TextMatch[], spans: Span[]): void {
  QQ_IN_TEXT.lastIndex = 0;
  for (let m = QQ_IN_TEXT.exec(text); m !== null; m = QQ_IN_TEXT.exec(text)) {
    const value = m[3] as string;
    const index = m.index + m[0].length - value.length;
    spans.push({ start: m.index, end: m.index + m[0].length });
    // "QQ号码1234567890" in a script is an example: consumed, never reported (placeholder.ts).
    if (isExampleDigits(value)) continue;
    const group = m[1] ?? m[2];
    const identifier: QqIdentifier = group !== undefined ? { kind: 'qq', value, subtype: 'group' } : { kind: 'qq', value };
    out.push({ index, identifier: withRaw(identifier, value) });
  }
}

export function findWechat(text: string, out: TextMatch[], spans: Span[]): void {
  WECHAT_IN_TEXT.lastIndex = 0;
  for (let m = WECHAT_IN_TEXT.exec(text); m !== null; m = WECHAT_IN_TEXT.exec(text)) {
    const id = m[3] ?? m[4];
    if (id === undefined) continue;
    // After a Latin label and only a space ("wechat account"), an English word is likelier
    // than an id; demand a digit, underscore or dash then.
    if (m[2] !== undefined && !/[:：]/.test(m[2]) && !/[\d_-]/.test(id)) continue;
    const wechat = classifyWechat(id);
    if (wechat === null) continue;
    const index = m.index + m[0].length - id.length;
    // A phone-number id stays visible to the phone finder: it is a phone number as well.
    if (wechat.subtype !== 'phone') spans.push({ start: m.index, end: m.index + m[0].length });
    out.push({ index, identifier: withRaw(wechat, id) });
  }
}

export function findAlipay(text: string, out: TextMatch[]): void {
  ALIPAY_IN_TEXT.lastIndex = 0;
  for (let m = ALIPAY_IN_TEXT.exec(text); m !== null; m = ALIPAY_IN_TEXT.exec(text)) {
    const account = m[1] as string;
    const alipay = normaliseAlipay(account);
    if (alipay === null) continue;
    out.push({ index: m.index + m[0].length - account.length, identifier: withRaw(alipay, account) });
  }
}

export function findCrypto(text: string, out: TextMatch[], spans: Span[]): void {
  CRYPTO_IN_TEXT.lastIndex = 0;
  for (let m = CRYPTO_IN_TEXT.exec(text); m !== null; m = CRYPTO_IN_TEXT.exec(text)) {
    const crypto = classifyCryptoAddress(m[0]);
    if (crypto === null) continue;
    spans.push({ start: m.index, end: m.index + m[0].length });
    out.push({ index: m.index, identifier: withRaw(crypto, m[0]) });
  }
}
