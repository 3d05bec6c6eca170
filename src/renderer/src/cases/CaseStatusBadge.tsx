// A case's status as a word with a mark: the colour only repeats what the text says.

import type { CaseStatus } from '../../../common/api';
import { useI18n } from '../i18n/I18nContext';

export function CaseStatusBadge({ status }: { readonly status: CaseStatus }) {
  const { m } = useI18n();
  return <span className={`badge badge-case badge-case-${status}`}>{m[`caseStatus.${status}`]}</span>;
}
