// Identifier normalisation: one canonical `value` per real-world identifier, so that the same
// fraudster phone, card or link written differently in two reports is recognised as one.
// Every normaliser applies Unicode NFKC first: full-width forms are everyday Chinese input.
import type { IdentifierKind, NormalisedIdentifier } from '../../common/model';
import { normaliseBankAccount, normaliseBankCard } from './bank-card';
import { normaliseAlipay, normaliseQq, normaliseWechat } from './chat-id';
import { normaliseCrypto } from './crypto';
import { normaliseEmail } from './email';
import { normaliseFreeText } from './free-text';
import { normaliseIban } from './iban';
import { normaliseIp } from './ip';
import { normalisePhone } from './phone';
import { normaliseUrl } from './url';

export { extractIdentifiers, type ExtractedIdentifier } from './extract';
export { luhnValid } from './bank-card';
export { SHORT_LINK_HOSTS } from './short-link-hosts';

/**
 * The canonical form of one reported identifier, or null when the value is unusable as that
 * kind (empty, or garbage such as a WeChat "id" in Chinese characters).
 *
 * The returned `kind` can differ from the one asked for where two kinds are one identity:
 * a digit-only bank account of card length is a `bank_card`, and a valid IBAN given as a
 * card or account is an `iban`.
 */
export function normaliseIdentifier(kind: IdentifierKind, raw: string): NormalisedIdentifier | null {
  switch (kind) {
    case 'phone':
      return normalisePhone(raw);
    case 'bank_card':
      return normaliseBankCard(raw);
    case 'bank_account':
      return normaliseBankAccount(raw);
    case 'iban':
      return normaliseIban(raw);
    case 'alipay':
      return normaliseAlipay(raw);
    case 'wechat':
      return normaliseWechat(raw);
    case 'qq':
      return normaliseQq(raw);
    case 'url':
      return normaliseUrl(raw);
    case 'email':
      return normaliseEmail(raw);
    case 'ip':
      return normaliseIp(raw);
    case 'crypto':
      return normaliseCrypto(raw);
    case 'device':
    case 'other':
      return normaliseFreeText(kind, raw);
  }
}
