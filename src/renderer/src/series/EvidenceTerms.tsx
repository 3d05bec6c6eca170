// The evidence on a link or a suggestion, one term a line: what it says, a bar for its weight
// (to the right for evidence for, to the left against, as long as its share of the strongest
// term) and its bits in words, so the bar's colour and direction are never the only signal.

import type { LinkEvidence } from '../../../common/api';
import { useI18n } from '../i18n/I18nContext';
import { barWidths, bitsText, evidenceText } from './evidence-text';

export function EvidenceTerms({ evidence }: { readonly evidence: readonly LinkEvidence[] }) {
  const i18n = useI18n();
  const widths = barWidths(evidence);
  return (
    <ul className="evidence-terms">
      {evidence.map((e, i) => (
        <li key={i} className="evidence-term">
          <span className="evidence-term-text">{evidenceText(e, i18n)}</span>
          <span className={e.weight < 0 ? 'evidence-bar evidence-bar-against' : 'evidence-bar evidence-bar-for'} aria-hidden="true">
            <span className="evidence-bar-half">
              {e.weight < 0 ? <span className="evidence-bar-fill" style={{ width: `${widths[i] ?? 0}%` }} /> : null}
            </span>
            <span className="evidence-bar-half">
              {e.weight >= 0 ? <span className="evidence-bar-fill" style={{ width: `${widths[i] ?? 0}%` }} /> : null}
            </span>
          </span>
          <span className="evidence-term-bits num">{bitsText(e.weight, i18n.m)}</span>
        </li>
      ))}
    </ul>
  );
}
