// The counts of a sync, as a list of labelled numbers.

import type { SyncCounts } from '../../../common/api';
import { useI18n } from '../i18n/I18nContext';
import type { TextKey } from '../i18n/messages';

const COUNTS: readonly { readonly key: keyof SyncCounts; readonly label: TextKey }[] = [
  { key: 'pages', label: 'count.pages' },
  { key: 'received', label: 'count.received' },
  { key: 'new', label: 'count.new' },
  { key: 'updated', label: 'count.updated' },
  { key: 'unchanged', label: 'count.unchanged' },
  { key: 'withdrawn', label: 'count.withdrawn' },
  { key: 'quarantined', label: 'count.quarantined' },
];

export function SyncCountList({ counts, label }: { readonly counts: SyncCounts; readonly label: string }) {
  const { m, fmt } = useI18n();
  return (
    <div role="group" aria-label={label}>
      <dl className="stats stats-compact">
        {COUNTS.map(({ key, label: name }) => (
          <div
            key={key}
            className={`stat${key === 'quarantined' && counts.quarantined > 0 ? ' stat-warn' : ''}`}
            data-testid={`count-${key}`}
          >
            <dt>{m[name]}</dt>
            <dd className="num">{fmt.count(counts[key])}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
