// A running job: what it is, a progress bar (indeterminate while the total is unknown), the
// count so far, and a cancel button. Cancelling keeps what was already committed.

import { useId, useState } from 'react';
import type { ApiError, JobProgress } from '../../../common/api';
import { ErrorNotice } from '../app/ErrorNotice';
import { useApi } from '../app/ServicesContext';
import { useI18n } from '../i18n/I18nContext';

export interface JobProgressBarProps {
  readonly progress: JobProgress;
  /** Accessible name of the cancel button; defaults to "Cancel job". */
  readonly cancelLabel?: string;
  readonly compact?: boolean;
}

export function JobProgressBar({ progress, cancelLabel, compact = false }: JobProgressBarProps) {
  const { m, fmt } = useI18n();
  const api = useApi();
  const labelId = useId();
  const [cancelling, setCancelling] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const { total, done } = progress;
  const label = m[`job.${progress.kind}`];

  async function cancel(): Promise<void> {
    setCancelling(progress.jobId);
    setError(null);
    const result = await api.call('job.cancel', { jobId: progress.jobId });
    if (!result.ok) {
      setError(result.error);
      setCancelling(null);
    }
  }

  const isCancelling = cancelling === progress.jobId;
  return (
    <div className={compact ? 'job job-compact' : 'job'}>
      <span id={labelId} className="job-label">
        {label}
      </span>
      <progress
        className="progress"
        aria-labelledby={labelId}
        value={total === null ? undefined : Math.min(done, total)}
        max={total === null ? undefined : Math.max(total, 1)}
      />
      <span className="job-count num">{m['job.count'](fmt.count(done), total === null ? null : fmt.count(total))}</span>
      <button type="button" className="button button-small" disabled={isCancelling} onClick={() => void cancel()}>
        {isCancelling ? m['job.cancelling'] : (cancelLabel ?? m['job.cancel'])}
      </button>
      {error ? <ErrorNotice error={error} /> : null}
    </div>
  );
}
