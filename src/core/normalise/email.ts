// E-mail addresses compare case-insensitively in practice (every mainland provider treats
// the local part that way), so the canonical form is the lower-cased address.
import { domainToUnicode } from 'node:url';
import { getDomain } from 'tldts';
import type { NormalisedIdentifier } from '../../common/model';
import { isPlaceholderEmail } from './placeholder';
import { nfkc } from './text';

export interface EmailIdentifier extends NormalisedIdentifier {
  readonly kind: 'email';
}

/** An address inside running text (ASCII only; the host must end in a letter TLD). */
export const EMAIL_IN_TEXT_SOURCE = String.raw`(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![A-Za-z0-9\-])`;
const EMAIL_IN_TEXT = new RegExp(EMAIL_IN_TEXT_SOURCE);

const WHOLE = /^([^\s@]{1,64})@([^\s@]+\.[^\s@.]+)$/;
const LOCAL = /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+$/;
const HOST_LABEL = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?|xn--[a-z0-9-]+|[\u0080-\uffff]+)$/;

function canonicalEmail(text: string): EmailIdentifier | null {
  // Lures write "qq。com" to slip past filters; the ideographic full stop is a dot here.
  const m = WHOLE.exec(text.toLowerCase().replace(/[。｡]/g, '.'));
  if (m === null) return null;
  const local = m[1] as string;
  let host = m[2] as string;
  if (!LOCAL.test(local) || local.startsWith('.') || local.endsWith('.')) return null;
  if (host.includes('xn--')) host = domainToUnicode(host) || host;
  if (!host.split('.').every((label) => HOST_LABEL.test(label))) return null;
  const domain = getDomain(host, { extractHostname: false });
  const value = `${local}@${host}`;
  // "xxx@xx.com", "ab***@qq.com", "user@example.com": no mailbox (placeholder.ts).
  if (isPlaceholderEmail(value)) return null;
  return domain === null ? { kind: 'email', value } : { kind: 'email', value, domain };
}

export function normaliseEmail(raw: string): EmailIdentifier | null {
  const text = nfkc(raw)
    .trim()
    .replace(/^mailto:/i, '')
    .replace(/^[<"'「（(]+|[>"'」）),.;:。，；：]+$/g, '');
  if (text === '') return null;
  const whole = canonicalEmail(text.replace(/\s+/g, ''));
  if (whole !== null) return whole;
  // A value with a label or a note around it ("邮箱：abc@qq.com（常用）").
  const found = EMAIL_IN_TEXT.exec(text);
  return found === null ? null : canonicalEmail(found[0]);
}
