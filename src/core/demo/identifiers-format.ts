// How citizens actually type identifiers. One fraudster value reaches the workstation written
// many ways — `+86 138-0013-8000`, `138 0013 8000`, full-width digits, `6222 0212 3456 7890 128`,
// `HTTP://WWW.Example.com/a` — and the linking engine must see one value through all of them.
// Every function here takes a canonical value and returns one plausible written form.

import { DEMO_KNOBS } from './knobs';
import type { Rng } from './prng';

/** ASCII to full-width forms (what a Chinese IME produces in full-width mode). */
export function fullWidth(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c === 32 ? '\u3000' : c > 32 && c < 127 ? String.fromCharCode(c + 0xfee0) : s[i];
  }
  return out;
}

/** Digits in groups of four, as printed on cards and read out over the phone. */
function groups(digits: string, sep: string): string {
  let out = digits.slice(0, 4);
  for (let i = 4; i < digits.length; i += 4) out += sep + digits.slice(i, i + 4);
  return out;
}

function messy(rng: Rng): boolean {
  return rng.chance(DEMO_KNOBS.messyRate);
}

function mobileForm(rng: Rng, p: string): string {
  const a = p.slice(0, 3);
  const b = p.slice(3, 7);
  const c = p.slice(7);
  const r = rng.float();
  if (r < 0.24) return `${a} ${b} ${c}`;
  if (r < 0.4) return `${a}-${b}-${c}`;
  if (r < 0.56) return `+86 ${a}-${b}-${c}`;
  if (r < 0.66) return `+86${p}`;
  if (r < 0.76) return `0086 ${p}`;
  if (r < 0.84) return `86-${p}`;
  if (r < 0.93) return fullWidth(p);
  return `(+86) ${a} ${b} ${c}`;
}

function landlineForm(rng: Rng, p: string): string {
  const area = p.slice(0, 3);
  const local = p.slice(3);
  const r = rng.float();
  if (r < 0.4) return `${area}-${local}`;
  if (r < 0.6) return `(${area})${local}`;
  if (r < 0.8) return `+86 ${area.slice(1)} ${local.slice(0, 4)} ${local.slice(4)}`;
  return `${area} ${local.slice(0, 4)} ${local.slice(4)}`;
}

/** A phone number as typed: mobiles, landlines (leading 0) and 106 SMS gateways; service numbers stay short. */
export function writePhone(rng: Rng, p: string): string {
  if (p.length < 7 || !messy(rng)) return p;
  if (p.startsWith('106')) return rng.chance(0.7) ? groups(p, ' ') : `+86${p}`;
  if (p.startsWith('0')) return landlineForm(rng, p);
  return mobileForm(rng, p);
}

/** A bank card as typed: grouped by four (as printed on the card), dashed, full-width. */
export function writeCard(rng: Rng, digits: string): string {
  const r = rng.float();
  if (r < 0.35) return groups(digits, ' ');
  if (!messy(rng)) return digits;
  if (r < 0.6) return groups(digits, '-');
  if (r < 0.8) return fullWidth(digits);
  return ` ${digits} `;
}

/** A URL given as host/path, written as people paste or retype it. */
export function writeUrl(rng: Rng, hostPath: string, isShortLink = false): string {
  if (!messy(rng)) return rng.chance(0.5) ? hostPath : `http://${hostPath}`;
  const slash = hostPath.indexOf('/');
  const host = slash < 0 ? hostPath : hostPath.slice(0, slash);
  const path = slash < 0 ? '' : hostPath.slice(slash);
  const r = rng.float();
  if (r < 0.3) return `https://${hostPath}`;
  if (r < 0.5 && !isShortLink) return `https://www.${hostPath}`;
  if (r < 0.65) return `HTTP://${isShortLink ? '' : 'WWW.'}${host.toUpperCase()}${path}`;
  if (r < 0.8 && !isShortLink) return `${hostPath}${path.endsWith('/') ? '' : '/'}?from=sms`;
  if (r < 0.9) return `http://${host}${path}${path.endsWith('/') || isShortLink ? '' : '/'}`;
  return `${hostPath} `;
}

/** A QQ number as typed, sometimes with its label. */
export function writeQq(rng: Rng, qq: string): string {
  if (!messy(rng)) return qq;
  const r = rng.float();
  if (r < 0.35) return `QQ:${qq}`;
  if (r < 0.6) return `qq ${qq}`;
  if (r < 0.8) return fullWidth(qq);
  return `QQ号${qq}`;
}

/** A WeChat id as typed: labels, capitals, stray spaces. */
export function writeWechat(rng: Rng, id: string): string {
  if (!messy(rng)) return id;
  const r = rng.float();
  if (r < 0.3) return `微信号：${id}`;
  if (r < 0.55) return `wx:${id}`;
  if (r < 0.8 && !id.startsWith('wxid_')) return id.charAt(0).toUpperCase() + id.slice(1);
  return ` ${id}`;
}

/** An Alipay account: a phone in any of its forms, or an e-mail address, sometimes in capitals. */
export function writeAlipay(rng: Rng, account: string): string {
  if (!account.includes('@')) return writePhone(rng, account);
  return messy(rng) && rng.chance(0.4) ? account.toUpperCase() : account;
}
