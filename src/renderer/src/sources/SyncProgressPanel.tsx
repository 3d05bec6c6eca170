// A running sync: an indeterminate bar (the feed never says how much is left), the page and
// counts so far, a visible countdown while it waits before a retry, and Cancel.

import { useEffect, useId, useState } from 'react';
import type { ApiError } from '../../../common/api';
import { ErrorNotice } from '../app/ErrorNotice';
import { useApi } from '../app/ServicesContext';
import { useI18n } from '../i18n/I18nContext';
import { SyncCountList } from './SyncCounts';
import type { SyncStatus } from './sync-status';

/** Seconds left of a wait, ticking once a second while there is one. */
function useSecondsLeft(status: SyncStatus): number | null {
  const [now, setNow] = useState(() => Date.now());
  const waiting = status.waiting;
  useEffect(() => {
    if (waiting === null) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [waiting]);
  if (waiting === null) return null;
  return Math.max(0, Math.ceil((waiting.ms - (now - status.since)) / 1000));
}

export function SyncProgressPanel({ status }: { readonly status: SyncStatus }) {
  const { m, fmt } = useI18n();
  const api = useApi();
  const labelId = useId();
  const [cancelling, setCancelling] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const secondsLeft = useSecondsLeft(status);
  const { waiting } = status;

  async function cancel(): Promise<void> {
    setCancelling(true);
    setError(null);
    const result = await api.call('job.cancel', { jobId: status.jobId });
    if (!result.ok) {
      setError(result.error);
      setCancelling(false);
    }
  }

  return (
    <div className="sync-progress" data-testid="sync-progress">
      <div className="job">
        <span id={labelId} className="job-label">
          {m['sources.progress']}
        </span>
        <progress className="progress" aria-labelledby={labelId} />
        <span className="job-count num">{m['sources.progressText'](fmt.count(status.page), fmt.count(status.counts?.received ?? 0))}</span>
        <button type="button" className="button button-small" disabled={cancelling} onClick={() => void cancel()}>
          {cancelling ? m['sources.cancelling'] : m['sources.cancel']}
        </button>
      </div>
      {waiting !== null && secondsLeft !== null ? (
        <p className="notice notice-warn sync-waiting" role="status">
          {/^HTTP (429|503), Retry-After$/.test(waiting.reason)
            ? m['sources.waitingServer'](fmt.count(secondsLeft))
            : m['sources.waitingRetry'](
                fmt.count(secondsLeft),
                /^HTTP \d{3}$/.test(waiting.reason) ? waiting.reason : m['reason.connection'],
              )}
        </p>
      ) : null}
      {status.counts ? <SyncCountList counts={status.counts} label={m['sources.progress']} /> : null}
      {error ? <ErrorNotice error={error} /> : null}
    </div>
  );
}
