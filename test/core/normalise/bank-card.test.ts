import { describe, expect, it } from 'vitest';
import { luhnValid, normaliseIdentifier } from '../../../src/core/normalise';

// Card numbers here are made up; the Luhn-valid ones were given a correct check digit.
describe('bank cards: digits only, Luhn recorded', () => {
  it.each([
    ['6222 0212 3456 7890 128', '6222021234567890128', true],
    ['6222-0212-3456-7890-128', '6222021234567890128', true],
    ['6222021234567890128', '6222021234567890128', true],
    ['６２２２ ０２１２ ３４５６ ７８９０ １２８', '6222021234567890128', true],
    ['卡号：6222 0212 3456 7890 128', '6222021234567890128', true],
    ['6222 0212 3456 7890 128（工商银行）', '6222021234567890128', true],
    ['6222.0212.3456.7890.128', '6222021234567890128', true],
    ['4532 0151 1283 0366', '4532015112830366', true],
    ['5500 0000 0000 0004', '5500000000000004', true],
    ['6217 0000 1234 5678 901', '6217000012345678901', false],
    ['6222 0212 3456 7890 129', '6222021234567890129', false],
    ['3782 822463 10005', '378282246310005', true],
    ['622848 0012 3456 7', '622848001234567', false],
    ['372819465012', '372819465012', false],
  ])('%s → %s (luhn %s)', (raw, value, luhn) => {
    expect(normaliseIdentifier('bank_card', raw)).toEqual({ kind: 'bank_card', value, luhn });
  });

  it.each([
    ['31795246', '31795246'],
    ['6222 0212 3', '622202123'],
    ['62220212345678901234', '62220212345678901234'],
  ])('implausible length is kept with luhn false: %s', (raw, value) => {
    expect(normaliseIdentifier('bank_card', raw)).toEqual({ kind: 'bank_card', value, luhn: false, subtype: 'bad_length' });
  });

  it.each([
    ['6222 **** **** 0128', '6222****0128'],
    ['6222********0128', '6222****0128'],
    ['6222 xxxx xxxx 0128', '6222****0128'],
    ['6222••••0128', '6222****0128'],
    ['**** **** **** 0128', '****0128'],
    ['6222＊＊＊＊0128', '6222****0128'],
  ])('masked cards keep head and tail: %s', (raw, value) => {
    expect(normaliseIdentifier('bank_card', raw)).toEqual({ kind: 'bank_card', value, luhn: false, subtype: 'masked' });
  });

  it.each(['', '  ', '尾号0128', '工商银行', '12345', '****', '1234567890123456789012345678901'])('%j → null', (raw) => {
    expect(normaliseIdentifier('bank_card', raw)).toBeNull();
  });

  it('of two cards in one field, the first is taken', () => {
    expect(normaliseIdentifier('bank_card', '6222021234567890128/6217000012345678901')).toEqual({
      kind: 'bank_card',
      value: '6222021234567890128',
      luhn: true,
    });
  });

  it('a valid IBAN given as a card is an IBAN', () => {
    expect(normaliseIdentifier('bank_card', 'DE89 3704 0044 0532 0130 00')).toEqual({ kind: 'iban', value: 'DE89370400440532013000' });
  });
});

describe('luhnValid', () => {
  it.each([
    ['4111111111111111', true],
    ['4111111111111112', false],
    ['79927398713', true],
    ['0', true],
    ['', false],
  ])('%s → %s', (digits, valid) => {
    expect(luhnValid(digits)).toBe(valid);
  });
});

describe('bank accounts', () => {
  it.each([
    ['1202 0212 0900 0012 3456 78', '12020212090000123456 78'.replace(/\s/g, '')],
    ['对公账户：1202-0212-0900-0012-3456-78', '1202021209000012345678'],
    ['abc-123-xyz', 'ABC123XYZ'],
    ['NO. 4100 1234 5678 9012 3456 7', 'NO4100123456789012345 67'.replace(/\s/g, '')],
    ['中国银行 3179 5246', '31795246'],
    ['３１７９ ５２４６ ８', '317952468'],
  ])('%s → %s', (raw, value) => {
    expect(normaliseIdentifier('bank_account', raw)).toEqual({ kind: 'bank_account', value });
  });

  it.each([
    ['6222 0212 3456 7890 128', '6222021234567890128', true],
    ['账号：6222021234567890128', '6222021234567890128', true],
    ['6217 0000 1234 5678 901', '6217000012345678901', false],
  ])('a digit-only account of card length is a bank card: %s', (raw, value, luhn) => {
    expect(normaliseIdentifier('bank_account', raw)).toEqual({ kind: 'bank_card', value, luhn });
  });

  it('a valid IBAN given as an account is an IBAN', () => {
    expect(normaliseIdentifier('bank_account', 'GB82 WEST 1234 5698 7654 32')).toEqual({ kind: 'iban', value: 'GB82WEST12345698765432' });
  });

  it.each(['', '无', '12', '中国银行'])('%j → null', (raw) => {
    expect(normaliseIdentifier('bank_account', raw)).toBeNull();
  });
});

describe('IBAN', () => {
  it.each([
    ['DE89 3704 0044 0532 0130 00', 'DE89370400440532013000'],
    ['de89370400440532013000', 'DE89370400440532013000'],
    ['DE89-3704-0044-0532-0130-00', 'DE89370400440532013000'],
    ['IBAN: GB82 WEST 1234 5698 7654 32', 'GB82WEST12345698765432'],
    ['ＧＢ８２ ＷＥＳＴ １２３４ ５６９８ ７６５４ ３２', 'GB82WEST12345698765432'],
    ['FR14 2004 1010 0505 0001 3M02 606', 'FR1420041010050500013M02606'],
  ])('%s → %s', (raw, value) => {
    expect(normaliseIdentifier('iban', raw)).toEqual({ kind: 'iban', value });
  });

  it.each([
    ['DE88 3704 0044 0532 0130 00', 'DE88370400440532013000'],
    ['GB82 WEST 1234 5698 7654 33', 'GB82WEST12345698765433'],
    ['XX00 1234 5678 9012', 'XX0012345678 9012'.replace(/\s/g, '')],
  ])('bad check digits or country are kept, subtype invalid: %s', (raw, value) => {
    expect(normaliseIdentifier('iban', raw)).toEqual({ kind: 'iban', value, subtype: 'invalid' });
  });

  it.each(['', 'not an iban', '6222021234567890128', 'DE89'])('%j → null', (raw) => {
    expect(normaliseIdentifier('iban', raw)).toBeNull();
  });
});
