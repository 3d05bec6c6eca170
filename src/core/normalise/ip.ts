// IP addresses. IPv4 is written as four decimal numbers without leading zeros; a typed
// "010.001.002.003" is taken as padded decimal (10.1.2.3), as people mean it, not as octal.
// IPv6 follows RFC 5952: lower case, zeros compressed, the longest zero run as "::".
import type { NormalisedIdentifier } from '../../common/model';
import { nfkc } from './text';

export type IpSubtype = 'v4' | 'v6';

export interface IpIdentifier extends NormalisedIdentifier {
  readonly kind: 'ip';
  readonly subtype: IpSubtype;
}

const V4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

export function canonicalIpv4(text: string): string | null {
  const m = V4.exec(text);
  if (m === null) return null;
  const parts = [m[1], m[2], m[3], m[4]].map(Number);
  return parts.every((n) => n <= 255) ? parts.join('.') : null;
}

/** The eight 16-bit groups of an IPv6 address, or null. */
function ipv6Groups(text: string): number[] | null {
  let head = text;
  const tail: number[] = [];
  // An embedded IPv4 tail ("::ffff:1.2.3.4") stands for the last two groups.
  const lastColon = head.lastIndexOf(':');
  if (head.slice(lastColon + 1).includes('.')) {
    const v4 = canonicalIpv4(head.slice(lastColon + 1));
    if (v4 === null) return null;
    const [a, b, c, d] = v4.split('.').map(Number) as [number, number, number, number];
    tail.push((a << 8) | b, (c << 8) | d);
    head = head.slice(0, lastColon + 1);
    if (head.endsWith(':') && !head.endsWith('::')) head = head.slice(0, -1);
  }
  const halves = head.split('::');
  if (halves.length > 2) return null;
  const parse = (part: string): number[] | null => {
    if (part === '') return [];
    const groups: number[] = [];
    for (const group of part.split(':')) {
      if (!/^[0-9a-f]{1,4}$/.test(group)) return null;
      groups.push(parseInt(group, 16));
    }
    return groups;
  };
  const left = parse(halves[0] as string);
  const right = halves.length === 2 ? parse(halves[1] as string) : [];
  if (left === null || right === null) return null;
  const explicit = left.length + right.length + tail.length;
  if (halves.length === 2) {
    if (explicit > 7) return null;
    return [...left, ...new Array<number>(8 - explicit).fill(0), ...right, ...tail];
  }
  return explicit === 8 ? [...left, ...tail] : null;
}

function compressIpv6(groups: readonly number[]): string {
  let bestStart = -1;
  let bestLength = 1; // RFC 5952 §4.2.2: a single zero group is not compressed.
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart === -1) return hex.join(':');
  const left = hex.slice(0, bestStart).join(':');
  const right = hex.slice(bestStart + bestLength).join(':');
  return `${left}::${right}`;
}

export function normaliseIp(raw: string): IpIdentifier | null {
  let text = nfkc(raw).trim().toLowerCase();
  if (text === '') return null;
  // "[2001:db8::1]:443" and "1.2.3.4:8080": the port is not part of the address.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(text);
  if (bracketed !== null) text = bracketed[1] as string;
  else text = text.replace(/^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/, '$1');
  const v4 = canonicalIpv4(text);
  if (v4 !== null) return { kind: 'ip', value: v4, subtype: 'v4' };
  // Zone ids ("fe80::1%eth0") name an interface on the observer's machine, not the host.
  const groups = ipv6Groups(text.replace(/%.*$/, ''));
  if (groups === null) return null;
  // An IPv4-mapped address is the IPv4 host; record it as such so both spellings meet.
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    const [g6, g7] = [groups[6] as number, groups[7] as number];
    return { kind: 'ip', value: `${g6 >> 8}.${g6 & 255}.${g7 >> 8}.${g7 & 255}`, subtype: 'v4' };
  }
  return { kind: 'ip', value: compressIpv6(groups), subtype: 'v6' };
}
