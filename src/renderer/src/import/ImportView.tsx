// #/import — files in (drop or pick) → stageFiles → import.start → progress → summary.
// A .casebundle goes through verification first (BundleImport); bank statements (chosen, or any
// .xlsx) go to statements.import, with their own summary.

import { useState } from 'react';
import type { ApiError } from '../../../common/api';
import { ErrorNotice } from '../app/ErrorNotice';
import { BundleImport, BundleProvenance, isBundleFile, stageBundle, type BundleStage } from '../bundles/BundleImport';
import { useApi, useJobs, useJobTracker } from '../app/ServicesContext';
import { useI18n } from '../i18n/I18nContext';
import { JobProgressBar } from '../jobs/JobProgressBar';
import type { JobTracker } from '../jobs/job-tracker';
import { DropZone } from './DropZone';
import { ImportSummaryPanel } from './ImportSummaryPanel';
import { StatementSummary } from './StatementSummary';

type Kind = 'reports' | 'statements';
const isWorkbook = (f: File): boolean => /\.xlsx$/i.test(f.name);

type Stage =
  | { readonly step: 'idle' }
  | { readonly step: 'staging'; readonly count: number }
  | { readonly step: 'starting' }
  | { readonly step: 'job'; readonly jobId: string }
  | { readonly step: 'error'; readonly error: ApiError };

/** Coming back to this screen shows the running import, or the last one's result. */
function initialStage(tracker: JobTracker): Stage {
  const { running } = tracker.getSnapshot();
  if (running?.kind === 'import' || running?.kind === 'statements') return { step: 'job', jobId: running.jobId };
  const latest = tracker.latest('import') ?? tracker.latest('statements');
  return latest ? { step: 'job', jobId: latest.jobId } : { step: 'idle' };
}

export function ImportView() {
  const { m, fmt } = useI18n();
  const api = useApi();
  const tracker = useJobTracker();
  const jobs = useJobs();
  const [stage, setStage] = useState<Stage>(() => initialStage(tracker));
  const [bundle, setBundle] = useState<BundleStage | null>(null);
  const [kind, setKind] = useState<Kind>('reports');

  const running = stage.step === 'job' && jobs.running?.jobId === stage.jobId ? jobs.running : null;
  const found = stage.step === 'job' ? jobs.outcomes.get(stage.jobId) : undefined;
  const outcome = found?.kind === 'import' || found?.kind === 'demo' ? found : undefined;
  const statements = found?.kind === 'statements' ? found : undefined;
  const bundleBusy =
    bundle !== null &&
    (bundle.step === 'staging' ||
      bundle.step === 'verifying' ||
      bundle.step === 'starting' ||
      (bundle.step === 'job' && !jobs.outcomes.has(bundle.jobId)));
  const busy = stage.step === 'staging' || stage.step === 'starting' || running !== null || bundleBusy;

  async function importFiles(files: readonly File[]): Promise<void> {
    // A case bundle from another bureau is checked first and imported on request.
    const bundleFile = files.find(isBundleFile);
    if (bundleFile) {
      setStage({ step: 'idle' });
      await stageBundle(api, bundleFile, setBundle);
      return;
    }
    setBundle(null);
    // A workbook is a bank's answer: reports never come as xlsx.
    const asStatements = kind === 'statements' || files.some(isWorkbook);
    if (asStatements) setKind('statements');
    setStage({ step: 'staging', count: files.length });
    const staged = await api.stageFiles(files);
    if (!staged.ok) {
      setStage({ step: 'error', error: staged.error });
      return;
    }
    setStage({ step: 'starting' });
    const started = await api.call(asStatements ? 'statements.import' : 'import.start', { files: staged.value });
    if (!started.ok) {
      setStage({ step: 'error', error: started.error });
      return;
    }
    tracker.started(started.value.jobId, asStatements ? 'statements' : 'import');
    setStage({ step: 'job', jobId: started.value.jobId });
  }

  return (
    <div className="view view-import">
      <header className="view-header">
        <h1>{m['import.title']}</h1>
      </header>
      <p className="lead">{m['import.intro']}</p>
      <fieldset className="choice-group" disabled={busy}>
        <legend>{m['import.kind']}</legend>
        {(['reports', 'statements'] as const).map((k) => (
          <label key={k} className="choice">
            <input type="radio" name="import-kind" value={k} checked={kind === k} onChange={() => setKind(k)} /> {m[`import.kind.${k}`]}
          </label>
        ))}
      </fieldset>
      {kind === 'statements' ? <p className="muted small">{m['import.statements.hint']}</p> : null}
      <DropZone disabled={busy} onFiles={(files) => void importFiles(files)} />
      <div aria-live="polite" className="import-progress">
        {stage.step === 'staging' ? <p>{m['import.staging'](stage.count, fmt.count(stage.count))}</p> : null}
        {stage.step === 'starting' ? <p>{m['import.starting']}</p> : null}
        {running ? <JobProgressBar progress={running} cancelLabel={m['import.cancel']} /> : null}
      </div>
      {bundle ? <BundleImport stage={bundle} onStage={setBundle} /> : null}
      {bundle === null && jobs.running?.kind === 'bundle' ? (
        <JobProgressBar progress={jobs.running} cancelLabel={m['bundle.cancel']} />
      ) : null}
      {stage.step === 'error' ? <ErrorNotice error={stage.error} /> : null}
      {outcome && !outcome.ok ? (
        outcome.error.code === 'cancelled' ? (
          <p className="notice notice-warn" role="status">
            {m['import.cancelled']}
          </p>
        ) : (
          <section aria-label={m['import.failed']}>
            <ErrorNotice error={outcome.error} />
          </section>
        )
      ) : null}
      {outcome?.ok && outcome.summary.cancelled ? (
        <p className="notice notice-warn" role="status">
          {m['import.cancelled']}
        </p>
      ) : null}
      {outcome?.ok ? <ImportSummaryPanel summary={outcome.summary} /> : null}
      {statements && !statements.ok ? (
        <section aria-label={m['import.failed']}>
          <ErrorNotice error={statements.error} />
        </section>
      ) : null}
      {statements?.ok ? <StatementSummary summary={statements.summary} /> : null}
      {outcome?.ok && outcome.summary.rejected > 0 ? null : (
        <p className="small">
          <a href="#/import/quarantine">{m['import.quarantineLink']}</a>
        </p>
      )}
      <BundleProvenance />
    </div>
  );
}
