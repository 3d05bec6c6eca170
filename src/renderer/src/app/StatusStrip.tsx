// The strip along the bottom: which store is open, how many reports it holds, and the job
// that is running, with its progress and a cancel button.

import type { StoreInfo } from '../../../common/api';
import { useI18n } from '../i18n/I18nContext';
import { JobProgressBar } from '../jobs/JobProgressBar';
import { useJobs } from './ServicesContext';
import type { Resource } from './use-api-resource';

export function StatusStrip({ info }: { readonly info: Resource<StoreInfo> }) {
  const { m, fmt } = useI18n();
  const { running } = useJobs();
  return (
    <footer className="status-strip" aria-label={m['status.label']}>
      {info.status === 'ok' ? (
        <>
          <span className="status-item status-store" title={info.value.path}>
            <span className="status-key">{m['status.store']}</span>
            <span className="mono status-path">{info.value.path}</span>
          </span>
          <span className="status-item" data-testid="status-report-count">
            {m['status.reports'](info.value.reports, fmt.count(info.value.reports))}
          </span>
        </>
      ) : (
        <span className="status-item muted">{info.status === 'loading' ? m['common.loading'] : m['status.unavailable']}</span>
      )}
      <span className="status-spacer" />
      {running ? <JobProgressBar progress={running} compact /> : null}
    </footer>
  );
}
