// What the in-text finders hand back, and the masking that keeps one finder from re-reading
// another's match (the digits of a URL path are not a phone number).
import type { NormalisedIdentifier } from '../../common/model';

/** An identifier found in free text: `raw` is the matched text after NFKC folding. */
export interface ExtractedIdentifier extends NormalisedIdentifier {
  readonly raw: string;
}

export interface TextMatch {
  /** Offset of `raw` in the NFKC-folded text. */
  readonly index: number;
  readonly identifier: ExtractedIdentifier;
}

export interface Span {
  readonly start: number;
  readonly end: number;
}

// Neither a digit, a letter nor a separator, so nothing matches across a masked span.
const MASK = '\u0001';

/** The text with every span overwritten, same length, so offsets stay valid. */
export function maskSpans(text: string, spans: readonly Span[]): string {
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const { start, end } of [...spans].sort((a, b) => a.start - b.start)) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    out += text.slice(at, from) + MASK.repeat(end - from);
    at = end;
  }
  return out + text.slice(at);
}

export function withRaw(identifier: NormalisedIdentifier, raw: string): ExtractedIdentifier {
  return { ...identifier, raw };
}
