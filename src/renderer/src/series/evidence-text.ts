// One evidence term (the engine's, on a link or a suggestion) in the UI language: what it says,
// and its contribution in bits (log2 of its Bayes factor), signed: "+4.1 bits", "-11.2 bits".
// Pure, so it is tested without a browser; EvidenceTerms.tsx draws the list with a bar per term.

import type { LinkEvidence } from '../../../common/api';
import { NEAR_IDENTICAL_TEXT, signedBits } from '../../../common/evidence-format';
import type { Category, IdentifierKind } from '../../../common/model';
import type { I18n } from '../i18n/I18nContext';
import type { Messages } from '../i18n/messages';

const kindName = (kind: string, m: Messages): string => m[`kind.${kind as IdentifierKind}`] ?? kind;
const categoryName = (code: string, m: Messages): string => m[`category.${code as Category}`] ?? code;

/** Categories as the engine may list them for a disagreement ("loan/part_time_job"), each named. */
const categoriesText = (codes: string, m: Messages): string =>
  codes
    .split(/[/,|]/)
    .map((c) => c.trim())
    .filter((c) => c !== '')
    .map((c) => categoryName(c, m))
    .join(m['seriesList.sep']);

/** Notes after a term, after a dot: where the value was found, how many groups carry it, marked wrong. */
function withNotes(text: string, notes: readonly (string | null)[], m: Messages): string {
  const shown = notes.filter((n): n is string => n !== null);
  return shown.length === 0 ? text : `${text} · ${shown.join(m['seriesList.sep'])}`;
}

export function evidenceText(e: LinkEvidence, { m, fmt }: I18n): string {
  const groups = (n: number | undefined): string | null => (n === undefined ? null : m['evidence.groups'](n, fmt.count(n)));
  switch (e.type) {
    case 'identifier':
      return withNotes(
        m['evidence.identifier'](kindName(e.kind, m), e.value),
        [
          e.origin !== undefined && e.origin !== 'reported' ? m[`evidence.origin.${e.origin}`] : null,
          groups(e.groups),
          e.wrong ? m['evidence.markedWrong'] : null,
        ],
        m,
      );
    case 'domain':
      return m['evidence.domain'](e.domain);
    case 'text': {
      const percent = fmt.count(Math.round(e.similarity * 100));
      return withNotes(
        e.similarity >= NEAR_IDENTICAL_TEXT ? m['evidence.textNear'](percent) : m['evidence.text'](percent),
        [groups(e.groups)],
        m,
      );
    }
    case 'category_time':
      return m['evidence.categoryTime'](categoryName(e.category, m), fmt.count(e.days));
    case 'category':
      return e.same ? m['evidence.category'](categoryName(e.category, m)) : m['evidence.categoryDiffers'](categoriesText(e.category, m));
    case 'brand':
      return withNotes(m['evidence.brand'](e.brand), [groups(e.groups)], m);
    case 'sender':
      return m['evidence.sender'](e.pattern);
    case 'prior':
      return m['evidence.prior'](fmt.count(e.groups));
    case 'bridge':
      return m['evidence.bridge'](fmt.count(e.sides[0] ?? 0), fmt.count(e.sides[1] ?? 0));
    case 'correction':
      return m['evidence.correction'](fmt.count(e.correction));
  }
}

/** A term's (or a link's) bits in words: "+4.1 bits" / "+4.1 比特". */
export function bitsText(bits: number, m: Messages): string {
  return m['evidence.bits'](signedBits(bits));
}

/** How long each term's bar is, as a percentage of the strongest term's (either sign). */
export function barWidths(evidence: readonly LinkEvidence[]): number[] {
  const max = Math.max(0, ...evidence.map((e) => Math.abs(e.weight)));
  return evidence.map((e) => (max === 0 ? 0 : Math.round((Math.abs(e.weight) / max) * 100)));
}
