// The device data of a statement row (IP地址, MAC地址, 终端号) and the holder data of an account,
// normalised so that the same phone or PC, or the same person, is one value however the banks
// write it: a MAC as six upper-case hex pairs joined by colons ("00-1a-2b-3c-4d-5e",
// "001A.2B3C.4D5E" and "001a2b3c4d5e" are one MAC); an IP as the report identifiers' normaliser
// writes it (no leading zeros, no port, IPv4-mapped IPv6 as IPv4, RFC 5952 IPv6); an ID number in
// upper case without spaces; a mainland mobile without +86.
import { normaliseIp } from '../normalise/ip';
import { nfkc } from '../normalise/text';

/** A MAC in canonical form, or the text as written (trimmed, upper case) when it is not a MAC. */
export function normaliseMac(raw: string | null): string | null {
  if (raw === null) return null;
  const t = nfkc(raw).trim().toUpperCase();
  if (t === '') return null;
  const hex = t.replace(/[\s:\-.]/g, '');
  if (/^[0-9A-F]{12}$/.test(hex)) return hex.match(/../g)!.join(':');
  return t;
}

/** An IP in canonical form, or the text as written (trimmed) when it is not an address. */
export function normaliseStatementIp(raw: string | null): string | null {
  if (raw === null) return null;
  const t = nfkc(raw).trim();
  if (t === '') return null;
  return normaliseIp(t)?.value ?? t;
}

const MAC = /^[0-9A-F]{2}(?::[0-9A-F]{2}){5}$/;

/**
 * Whether a MAC can tell one device from another: a real six-pair MAC, not all zeros or all
 * ones (what systems write when they have none), not a broadcast or multicast address.
 */
export function macIdentifiesDevice(mac: string): boolean {
  if (!MAC.test(mac)) return false;
  if (mac === '00:00:00:00:00:00' || mac === 'FF:FF:FF:FF:FF:FF') return false;
  // The least significant bit of the first octet marks a multicast address: never one device's.
  return (parseInt(mac.slice(0, 2), 16) & 1) === 0;
}

/**
 * Whether an IP can tie accounts together: a public address. Private (10/8, 172.16/12,
 * 192.168/16, 100.64/10 carrier-grade NAT, fc00::/7), loopback, link-local, unspecified and
 * broadcast addresses are shared by millions of unrelated homes and say nothing.
 */
export function ipIdentifiesDevice(ip: string): boolean {
  const v4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(ip);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    if (a === 0 || a === 10 || a === 127 || a >= 224) return false;
    if (a === 169 && b === 254) return false;
    if (a === 172 && b >= 16 && b <= 31) return false;
    if (a === 192 && b === 168) return false;
    if (a === 100 && b >= 64 && b <= 127) return false;
    return true;
  }
  if (!ip.includes(':') || !/^[0-9a-f:]+$/.test(ip)) return false;
  if (ip === '::' || ip === '::1') return false;
  const first = parseInt(ip.split(':')[0] || '0', 16);
  if ((first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80 || (first & 0xff00) === 0xff00) return false;
  return true;
}

/** An ID number to compare: NFKC, no spaces, upper case (a final x is X). Null when empty. */
export function normaliseIdNumber(raw: string | null): string | null {
  if (raw === null) return null;
  const t = nfkc(raw)
    .replace(/[\s\u3000]/g, '')
    .toUpperCase();
  return t === '' ? null : t;
}

/** A phone to compare: its digits, a mainland mobile's +86 / 0086 dropped. Null when fewer than 7 digits. */
export function normaliseHolderPhone(raw: string | null): string | null {
  if (raw === null) return null;
  let d = nfkc(raw).replace(/\D/g, '');
  if (/^(?:0086|86)1\d{10}$/.test(d)) d = d.replace(/^(?:00)?86/, '');
  return d.length >= 7 ? d : null;
}

/** A holder's name to compare: NFKC, no spaces (banks write "王 伟" and "王伟"). Null when empty. */
export function normaliseHolderName(raw: string | null): string | null {
  if (raw === null) return null;
  const t = nfkc(raw).replace(/[\s\u3000·•]/g, '');
  return t === '' ? null : t;
}
