// Finding web addresses inside running text. SMS lures glue links to Chinese words with no
// space ("请登录icbc-jf.cn/lq领取"), so a link is ASCII-only and ends at the first CJK
// character; after NFKC, full-width punctuation has become ASCII ",;!()" which ends it too.
import { parse } from 'tldts';

// What may follow the host: RFC 3986 path/query characters without the sub-delimiters
// ",;!()'" that in Chinese text are almost always (folded) punctuation — except a "!" right
// after "#", which begins a hashbang route ("x.com/#!/page"), not a sentence's end.
const PATH = String.raw`[A-Za-z0-9\-._~:/?#@$&*+=%]`;
// One run of them and, at a "#!", the route after it (a link has one fragment).
const TAIL = String.raw`${PATH}*(?:(?<=#)!${PATH}*)?`;
const LABEL = String.raw`[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?`;
const TLD = String.raw`(?:[A-Za-z]{2,24}|xn--[A-Za-z0-9-]{1,59})`;

/** http(s)/ftp with scheme: the host may be anything the URL parser accepts, IP literals too. */
export const SCHEME_URL_SOURCE = String.raw`(?:https?|ftp):\/\/[A-Za-z0-9\-._~:/?#@$&*+=%\[\]]+(?:(?<=#)!${PATH}*)?`;

/** A bare host name ("icbc-jf.cn/lq"), not inside a longer token, an e-mail or a path. */
export const BARE_URL_SOURCE = String.raw`(?<![A-Za-z0-9@._%+\-/\\])(?:${LABEL}\.)+${TLD}(?::\d{1,5})?(?:[/?#]${TAIL})?(?![A-Za-z0-9\-])`;

const URL_IN_TEXT = new RegExp(`${SCHEME_URL_SOURCE}|${BARE_URL_SOURCE}`, 'gi');

// Sentence punctuation that a match may have swallowed at its end.
const TRAILING = /[.,:;?!#&*'-]+$/;

export function trimUrlMatch(match: string): string {
  return match.replace(TRAILING, '');
}

// Top-level domains common enough in lures to accept a bare host with nothing after it.
// Rarer ones ("Mr.Li", a ".li" address) need a path or a third label to count as a link.
const COMMON_TLDS: ReadonlySet<string> = new Set([
  'com',
  'net',
  'org',
  'cn',
  'cc',
  'top',
  'vip',
  'xyz',
  'info',
  'biz',
  'me',
  'io',
  'co',
  'tv',
  'app',
  'shop',
  'club',
  'online',
  'site',
  'store',
  'tech',
  'live',
  'link',
  'fun',
  'icu',
  'ltd',
  'asia',
  'hk',
  'tw',
  'mo',
  'ws',
  'la',
  'to',
  'im',
  'in',
  'us',
  'uk',
  'jp',
  'kr',
  'ru',
  'ml',
  'tk',
  'ga',
  'cf',
  'gq',
  'pw',
  'work',
  'ink',
  'win',
  'bid',
  'loan',
  'mobi',
  'pro',
  'cloud',
  'wang',
  'ren',
  'xin',
  'gov',
  'edu',
  'sg',
  'my',
  'ph',
  'th',
  'vn',
  'kh',
  'mm',
  'ly',
  'gl',
  'gd',
]);

/**
 * Whether a bare (scheme-less) match is a link rather than a file name, a version or a
 * dotted abbreviation: its suffix must be a real ICANN one, and uncommon suffixes need more.
 */
export function isPlausibleBareUrl(match: string): boolean {
  const end = match.search(/[:/?#]/);
  const host = (end === -1 ? match : match.slice(0, end)).toLowerCase();
  const info = parse(host, { extractHostname: false });
  if (!info.isIcann || info.domain === null || info.publicSuffix === null) return false;
  if (end !== -1) return true;
  const tld = host.slice(host.lastIndexOf('.') + 1);
  return COMMON_TLDS.has(tld) || host.split('.').length >= 3;
}

/** The first web address in free text, trimmed of trailing punctuation, or null. */
export function findFirstUrl(text: string): string | null {
  URL_IN_TEXT.lastIndex = 0;
  for (let m = URL_IN_TEXT.exec(text); m !== null; m = URL_IN_TEXT.exec(text)) {
    const found = trimUrlMatch(m[0]);
    if (/^(?:https?|ftp):\/\//i.test(found) || isPlausibleBareUrl(found)) return found;
  }
  return null;
}
