// A rejection reason from the engines, in the UI language (see reason-text.ts); a sentence the
// UI does not know is shown as sent, marked as English for screen readers.

import { useI18n } from './I18nContext';
import { reasonText } from './reason-text';

export function ReasonText({ reason }: { readonly reason: string }) {
  const { m } = useI18n();
  const { text, translated } = reasonText(reason, m);
  return translated ? <span title={`${m['reason.original']}: ${reason}`}>{text}</span> : <span lang="en">{text}</span>;
}
