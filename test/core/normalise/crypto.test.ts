import { describe, expect, it } from 'vitest';
import { normaliseIdentifier } from '../../../src/core/normalise';

// Addresses here are format-valid examples, not real wallets.
const TRON = 'TXYZopYRdj2D9XRtbG411XZZ3kM5VkAeBf';
const ETH = '0x52908400098527886E0F7030069857D2E4169EE7';
const BECH32 = 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq';
const P2PKH = '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2';
const P2SH = '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy';

describe('crypto addresses', () => {
  it.each([
    [TRON, TRON, 'tron'],
    [` ${TRON} `, TRON, 'tron'],
    [`USDT-TRC20地址：${TRON}`, TRON, 'tron'],
    [`TRC20: ${TRON}（转账用）`, TRON, 'tron'],
    [ETH, ETH.toLowerCase(), 'eth'],
    [ETH.toLowerCase(), ETH.toLowerCase(), 'eth'],
    [`ERC20 ${ETH}`, ETH.toLowerCase(), 'eth'],
    [BECH32, BECH32, 'btc'],
    [BECH32.toUpperCase(), BECH32, 'btc'],
    [P2PKH, P2PKH, 'btc'],
    [P2SH, P2SH, 'btc'],
    [`ＢＴＣ：${P2PKH}`, P2PKH, 'btc'],
  ])('%s', (raw, value, subtype) => {
    expect(normaliseIdentifier('crypto', raw)).toEqual({ kind: 'crypto', value, subtype });
  });

  it('an address of another chain is kept as written', () => {
    const sol = '7EcDhSYGxXyscszYEp35KHN8vvw3svAuLKTzXwCFLtV';
    expect(normaliseIdentifier('crypto', sol)).toEqual({ kind: 'crypto', value: sol, subtype: 'unknown' });
  });

  it.each([
    ['DOT:12759G1BVPC7cAb5tT8qLzDJUcnBuyW3n3icMwAA8uWGiUtT', '12759G1BVPC7cAb5tT8qLzDJUcnBuyW3n3icMwAA8uWGiUtT'],
    ['DOT: 12759G1BVPC7cAb5tT8qLzDJUcnBuyW3n3icMwAA8uWGiUtT', '12759G1BVPC7cAb5tT8qLzDJUcnBuyW3n3icMwAA8uWGiUtT'],
    ['12759G1BVPC7cAb5tT8qLzDJUcnBuyW3n3icMwAA8uWGiUtT', '12759G1BVPC7cAb5tT8qLzDJUcnBuyW3n3icMwAA8uWGiUtT'],
    ['XRP: rGD1q9qfHd9gYbm9VUdcBXjumAaMZen8tr', 'rGD1q9qfHd9gYbm9VUdcBXjumAaMZen8tr'],
    ['ＸＲＰ：rGD1q9qfHd9gYbm9VUdcBXjumAaMZen8tr', 'rGD1q9qfHd9gYbm9VUdcBXjumAaMZen8tr'],
    ['瑞波币地址：rGD1q9qfHd9gYbm9VUdcBXjumAaMZen8tr', 'rGD1q9qfHd9gYbm9VUdcBXjumAaMZen8tr'],
    ['bitcoincash:qql5utn0rh3jvzlglx4djslp06a9fvzf95ammfcc4t', 'qql5utn0rh3jvzlglx4djslp06a9fvzf95ammfcc4t'],
    ['ETH: 0x9135AD77776671e6d3c2e7df1d1c675d10d9b89e1', '0x9135ad77776671e6d3c2e7df1d1c675d10d9b89e1'],
  ])('another chain, its label set aside: %s', (raw, value) => {
    expect(normaliseIdentifier('crypto', raw)).toEqual({ kind: 'crypto', value, subtype: 'unknown' });
  });

  it.each(['', 'USDT', '钱包地址', 'T123', '0x1234', 'not an address at all', 'DOT: not an address', 'xxxxxxxxxxxxxxxxxxxx'])(
    '%j → null',
    (raw) => {
      expect(normaliseIdentifier('crypto', raw)).toBeNull();
    },
  );
});
