// Values that stand in for an identifier instead of naming one: masks ("xxxxxxx", "XXX-XXXXXX",
// "138****1234", "wxid_xxxxxxxx", "user@xxxx.com") and the example values of forms, scripts and
// manuals ("123456", "1234567890", "88888888", "4111 1111 1111 1111", "user@example.com").
// Scam scripts, training material and citizens who do not know a value write them, and unrelated
// reports share each one, so a normaliser that meets one returns null: the importer then keeps the
// value as reported with subtype 'unparsed', which the investigator sees and linking never weighs
// (linking/evidence.ts identifierWeight). Found in a message or a narrative, a placeholder is not
// stored at all: the text itself is the record.
//
// A partly masked value that still shows part of one real value keeps its own form: a card
// ("6222****0128", subtype 'masked', weightless) and an Alipay account as Alipay displays it
// ("138***8000", subtype 'masked'). A phone shown as "138****1234" is a placeholder: no phone
// form carries a mask, and the digits read from it would be another number ("138").
//
// Only the whole value counts: "resultboxxx21@gmail.com", "xiaoxx88" and "13888888888" are real.
// Addresses on real providers stay addresses however generic ("test@email.com"): the linking
// model weighs a value by how many groups carry it.
import { parse } from 'tldts';

/** Characters that hide a character: x and X, stars (＊ folds to *), bullets, circles, ×. */
const MASK = 'xX*●•○◯×';
const MASK_CLASS = `[${MASK}]`;
const SEPARATORS = /[\s\-._·]/g;
const ONLY_MASKS = new RegExp(`^${MASK_CLASS}+$`);
/** A run of two or more mask characters: one "x" may be an extension marker ("555 2671 x12"). */
export const MASK_RUN_SOURCE = `${MASK_CLASS}{2,}`;
const STARS = /[*●•○◯×]/;

/** Nothing but mask characters and separators, at least `min` masks ("xxx", "XXX-XXXXXX"). */
export function isMaskOnly(text: string, min = 3): boolean {
  const compact = text.replace(SEPARATORS, '');
  return compact.length >= min && ONLY_MASKS.test(compact);
}

/** Whether the text holds a mask character other than a letter x: a star, a bullet, a circle. */
export function hasMaskSymbol(text: string): boolean {
  return STARS.test(text);
}

/**
 * An example digit string: one digit repeated (five or more: "00000", "88888888"), a straight run
 * up or down of six or more, wrapping past 9 ("123456", "1234567890", "987654"), or, at card
 * length, one digit followed by a single repeated one ("4111111111111111"). Short hotlines stay
 * numbers ("12345" is the citizens' hotline, "10000" China Telecom's), and so does every mobile:
 * none has these shapes ("13888888888" is a real, if expensive, number).
 */
export function isExampleDigits(digits: string): boolean {
  const n = digits.length;
  if (n < 5) return false;
  let same = true;
  let up = true;
  let down = true;
  let tailSame = true;
  for (let i = 1; i < n; i++) {
    const d = digits.charCodeAt(i) - 48;
    const prev = digits.charCodeAt(i - 1) - 48;
    if (d !== prev) {
      same = false;
      if (i > 1) tailSame = false;
    }
    if (d !== (prev + 1) % 10) up = false;
    if (d !== (prev + 9) % 10) down = false;
  }
  return same || (n >= 6 && (up || down)) || (n >= 12 && tailSame);
}

// Reserved for documentation and testing (RFC 2606, RFC 6761): no mailbox or site is there.
const RESERVED_DOMAIN = /(?:^|\.)example\.(?:com|net|org)$|\.(?:example|test|invalid|localhost)$|^(?:example|test|invalid|localhost)$/;

/** A host reserved for examples ("example.com", "mail.example.org", "shop.test"); lower case. */
export function isReservedHost(host: string): boolean {
  return RESERVED_DOMAIN.test(host);
}

/**
 * A masked host: every label but a leading "www" and the public suffix is a mask ("xxx.com",
 * "www.xxxxx", "xxxxxxxxx.com", "xxx.com.cn"). A mask label has three or more characters:
 * "x.com" is a real site. Expects a lower-case host without a trailing dot.
 */
export function isPlaceholderHost(host: string): boolean {
  const labels = host.toLowerCase().split('.');
  if (labels[0] === 'www') labels.shift();
  // Without a dot left ("www.xxxxx"), the one label is the mask.
  if (labels.length === 1) return isMaskOnly(labels[0] as string);
  const info = parse(labels.join('.'), { extractHostname: false });
  const suffix = info.isIcann === true && info.publicSuffix !== null ? info.publicSuffix.split('.').length : 1;
  const named = labels.slice(0, Math.max(0, labels.length - suffix));
  return named.length > 0 && named.every((label) => isMaskOnly(label));
}

/**
 * A WeChat id or similar handle (lower case) that is a mask: only x's once separators and a
 * leading "wxid" are set aside ("xxxxxxx", "xxx-xxxxxx", "wxid_xxxxxxxx", "wxid-xxx").
 */
export function isPlaceholderHandle(id: string): boolean {
  const body = id.toLowerCase().replace(/^wxid(?=[_-])/, '');
  return isMaskOnly(body);
}

/**
 * An e-mail address (lower case, as normaliseEmail writes it) that is a placeholder: a masked or
 * example local part ("xxx@gmail.com", "ab***@qq.com", "123456@qq.com"), or a placeholder host
 * ("user@xxxx.com", "name@example.com").
 */
export function isPlaceholderEmail(address: string): boolean {
  const at = address.lastIndexOf('@');
  if (at < 1) return false;
  const local = address.slice(0, at);
  const host = address.slice(at + 1);
  if (isMaskOnly(local, 2) || hasMaskSymbol(local)) return true;
  if (/^\d+$/.test(local) && isExampleDigits(local)) return true;
  return isPlaceholderHost(host) || isReservedHost(host);
}
