import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { unsafeName } from '../../../src/core/bundle/read-bundle';
import { verifyEntries } from '../../../src/core/bundle/verify';
import { bundleProblemText } from '../../../src/renderer/src/bundles/bundle-problem-text';
import { zhCN } from '../../../src/renderer/src/i18n/zh-cn';

function translatedZh(problem: string): string {
  const { text, translated } = bundleProblemText(problem, zhCN);
  expect(translated, problem).toBe(true);
  return text;
}

describe('bundle problems in the UI language', () => {
  it('translates what the real verifier says of broken bundles', () => {
    const empty = verifyEntries(null, new Map());
    expect(empty.check.problems.length).toBeGreaterThan(0);
    for (const p of empty.check.problems) expect(translatedZh(p)).toMatch(/^缺少 /);

    const junkSigner = verifyEntries(
      null,
      new Map([
        ['manifest.json', Buffer.from('{}')],
        ['manifest.sig', Buffer.alloc(64)],
        ['signer.pem', Buffer.from('junk')],
      ]),
    );
    for (const p of junkSigner.check.problems) translatedZh(p);

    const { publicKey } = crypto.generateKeyPairSync('ed25519');
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const badSig = verifyEntries(
      null,
      new Map([
        ['manifest.json', Buffer.from('{}')],
        ['manifest.sig', Buffer.alloc(64)],
        ['signer.pem', Buffer.from(pem)],
      ]),
    );
    expect(badSig.check.problems.map(translatedZh)).toEqual(['签名与清单不符：案件包已被改动，或由其他密钥签名。']);
    const shortSig = verifyEntries(
      null,
      new Map([
        ['manifest.json', Buffer.from('{}')],
        ['manifest.sig', Buffer.alloc(10)],
        ['signer.pem', Buffer.from(pem)],
      ]),
    );
    for (const p of shortSig.check.problems) translatedZh(p);
  });

  it('translates unsafe entry names', () => {
    for (const name of ['../etc/passwd', '/abs', 'C:x', 'a\\b', 'a//b', '']) {
      const problem = unsafeName(name);
      expect(problem, name).not.toBeNull();
      translatedZh(problem ?? '');
    }
  });

  it('passes an unknown sentence through', () => {
    expect(bundleProblemText('something else', zhCN)).toEqual({ text: 'something else', translated: false });
  });
});
