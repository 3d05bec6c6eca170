// #/welcome — the empty store's first screen: what Casegraph is, and two ways to fill it.

import { useEffect, useState } from 'react';
import type { ApiError, StoreInfo } from '../../../common/api';
import { ErrorNotice } from '../app/ErrorNotice';
import { navigate } from '../app/navigation';
import { useApi, useJobs, useJobTracker } from '../app/ServicesContext';
import type { Resource } from '../app/use-api-resource';
import { useI18n } from '../i18n/I18nContext';
import { JobProgressBar } from '../jobs/JobProgressBar';

const DEMO_REPORTS = 5000;

export function WelcomeView({ info }: { readonly info: Resource<StoreInfo> }) {
  const { m, fmt } = useI18n();
  const api = useApi();
  const tracker = useJobTracker();
  const jobs = useJobs();
  const [jobId, setJobId] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<ApiError | null>(null);

  const found = jobId === null ? undefined : jobs.outcomes.get(jobId);
  const outcome = found?.kind === 'import' || found?.kind === 'demo' ? found : undefined;
  const running = jobId !== null && jobs.running?.jobId === jobId ? jobs.running : null;
  const finishedOk = outcome?.ok === true && !outcome.summary.cancelled;
  const cancelled = outcome?.ok === true && outcome.summary.cancelled;

  useEffect(() => {
    if (finishedOk) navigate('#/reports');
  }, [finishedOk]);

  async function startDemo(): Promise<void> {
    setStarting(true);
    setStartError(null);
    const result = await api.call('demo.start', { reports: DEMO_REPORTS });
    setStarting(false);
    if (!result.ok) {
      setStartError(result.error);
      return;
    }
    tracker.started(result.value.jobId, 'demo');
    setJobId(result.value.jobId);
  }

  const busy = starting || running !== null;
  const storeHasReports = info.status === 'ok' && info.value.reports > 0;

  return (
    <div className="view view-welcome">
      <section className="welcome-card" aria-labelledby="welcome-heading">
        <h1 id="welcome-heading">{m['welcome.title']}</h1>
        <p className="welcome-body">{m['welcome.body']}</p>
        {storeHasReports && !busy ? (
          <p className="notice">
            {m['welcome.notEmpty'](info.value.reports, fmt.count(info.value.reports))} <a href="#/reports">{m['welcome.toReports']}</a>
          </p>
        ) : null}
        <div className="welcome-actions">
          <div className="welcome-action">
            <button type="button" className="button button-primary" disabled={busy} onClick={() => void startDemo()}>
              {m['welcome.demo']}
            </button>
            <p className="muted small">{m['welcome.demoHint'](DEMO_REPORTS, fmt.count(DEMO_REPORTS))}</p>
          </div>
          <div className="welcome-action">
            <a className="button" href="#/import">
              {m['welcome.import']}
            </a>
            <p className="muted small">{m['import.formats']}</p>
          </div>
        </div>
        {starting ? <p className="muted">{m['welcome.demoRunning']}</p> : null}
        {running ? <JobProgressBar progress={running} /> : null}
        {startError ? <ErrorNotice error={startError} /> : null}
        {outcome && !outcome.ok ? <ErrorNotice error={outcome.error} /> : null}
        {cancelled ? (
          <p className="notice notice-warn" role="status">
            {m['welcome.demoCancelled']}
          </p>
        ) : null}
      </section>
    </div>
  );
}
