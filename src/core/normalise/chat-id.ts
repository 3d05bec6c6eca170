// QQ numbers, WeChat ids and Alipay accounts: the contact handles fraudsters move victims to.
// People write them behind a label ("QQ：", "加V：", "支付宝账号"), so each normaliser first
// strips the labels it knows.
import type { NormalisedIdentifier } from '../../common/model';
import { normaliseEmail } from './email';
import { normalisePhone } from './phone';
import { hasMaskSymbol, isExampleDigits, isMaskOnly, isPlaceholderHandle } from './placeholder';
import { nfkc } from './text';

export interface QqIdentifier extends NormalisedIdentifier {
  readonly kind: 'qq';
  /** 'group' for a QQ group (QQ群) number; absent for a personal account. */
  readonly subtype?: 'group';
}

export type WechatSubtype = 'wxid' | 'phone' | 'qq';

export interface WechatIdentifier extends NormalisedIdentifier {
  readonly kind: 'wechat';
  /** 'wxid' for system ids, 'phone'/'qq' for accounts known by a bound number; absent for a chosen id. */
  readonly subtype?: WechatSubtype;
}

export type AlipaySubtype = 'phone' | 'email' | 'user_id' | 'masked';

export interface AlipayIdentifier extends NormalisedIdentifier {
  readonly kind: 'alipay';
  readonly subtype: AlipaySubtype;
}

/** QQ numbers start at 10000 and have at most 11 digits. */
export const QQ_NUMBER = /^[1-9]\d{4,10}$/;
/** A chosen WeChat id: 6–20 characters, a letter first. */
export const WECHAT_ID = /^[a-z][a-z0-9_-]{5,19}$/;
/** System-assigned WeChat ids of accounts that never chose one. */
export const WECHAT_WXID = /^wxid_[a-z0-9_-]{4,30}$/;

// A label ends in a separator or in a CJK word, so "wx: abc123" loses "wx" while a real id
// that starts with those letters ("wxid_…", "vxiaoming") keeps them.
const QQ_LABEL = /^(?:加|添加)?(?:(?:qq|扣扣|企鹅|q)(群)?|(群))(?:号码?)?\s*[:：]?\s*(?:是|为)?\s*/i;
const WECHAT_CJK_LABEL = /^(?:加|添加)?(?:微信|威信|薇信|徽信|v信|维信)(?:号码?|id|同号)?\s*[:：]?\s*(?:是|为)?\s*/i;
const WECHAT_LATIN_LABEL = /^(?:加|添加)?(?:wechat|weixin|vx|wx|v)(?:\s*id)?(?:\s*[:：]\s*|\s+)/i;
const ALIPAY_LABEL = /^(?:支付宝|alipay|zfb)(?:账号|帐号|账户|帐户|号)?\s*[:：]?\s*/i;

export function normaliseQq(raw: string): QqIdentifier | null {
  const text = nfkc(raw).trim();
  const label = QQ_LABEL.exec(text);
  let rest = label === null ? text : text.slice(label[0].length);
  // A QQ mailbox is the QQ number with a domain.
  const mailbox = /^(\d{5,11})@(?:qq|vip\.qq|foxmail)\.com$/i.exec(rest);
  if (mailbox !== null) rest = mailbox[1] as string;
  const digits = rest.replace(/[\s\-.]/g, '');
  // Example numbers ("123456789", "88888888") are placeholders (placeholder.ts).
  if (!QQ_NUMBER.test(digits) || isExampleDigits(digits)) return null;
  const group = label?.[1] ?? label?.[2];
  return group !== undefined ? { kind: 'qq', value: digits, subtype: 'group' } : { kind: 'qq', value: digits };
}

/** Classify a WeChat id with its label already removed. */
export function classifyWechat(id: string): WechatIdentifier | null {
  const lower = id.toLowerCase();
  // "xxxxxxx", "xxx-xxxxxx", "wxid_xxxxxxxx": a mask has the shape of an id but names none.
  if (isPlaceholderHandle(lower)) return null;
  if (WECHAT_WXID.test(lower)) return { kind: 'wechat', value: lower, subtype: 'wxid' };
  if (WECHAT_ID.test(lower)) return { kind: 'wechat', value: lower };
  // Accounts found by their bound phone ("微信同号") or, for old accounts, their QQ number.
  if (/^[+\d][\d\s-]*$/.test(id)) {
    const phone = normalisePhone(id);
    if (phone !== null && (phone.subtype === 'mobile' || phone.subtype === 'foreign')) {
      return { kind: 'wechat', value: phone.value, subtype: 'phone' };
    }
    const digits = id.replace(/[\s-]/g, '');
    if (QQ_NUMBER.test(digits) && !isExampleDigits(digits)) return { kind: 'wechat', value: digits, subtype: 'qq' };
  }
  return null;
}

export function normaliseWechat(raw: string): WechatIdentifier | null {
  const text = nfkc(raw).trim();
  const label = WECHAT_CJK_LABEL.exec(text) ?? WECHAT_LATIN_LABEL.exec(text);
  const id = (label === null ? text : text.slice(label[0].length)).trim();
  return classifyWechat(id);
}

export function normaliseAlipay(raw: string): AlipayIdentifier | null {
  const text = nfkc(raw).trim();
  const label = ALIPAY_LABEL.exec(text);
  const account = (label === null ? text : text.slice(label[0].length)).trim();
  if (account === '') return null;
  // Alipay shows accounts masked ("138****8000", "ab***@qq.com"); keep them for display-level
  // matching with one canonical mask. One with nothing of the account left in view ("***",
  // "xxx***xxx", "***@qq.com": only a mailbox provider) is a placeholder.
  if (hasMaskSymbol(account)) {
    const masked = account
      .toLowerCase()
      .replace(/\s+/g, '')
      .replace(/[*●•○◯×]+/g, '***');
    const name = masked.includes('@') ? masked.slice(0, masked.lastIndexOf('@')) : masked;
    return /[0-9a-wyz]/.test(name) ? { kind: 'alipay', value: masked, subtype: 'masked' } : null;
  }
  if (isMaskOnly(account)) return null;
  if (account.includes('@')) {
    const email = normaliseEmail(account);
    if (email === null) return null;
    return email.domain === undefined
      ? { kind: 'alipay', value: email.value, subtype: 'email' }
      : { kind: 'alipay', value: email.value, subtype: 'email', domain: email.domain };
  }
  const compact = account.replace(/[\s-]/g, '');
  // Alipay's internal user ids ("2088…", 16 digits) appear in transfer receipts.
  if (/^2088\d{12}$/.test(compact)) return { kind: 'alipay', value: compact, subtype: 'user_id' };
  const phone = normalisePhone(account);
  if (phone !== null && (phone.subtype === 'mobile' || phone.subtype === 'foreign')) {
    return { kind: 'alipay', value: phone.value, subtype: 'phone' };
  }
  return null;
}
