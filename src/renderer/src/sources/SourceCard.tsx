// One feed: where it is, whether it has a token, how its last sync went (in a sentence chosen by
// the error code), the counts of that run, its history, and what can be done with it: sync now
// (with progress and Cancel), set or replace the token, remove it (after confirmation).

import { useId, useState, type FormEvent } from 'react';
import type { ApiError, FeedSourceView, JobOutcome } from '../../../common/api';
import { ErrorNotice } from '../app/ErrorNotice';
import { FormField } from '../app/FormField';
import { LockIcon } from '../app/Icons';
import { useApi, useJobs, useJobTracker, useSyncStatuses, useSyncTracker } from '../app/ServicesContext';
import { useI18n } from '../i18n/I18nContext';
import { RunHistory } from './RunHistory';
import { SyncCountList } from './SyncCounts';
import { SyncErrorNotice } from './SyncErrorNotice';
import { SyncProgressPanel } from './SyncProgressPanel';
import { tokenProblem } from './source-validation';

type Panel = 'none' | 'token' | 'remove';

function TokenForm({ source, onDone }: { readonly source: FeedSourceView; readonly onDone: () => void }) {
  const { m } = useI18n();
  const api = useApi();
  const id = useId();
  const [token, setToken] = useState('');
  const [checked, setChecked] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const problem = tokenProblem(token);

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setChecked(true);
    if (problem) return;
    const result = await api.call('sources.setToken', { sourceId: source.id, token });
    if (result.ok) onDone();
    else setError(result.error);
  }

  return (
    <form className="form source-subform" noValidate onSubmit={(event) => void onSubmit(event)}>
      <FormField
        id={`${id}-token`}
        label="sources.newToken"
        hint="sources.tokenHint"
        type="password"
        value={token}
        problem={checked ? problem : null}
        onChange={setToken}
      />
      <div className="form-actions">
        <button type="submit" className="button button-primary">
          {m['sources.saveToken']}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {m['sources.cancelEdit']}
        </button>
      </div>
      {error ? <ErrorNotice error={error} /> : null}
    </form>
  );
}

function RemoveConfirm({ source, onDone }: { readonly source: FeedSourceView; readonly onDone: () => void }) {
  const { m } = useI18n();
  const api = useApi();
  const [error, setError] = useState<ApiError | null>(null);

  async function remove(): Promise<void> {
    const result = await api.call('sources.remove', { sourceId: source.id });
    if (result.ok) onDone();
    else setError(result.error);
  }

  return (
    <div className="notice notice-warn source-subform" role="group" aria-label={m['sources.remove']}>
      <p>{m['sources.removeConfirm'](source.precinct)}</p>
      <div className="form-actions">
        <button type="button" className="button button-danger" onClick={() => void remove()}>
          {m['sources.removeYes']}
        </button>
        <button type="button" className="button" autoFocus onClick={onDone}>
          {m['sources.cancelEdit']}
        </button>
      </div>
      {error ? <ErrorNotice error={error} /> : null}
    </div>
  );
}

/** What this card's last started sync ended with, when it ended unusually (cancelled, stopped early, broke). */
function OutcomeNotice({ outcome }: { readonly outcome: JobOutcome | undefined }) {
  const { m } = useI18n();
  if (!outcome || outcome.kind !== 'sync') return null;
  if (!outcome.ok) return <ErrorNotice error={outcome.error} />;
  if (outcome.summary.status === 'cancelled') return <p className="notice notice-warn">{m['sources.cancelled']}</p>;
  if (outcome.summary.status === 'more') return <p className="notice notice-warn">{m['sources.more']}</p>;
  return null;
}

export function SourceCard({ source }: { readonly source: FeedSourceView }) {
  const { m, fmt } = useI18n();
  const api = useApi();
  const jobs = useJobs();
  const jobTracker = useJobTracker();
  const syncTracker = useSyncTracker();
  const status = useSyncStatuses().get(source.id);
  const headingId = useId();
  const [panel, setPanel] = useState<Panel>('none');
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<ApiError | null>(null);
  const [lastJobId, setLastJobId] = useState<string | null>(null);

  const running = status !== undefined;
  const outcome = lastJobId === null ? undefined : jobs.outcomes.get(lastJobId);

  async function syncNow(): Promise<void> {
    setStarting(true);
    setStartError(null);
    const result = await api.call('sync.start', { sourceId: source.id });
    setStarting(false);
    if (!result.ok) {
      setStartError(result.error);
      return;
    }
    setLastJobId(result.value.jobId);
    jobTracker.started(result.value.jobId, 'sync');
    syncTracker.started(result.value.jobId, source.id);
  }

  const lastRun = source.lastRun;
  return (
    <article className="panel source-card" aria-labelledby={headingId} data-testid="source-card">
      <h3 id={headingId}>{m['sources.feedTitle'](source.precinct)}</h3>
      <p className="mono break">{source.url}</p>
      <dl className="source-facts">
        <div>
          <dt>{m['sources.token']}</dt>
          <dd>
            <LockIcon /> {source.hasToken ? m['sources.tokenSet'] : m['sources.tokenMissing']}
          </dd>
        </div>
        <div>
          <dt>{m['sources.lastSync']}</dt>
          <dd>{source.lastRunAt ? fmt.localDateTime(source.lastRunAt) : m['sources.never']}</dd>
        </div>
        <div>
          <dt>{m['sources.status']}</dt>
          <dd data-testid="source-status">{running ? m['syncStatus.running'] : lastRun ? m[`syncStatus.${lastRun.status}`] : '—'}</dd>
        </div>
      </dl>

      <div aria-live="polite">
        {status ? <SyncProgressPanel status={status} /> : null}
        {!running && source.lastError ? <SyncErrorNotice error={source.lastError} /> : null}
        {!running ? <OutcomeNotice outcome={outcome} /> : null}
        {!running && lastRun && lastRun.status !== 'running' ? <SyncCountList counts={lastRun} label={m['sources.lastCounts']} /> : null}
      </div>

      <div className="form-actions source-actions">
        {!running ? (
          <button type="button" className="button button-primary" disabled={starting || !source.hasToken} onClick={() => void syncNow()}>
            {starting ? m['sources.starting'] : m['sources.syncNow']}
          </button>
        ) : null}
        <button
          type="button"
          className="button"
          aria-expanded={panel === 'token'}
          onClick={() => setPanel(panel === 'token' ? 'none' : 'token')}
        >
          {source.hasToken ? m['sources.replaceToken'] : m['sources.setToken']}
        </button>
        <button
          type="button"
          className="button"
          aria-expanded={panel === 'remove'}
          disabled={running}
          onClick={() => setPanel(panel === 'remove' ? 'none' : 'remove')}
        >
          {m['sources.remove']}
        </button>
      </div>
      {startError ? <ErrorNotice error={startError} /> : null}
      {panel === 'token' ? <TokenForm source={source} onDone={() => setPanel('none')} /> : null}
      {panel === 'remove' ? <RemoveConfirm source={source} onDone={() => setPanel('none')} /> : null}

      <details className="source-history">
        <summary>{m['sources.history']}</summary>
        <RunHistory sourceId={source.id} />
      </details>
    </article>
  );
}
