// "Export bundle": a signed case bundle of one of the case's series, optionally with the victims'
// data redacted. Electron asks where to save it; the browser host offers a download when done.
// Progress and cancel come from the job events like every long job.

import { useId, useState } from 'react';
import type { ApiError } from '../../../common/api';
import { ErrorNotice } from '../app/ErrorNotice';
import { useApi, useJobs, useJobTracker } from '../app/ServicesContext';
import { formatBytes } from '../format/bytes';
import { useI18n } from '../i18n/I18nContext';
import { JobProgressBar } from '../jobs/JobProgressBar';

type Stage =
  | { readonly step: 'idle' }
  | { readonly step: 'starting' }
  | { readonly step: 'job'; readonly jobId: string }
  | { readonly step: 'error'; readonly error: ApiError };

export function ExportBundlePanel({ caseId, series }: { readonly caseId: string; readonly series: readonly string[] }) {
  const { m, fmt, language } = useI18n();
  const api = useApi();
  const tracker = useJobTracker();
  const jobs = useJobs();
  const id = useId();
  const [seriesId, setSeriesId] = useState(series[0] ?? '');
  const [redact, setRedact] = useState(true);
  const [stage, setStage] = useState<Stage>({ step: 'idle' });

  const chosen = series.includes(seriesId) ? seriesId : (series[0] ?? '');
  const running = stage.step === 'job' && jobs.running?.jobId === stage.jobId ? jobs.running : null;
  const found = stage.step === 'job' ? jobs.outcomes.get(stage.jobId) : undefined;
  const outcome = found?.kind === 'export' ? found : undefined;
  const busy = stage.step === 'starting' || running !== null || (stage.step === 'job' && outcome === undefined);

  async function start(): Promise<void> {
    if (chosen === '') return;
    setStage({ step: 'starting' });
    const target = await api.chooseSaveFile(`${chosen}${redact ? '-redacted' : ''}.casebundle`);
    if (!target.ok) {
      setStage({ step: 'error', error: target.error });
      return;
    }
    if (target.value === null) {
      setStage({ step: 'idle' }); // the investigator closed the save dialog
      return;
    }
    const file = target.value === 'download' ? {} : { file: target.value.path };
    const started = await api.call('bundle.export', { seriesId: chosen, caseId, redact, ...file });
    if (!started.ok) {
      setStage({ step: 'error', error: started.error });
      return;
    }
    tracker.started(started.value.jobId, 'export');
    setStage({ step: 'job', jobId: started.value.jobId });
  }

  const summary = outcome?.ok ? outcome.summary : null;
  const href = summary?.downloadId ? api.downloadUrl(summary.downloadId) : null;

  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{m['export.title']}</h2>
      <p className="muted">{m['export.intro']}</p>
      <div className="form-row">
        {series.length > 1 ? (
          <div className="field">
            <label className="field-label" htmlFor={`${id}-series`}>
              {m['export.series']}
            </label>
            <select
              id={`${id}-series`}
              className="input mono"
              value={chosen}
              onChange={(event) => setSeriesId(event.target.value)}
              disabled={busy}
            >
              {series.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <label className="check">
          <input type="checkbox" checked={redact} onChange={(event) => setRedact(event.target.checked)} disabled={busy} />
          <span>{m['export.redact']}</span>
        </label>
        <button type="button" className="button button-primary" disabled={busy || chosen === ''} onClick={() => void start()}>
          {m['export.start']}
        </button>
      </div>
      <p className="hint">{redact ? m['export.redactHint'] : m['export.fullHint']}</p>
      <div aria-live="polite">
        {stage.step === 'starting' ? <p>{m['export.starting']}</p> : null}
        {running ? <JobProgressBar progress={running} cancelLabel={m['export.cancel']} /> : null}
      </div>
      {stage.step === 'error' ? <ErrorNotice error={stage.error} /> : null}
      {outcome && !outcome.ok ? (
        outcome.error.code === 'cancelled' ? (
          <p className="notice notice-warn" role="status">
            {m['export.cancelled']}
          </p>
        ) : (
          <ErrorNotice error={outcome.error} />
        )
      ) : null}
      {summary ? (
        <div className="notice notice-ok" role="status">
          <p>{m['export.done'](fmt.count(summary.reports), formatBytes(summary.bytes, language), m[`redaction.${summary.redaction}`])}</p>
          {href !== null ? (
            <p>
              {/* The server names the file (Content-Disposition). */}
              <a className="button button-primary" href={href} download data-testid="bundle-download">
                {m['export.download']}
              </a>
            </p>
          ) : (
            <p>
              {m['export.savedTo']} <span className="mono break">{summary.file}</span>
            </p>
          )}
          <p className="small muted">
            {m['export.sha']} <span className="mono break">{summary.manifestSha256}</span>
          </p>
        </div>
      ) : null}
    </section>
  );
}
