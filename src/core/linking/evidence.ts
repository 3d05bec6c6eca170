// Which identifiers count as linking evidence at all, and of which class. How much a shared value
// is worth is the linking model's to say (model.ts: bits from the store's own frequencies); here a
// value is strong (its kind can tie reports into a series: a payee card, a phone, a crypto address),
// weak (an SMS gateway, an unclassified number, an IP: summed with other identifiers only), a
// domain (never more than a lead), or weightless (bank hotlines, masked cards, what did not parse).

/** The class weight of a value: STRONG, a lighter weight, or 0 for no evidence. */
export const STRONG = 1;
export const WEIGHT = {
  /** The same registrable domain, different paths (a gang's site, many landing pages). */
  domain: 0.6,
  /** An SMS gateway or unclassified number: shared by many senders. */
  weakPhone: 0.4,
  ip: 0.4,
  /** Near-duplicate message text: templates are sold, so never enough alone. */
  text: 0.5,
  /** Same scam category and reported within TIME_WINDOW_DAYS. */
  categoryTime: 0.25,
  /** Same brand tag in the SMS (【工商银行】) or same sender prefix. */
  brandOrSender: 0.25,
} as const;

/** "Close in time" for weak evidence: a week (measured: wider windows join gangs that bought one template). */
export const TIME_WINDOW_DAYS = 7;
/** A pair joins on summed weak evidence at this weight; a strong value alone already has it. */
export const LINK_WEIGHT = 1;
/** Estimated Jaccard similarity from which text counts: near-duplicates only (fills differ between gangs). */
export const TEXT_SIMILARITY = 0.9;

export interface IdentifierFacts {
  readonly kind: string;
  readonly value?: string;
  readonly subtype: string | null;
  readonly role?: string | null;
}

/** A short-link host with nothing after it ("http://t.cn") names no link at all. */
const BARE_HOST = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]+\/?$/i;

/** The weight of a shared (kind, value): STRONG, a lighter weight, or 0 for no evidence. */
export function identifierWeight(id: IdentifierFacts): number {
  // A masked value (6222****0128, 138***8000) names no one account: it is kept, never weighed.
  if (id.subtype === 'unparsed' || id.subtype === 'masked') return 0;
  switch (id.kind) {
    case 'phone':
      if (id.subtype === 'service') return 0;
      if (id.subtype === 'sms_gateway' || id.subtype === 'unknown') return WEIGHT.weakPhone;
      return STRONG;
    case 'bank_card':
      return id.subtype === 'masked' || id.subtype === 'bad_length' ? 0 : STRONG;
    case 'ip':
      return WEIGHT.ip;
    case 'other':
      return 0;
    case 'bank_account':
    case 'iban':
    case 'alipay':
    case 'wechat':
    case 'qq':
    case 'url':
      return id.subtype === 'short_link' && id.value !== undefined && BARE_HOST.test(id.value) ? 0 : STRONG;
    case 'email':
    case 'device':
    case 'crypto':
      return STRONG;
    default:
      return 0;
  }
}

/** The model's comparison class of a value with weight: its kind, weak phones apart. */
export function valueClass(id: IdentifierFacts): string {
  if (id.kind === 'phone' && (id.subtype === 'sms_gateway' || id.subtype === 'unknown')) return 'phone_weak';
  return id.kind;
}

/** Whether a URL's registrable domain may count as (weak) evidence: never for short links. */
export function domainCounts(id: IdentifierFacts & { readonly domain: string | null }): boolean {
  return id.kind === 'url' && id.domain !== null && id.subtype !== 'short_link' && id.subtype !== 'app_link';
}

/** The brand tag an SMS opens or closes with: 【工商银行】 or [ICBC]. */
export function brandOf(text: string): string | null {
  const m = /[【[]([^】\]]{2,12})[】\]]/.exec(text);
  return m ? (m[1] as string).trim() : null;
}

/** A sender pattern: the gateway prefix of a 106… sender, or the first 7 digits of a number. */
export function senderPattern(sender: string): string | null {
  const digits = sender.replace(/\D/g, '').replace(/^(?:0086|86)(?=1)/, '');
  if (digits.length < 7) return null;
  return digits.startsWith('106') ? digits.slice(0, 8) : digits.slice(0, 7);
}
