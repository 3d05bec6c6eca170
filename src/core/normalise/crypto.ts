// Cryptocurrency addresses (USDT on TRON dominates investment fraud, then Ethereum and Bitcoin).
// Only the format is checked, not the base58/bech32 checksum: a mistyped address is still
// what the citizen reported and must still meet the same mistyping elsewhere.
import type { NormalisedIdentifier } from '../../common/model';
import { isMaskOnly } from './placeholder';
import { nfkc } from './text';

export type CryptoSubtype = 'tron' | 'eth' | 'btc' | 'unknown';

export interface CryptoIdentifier extends NormalisedIdentifier {
  readonly kind: 'crypto';
  readonly subtype: CryptoSubtype;
}

const B58 = '1-9A-HJ-NP-Za-km-z';
/** Address patterns for free text; each must stand alone (no letters or digits around it). */
export const TRON_SOURCE = `T[${B58}]{33}`;
export const ETH_SOURCE = '0x[0-9a-fA-F]{40}';
export const BTC_BECH32_SOURCE = '[bB][cC]1[ac-hj-np-zAC-HJ-NP-Z02-9]{11,71}';
const BTC_BASE58_SOURCE = `[13][${B58}]{25,34}`;

const ANY = new RegExp(`(?<![A-Za-z0-9])(?:(${TRON_SOURCE})|(${ETH_SOURCE})|(${BTC_BECH32_SOURCE})|(${BTC_BASE58_SOURCE}))(?![A-Za-z0-9])`);

const whole = (source: string): RegExp => new RegExp(`^(?:${source})$`);
const TRON = whole(TRON_SOURCE);
const ETH = whole(ETH_SOURCE);
const BTC_BECH32 = whole(BTC_BECH32_SOURCE);
const BTC_BASE58 = whole(BTC_BASE58_SOURCE);

/** Canonical value of an address matched by one of the patterns above. */
export function classifyCryptoAddress(address: string): CryptoIdentifier | null {
  if (TRON.test(address)) return { kind: 'crypto', value: address, subtype: 'tron' };
  // Ethereum's mixed case is only a checksum (EIP-55); the address is the hex number.
  if (ETH.test(address)) return { kind: 'crypto', value: address.toLowerCase(), subtype: 'eth' };
  // Bech32 is case-insensitive and canonically lower case; base58 is case-sensitive.
  if (BTC_BECH32.test(address)) return { kind: 'crypto', value: address.toLowerCase(), subtype: 'btc' };
  if (BTC_BASE58.test(address)) return { kind: 'crypto', value: address, subtype: 'btc' };
  return null;
}

// A short label ending in a colon ("ADA:", "USDT-ERC20:", "钱包地址："), then one token.
const UNKNOWN_LABEL = /^[^\s:：]{1,24}\s*[:：]\s*([A-Za-z0-9_-]{16,128})$/;

export function normaliseCrypto(raw: string): CryptoIdentifier | null {
  const text = nfkc(raw).trim();
  if (text === '') return null;
  // Values often carry a label ("USDT-TRC20地址：T…"); the address inside is what counts.
  const m = ANY.exec(text);
  if (m !== null) return classifyCryptoAddress(m[0]);
  // Another chain's address: keep a single plausible token as written, without the chain's name
  // people put before it ("DOT:1Rb2…", "XRP: rGD1…", "bitcoincash:qq…"), so that it meets the
  // same address written bare. Hex ("0x…" of a length no known chain uses) has no case.
  const token = UNKNOWN_LABEL.exec(text)?.[1] ?? text;
  if (!/^[A-Za-z0-9:_-]{16,128}$/.test(token) || isMaskOnly(token)) return null;
  return { kind: 'crypto', value: /^0x[0-9a-f]+$/i.test(token) ? token.toLowerCase() : token, subtype: 'unknown' };
}
