// Identifiers inside free text (SMS bodies, chat lines, narratives). Finders run from the
// most specific to the least, each masking what it took: links and e-mails first (their
// paths hold digits), then labelled handles, then bare numbers.
import { IDENTIFIER_KINDS } from '../../common/model';
import { type ExtractedIdentifier, type Span, type TextMatch, maskSpans } from './extracted';
import { findAlipay, findCrypto, findQq, findWechat } from './handles-in-text';
import { findLinks } from './links-in-text';
import { findNumbers } from './numbers-in-text';
import { nfkc } from './text';

export type { ExtractedIdentifier } from './extracted';

function kindRank(match: TextMatch): number {
  return IDENTIFIER_KINDS.indexOf(match.identifier.kind);
}

/**
 * Every identifier found in `text`, in order of first appearance, one per (kind, value).
 * `raw` is the matched text after NFKC folding (full-width forms already narrowed).
 */
export function extractIdentifiers(text: string): ExtractedIdentifier[] {
  const source = nfkc(text);
  const matches: TextMatch[] = [];

  const linkSpans: Span[] = [];
  findLinks(source, matches, linkSpans);
  const withoutLinks = maskSpans(source, linkSpans);

  findAlipay(source, matches);
  const handleSpans: Span[] = [];
  findQq(withoutLinks, matches, handleSpans);
  findWechat(withoutLinks, matches, handleSpans);
  findCrypto(withoutLinks, matches, handleSpans);
  findNumbers(maskSpans(withoutLinks, handleSpans), matches);

  // Text order; at one offset (an account that is also a phone or an e-mail) the fixed kind
  // order of the model decides, so the output never depends on which finder ran first.
  matches.sort((a, b) => a.index - b.index || kindRank(a) - kindRank(b));
  const seen = new Set<string>();
  const result: ExtractedIdentifier[] = [];
  for (const { identifier } of matches) {
    const key = `${identifier.kind}\u0000${identifier.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(identifier);
  }
  return result;
}
