import { describe, expect, it } from 'vitest';
import { normaliseIdentifier } from '../../../src/core/normalise';

describe('device and other: NFKC, trimmed, whitespace collapsed', () => {
  it.each([
    ['device', '  IMEI 861234567890123 ', 'IMEI 861234567890123'],
    ['device', 'ＩＭＥＩ：８６１２３４', 'IMEI:861234'],
    ['device', 'iPhone\t13  Pro', 'iPhone 13 Pro'],
    ['other', '抖音号　abc123', '抖音号 abc123'],
    ['other', '\n 某某投资APP \n', '某某投资APP'],
    ['other', 'ﬁle', 'file'],
  ] as const)('%s %j → %j', (kind, raw, value) => {
    expect(normaliseIdentifier(kind, raw)).toEqual({ kind, value });
  });

  it.each(['', '   ', '\n\t　'])('%j → null', (raw) => {
    expect(normaliseIdentifier('other', raw)).toBeNull();
    expect(normaliseIdentifier('device', raw)).toBeNull();
  });
});
