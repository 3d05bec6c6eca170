// Canonical URLs. Two reports name the same link when they write it differently
// ("HTTP://WWW.Example.com/a?b=1", "example.com/a?b=1&utm_source=x"), so the value keeps only
// what decides where the link leads: scheme, host, port, path, meaningful query, and a fragment
// that is a route of a single-page site ("#/url/<hash>/detection", "#!/page"), which names the
// page as much as a path does. A plain anchor ("#top") only scrolls the page and is dropped.
import { isPlaceholderHost } from './placeholder';
import { domainToUnicode } from 'node:url';
import { getDomain } from 'tldts';
import type { NormalisedIdentifier } from '../../common/model';
import { siteDomain } from './hosting-platforms';
import { SHORT_LINK_HOSTS } from './short-link-hosts';
import { nfkc } from './text';
import { isTrackingParam } from './tracking-params';
import { findFirstUrl } from './url-in-text';

export type UrlSubtype = 'short_link' | 'ip' | 'app_link';

export interface UrlIdentifier extends NormalisedIdentifier {
  readonly kind: 'url';
  readonly subtype?: UrlSubtype;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const OTHER_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
// "example.com:8080/x" starts like "scheme:" but is a host and port.
const HOST_AND_PORT = /^[^/?#:]+:\d{1,5}(?:[/?#]|$)/;
// Schemes whose host is a DNS name or IP; anything else (weixin://, alipays://) is an app link.
const WEB_SCHEMES: ReadonlySet<string> = new Set(['http', 'https', 'ftp', 'ws', 'wss']);

const WRAPPING_START = /^[<([{"'「『【（《〈]+/;
const WRAPPING_END = /[>)\]}"'」』】）》〉.,;:!?，。；：！？、]+$/;

function upperHex(escape: string): string {
  const byte = parseInt(escape.slice(1), 16);
  const ch = String.fromCharCode(byte);
  // RFC 3986 §6.2.2.2: escapes of unreserved characters are the characters themselves.
  return /[A-Za-z0-9\-._~]/.test(ch) ? ch : escape.toUpperCase();
}

function normalisePercent(text: string): string {
  return text.includes('%') ? text.replace(/%[0-9a-fA-F]{2}/g, upperHex) : text;
}

function paramName(pair: string): string {
  const eq = pair.indexOf('=');
  const name = eq === -1 ? pair : pair.slice(0, eq);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

// Code-unit order: the same on every machine, unlike localeCompare.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function canonicalQuery(search: string): string {
  if (search.length <= 1) return '';
  const pairs = search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && !isTrackingParam(paramName(pair)))
    .map(normalisePercent);
  // Parameter order carries no meaning; sort by name, then by the whole pair for repeats.
  pairs.sort((a, b) => compare(paramName(a), paramName(b)) || compare(a, b));
  return pairs.join('&');
}

// A route: "#/…" or "#!…" (hashbang, "#!/…" too). Anything else after "#" is an anchor.
const ROUTE = /^#(?:\/|!)/;

/**
 * The route a fragment names, canonical as a path and query are ("#/a/b/?y=2&x=1" → "#/a/b?x=1&y=2"),
 * or '' for an anchor or an empty route ("#/", "#!", "#!/").
 */
function canonicalRoute(hash: string): string {
  if (!ROUTE.test(hash)) return '';
  const mark = hash.startsWith('#!') ? '#!' : '#';
  const rest = hash.slice(mark.length);
  const q = rest.indexOf('?');
  const routePath = normalisePercent(q === -1 ? rest : rest.slice(0, q)).replace(/\/+$/, '');
  const query = q === -1 ? '' : canonicalQuery(rest.slice(q));
  if (routePath === '' && query === '') return '';
  return `${mark}${routePath}${query === '' ? '' : `?${query}`}`;
}

function canonicalHost(hostname: string): string {
  let host = hostname.endsWith('.') ? hostname.slice(0, -1) : hostname;
  // "www." is a habit, not a different site, unless what is left is a public suffix
  // ("www.gov.cn" is a site, "gov.cn" is not).
  if (host.startsWith('www.') && getDomain(host.slice(4), { extractHostname: false }) !== null) {
    host = host.slice(4);
  }
  // Investigators read Chinese domains, not xn-- labels; both spellings meet here.
  if (host.includes('xn--')) host = domainToUnicode(host) || host;
  return host;
}

function isIpHost(host: string): boolean {
  return host.startsWith('[') || /^\d{1,3}(?:\.\d{1,3}){3}$/.test(host);
}

/**
 * Canonicalise one URL written without surrounding text. Returns null when it cannot be a
 * link (no host, no dot in the host, a mailto: or javascript: value).
 */
export function canonicaliseUrl(candidate: string): UrlIdentifier | null {
  let text = candidate.replace(WRAPPING_START, '').replace(WRAPPING_END, '');
  if (text === '') return null;
  if (!SCHEME.test(text)) {
    if (text.startsWith('//')) text = `http:${text}`;
    else if (OTHER_SCHEME.test(text) && !HOST_AND_PORT.test(text)) return null;
    else text = `http://${text}`;
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  const scheme = url.protocol.slice(0, -1);
  // A trailing slash and the choice of http or https do not change which page a fraudster
  // sent the victim to (their sites redirect one to the other), so they must not split one
  // identifier into two.
  const path = url.pathname === '/' ? '' : normalisePercent(url.pathname).replace(/\/+$/, '');
  const query = canonicalQuery(url.search);
  const tail = `${path}${query === '' ? '' : `?${query}`}${canonicalRoute(url.hash)}`;

  if (!WEB_SCHEMES.has(scheme)) {
    // Opaque app links keep their host as written but compare case-insensitively.
    const host = url.hostname.toLowerCase();
    if (host === '') return null;
    return { kind: 'url', value: `${scheme}://${host}${tail}`, subtype: 'app_link' };
  }

  const host = canonicalHost(url.hostname);
  if (isPlaceholderHost(host)) return null;
  const port = url.port === '' ? '' : `:${url.port}`;
  const value = `${scheme === 'https' ? 'http' : scheme}://${host}${port}${tail}`;
  if (isIpHost(host)) return { kind: 'url', value, subtype: 'ip' };
  if (!host.includes('.')) return null;
  const domain = siteDomain(host, getDomain(host, { extractHostname: false }) ?? undefined);
  const subtype: UrlSubtype | undefined = SHORT_LINK_HOSTS.has(host) ? 'short_link' : undefined;
  return {
    kind: 'url',
    value,
    ...(subtype === undefined ? {} : { subtype }),
    ...(domain === undefined ? {} : { domain }),
  };
}

export function normaliseUrl(raw: string): UrlIdentifier | null {
  const text = nfkc(raw).trim();
  if (text === '') return null;
  // A clean value is taken whole. One that carries words around it ("请登录icbc-jf.cn/lq领取",
  // "网址: x.cn") yields the first ASCII address inside; a Chinese (IDN) host has none, so it
  // falls back to the whole value.
  if (/^[\x21-\x7e]+$/.test(text)) return canonicaliseUrl(text) ?? fromText(text);
  return fromText(text) ?? canonicaliseUrl(text.replace(/\s+/g, ''));
}

function fromText(text: string): UrlIdentifier | null {
  const found = findFirstUrl(text);
  return found === null ? null : canonicaliseUrl(found);
}
