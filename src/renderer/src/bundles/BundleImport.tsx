// A dropped or picked .casebundle: staged, verified (who signed it, whether we trust them,
// what is wrong with it), then imported as a job on request. Below: every bundle imported so far
// with its provenance.

import { useId } from 'react';
import type { ApiError, BundleCheck } from '../../../common/api';
import { ErrorNotice } from '../app/ErrorNotice';
import { ResourceState } from '../app/ResourceState';
import { useApi, useDataVersion, useJobs, useJobTracker } from '../app/ServicesContext';
import { useApiResource } from '../app/use-api-resource';
import { useI18n } from '../i18n/I18nContext';
import { JobProgressBar } from '../jobs/JobProgressBar';
import { bundleProblemText } from './bundle-problem-text';
import { showFingerprint } from './fingerprint';

export type BundleStage =
  | { readonly step: 'staging'; readonly name: string }
  | { readonly step: 'verifying'; readonly name: string; readonly path: string }
  | { readonly step: 'checked'; readonly name: string; readonly path: string; readonly check: BundleCheck }
  | { readonly step: 'starting'; readonly name: string; readonly check: BundleCheck }
  | { readonly step: 'job'; readonly name: string; readonly check: BundleCheck; readonly jobId: string }
  | { readonly step: 'error'; readonly name: string; readonly error: ApiError };

export function isBundleFile(file: File): boolean {
  return file.name.toLowerCase().endsWith('.casebundle');
}

function Problem({ problem }: { readonly problem: string }) {
  const { m } = useI18n();
  const { text, translated } = bundleProblemText(problem, m);
  return translated ? <li title={problem}>{text}</li> : <li lang="en">{text}</li>;
}

/** The problems in the sentence a rejected import ends with ("bundle rejected, nothing was stored: a; b"). */
function rejectedProblems(message: string): readonly string[] {
  const prefix = 'bundle rejected, nothing was stored: ';
  return message.startsWith(prefix)
    ? message
        .slice(prefix.length)
        .split('; ')
        .filter((p) => p !== '')
    : [];
}

function SignerLine({ check }: { readonly check: BundleCheck }) {
  const { m } = useI18n();
  if (check.signer === 'trusted') {
    return (
      <p className="signer signer-trusted" data-testid="bundle-signer">
        <span aria-hidden="true">✔ </span>
        {m['bundle.signerTrusted'](check.signerName ?? '')}
      </p>
    );
  }
  if (check.signer === 'self-consistent') {
    return (
      <p className="signer signer-unknown" data-testid="bundle-signer">
        <span aria-hidden="true">⚠ </span>
        {m['bundle.signerUnknown']}
      </p>
    );
  }
  return (
    <p className="signer signer-invalid" data-testid="bundle-signer">
      <span aria-hidden="true">✖ </span>
      {m['bundle.signerInvalid']}
    </p>
  );
}

function CheckPanel({ check }: { readonly check: BundleCheck }) {
  const { m, fmt } = useI18n();
  return (
    <div className="bundle-check">
      <SignerLine check={check} />
      <dl className="facts facts-grid">
        <div className="fact">
          <dt>{m['bundle.bureau']}</dt>
          <dd>{check.bureau ?? '—'}</dd>
        </div>
        <div className="fact">
          <dt>{m['bundle.caseTitle']}</dt>
          <dd>{check.title ?? '—'}</dd>
        </div>
        <div className="fact">
          <dt>{m['cases.reports']}</dt>
          <dd className="num">{fmt.count(check.reports)}</dd>
        </div>
        <div className="fact">
          <dt>{m['case.redaction']}</dt>
          <dd>{check.redaction ? m[`redaction.${check.redaction}`] : '—'}</dd>
        </div>
        <div className="fact">
          <dt>{m['keys.fingerprint']}</dt>
          <dd className="mono break">{check.fingerprint ? showFingerprint(check.fingerprint) : '—'}</dd>
        </div>
      </dl>
      {check.problems.length > 0 ? (
        <div className="notice notice-error" role="alert">
          <p className="notice-text">{m['bundle.problems']}</p>
          <ul>
            {check.problems.map((problem) => (
              <Problem key={problem} problem={problem} />
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

export function BundleImport({ stage, onStage }: { readonly stage: BundleStage; readonly onStage: (stage: BundleStage | null) => void }) {
  const { m, fmt } = useI18n();
  const api = useApi();
  const tracker = useJobTracker();
  const jobs = useJobs();
  const id = useId();

  const running = stage.step === 'job' && jobs.running?.jobId === stage.jobId ? jobs.running : null;
  const found = stage.step === 'job' ? jobs.outcomes.get(stage.jobId) : undefined;
  const outcome = found?.kind === 'bundle' ? found : undefined;

  async function start(path: string, name: string, check: BundleCheck): Promise<void> {
    onStage({ step: 'starting', name, check });
    const started = await api.call('bundle.import', { file: path });
    if (!started.ok) {
      onStage({ step: 'error', name, error: started.error });
      return;
    }
    tracker.started(started.value.jobId, 'bundle');
    onStage({ step: 'job', name, check, jobId: started.value.jobId });
  }

  const check = 'check' in stage ? stage.check : null;
  return (
    <section className="panel" aria-labelledby={`${id}-heading`} data-testid="bundle-import">
      <h2 id={`${id}-heading`}>{m['bundle.title'](stage.name)}</h2>
      <div aria-live="polite">
        {stage.step === 'staging' ? <p>{m['bundle.staging']}</p> : null}
        {stage.step === 'verifying' ? <p>{m['bundle.verifying']}</p> : null}
        {stage.step === 'starting' ? <p>{m['import.starting']}</p> : null}
        {running ? <JobProgressBar progress={running} cancelLabel={m['bundle.cancel']} /> : null}
      </div>
      {check ? <CheckPanel check={check} /> : null}
      {stage.step === 'checked' ? (
        <div className="form-actions">
          {stage.check.intact ? (
            <button type="button" className="button button-primary" onClick={() => void start(stage.path, stage.name, stage.check)}>
              {m['bundle.import']}
            </button>
          ) : (
            <p className="notice notice-error">{m['bundle.cannotImport']}</p>
          )}
          <button type="button" className="button button-quiet" onClick={() => onStage(null)}>
            {m['bundle.discard']}
          </button>
        </div>
      ) : null}
      {stage.step === 'error' ? <ErrorNotice error={stage.error} /> : null}
      {outcome && !outcome.ok ? (
        outcome.error.code === 'cancelled' ? (
          <p className="notice notice-warn" role="status">
            {m['bundle.cancelled']}
          </p>
        ) : (
          <div data-testid="bundle-rejected" className="notice notice-error" role="alert">
            <p className="notice-text">{m['bundle.rejected']}</p>
            {rejectedProblems(outcome.error.message).length > 0 ? (
              <ul>
                {rejectedProblems(outcome.error.message).map((problem) => (
                  <Problem key={problem} problem={problem} />
                ))}
              </ul>
            ) : (
              <ErrorNotice error={outcome.error} />
            )}
          </div>
        )
      ) : null}
      {outcome?.ok ? (
        <div className="notice notice-ok" role="status" data-testid="bundle-imported">
          <p>
            {outcome.summary.alreadyImported
              ? m['bundle.already']
              : m['bundle.done'](fmt.count(outcome.summary.new), fmt.count(outcome.summary.updated), fmt.count(outcome.summary.unchanged))}
          </p>
          {outcome.summary.flow && !outcome.summary.alreadyImported ? (
            <p data-testid="bundle-imported-flow">
              {m['bundle.flowDone'](
                fmt.count(outcome.summary.flow.accounts),
                fmt.count(outcome.summary.flow.transactions),
                fmt.count(outcome.summary.flow.new),
              )}
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

/** Stage and verify a bundle file, reporting each step. */
export async function stageBundle(api: ReturnType<typeof useApi>, file: File, onStage: (stage: BundleStage) => void): Promise<void> {
  const name = file.name;
  onStage({ step: 'staging', name });
  const staged = await api.stageFiles([file]);
  if (!staged.ok) {
    onStage({ step: 'error', name, error: staged.error });
    return;
  }
  const path = staged.value[0] ?? '';
  onStage({ step: 'verifying', name, path });
  const verified = await api.call('bundle.verify', { file: path });
  if (!verified.ok) {
    onStage({ step: 'error', name, error: verified.error });
    return;
  }
  onStage({ step: 'checked', name, path, check: verified.value });
}

export function BundleProvenance() {
  const { m, fmt } = useI18n();
  const id = useId();
  const [resource, retry] = useApiResource('bundle.imports', {}, useDataVersion());
  if (resource.status === 'ok' && resource.value.length === 0) return null;
  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{m['bundle.provenance']}</h2>
      <ResourceState resource={resource} onRetry={retry} />
      {resource.status === 'ok' ? (
        <div className="table-scroll">
          <table className="table" data-testid="bundle-provenance">
            <caption className="visually-hidden">{m['bundle.provenance']}</caption>
            <thead>
              <tr>
                <th scope="col">{m['bundle.importedAt']}</th>
                <th scope="col">{m['bundle.bureau']}</th>
                <th scope="col">{m['bundle.caseTitle']}</th>
                <th scope="col">{m['bundle.signer']}</th>
                <th scope="col">{m['case.redaction']}</th>
                <th scope="col" className="num">
                  {m['cases.reports']}
                </th>
              </tr>
            </thead>
            <tbody>
              {resource.value.map((row) => (
                <tr key={row.manifestSha256}>
                  <td>{fmt.localDateTime(row.importedAt)}</td>
                  <td>{row.bureau}</td>
                  <td>{row.title ?? '—'}</td>
                  <td>
                    {row.trusted ? m['bundle.trusted'] : m['bundle.untrusted']}
                    <br />
                    <span className="mono small break">{showFingerprint(row.signerFingerprint)}</span>
                  </td>
                  <td>{m[`redaction.${row.redaction}`]}</td>
                  <td className="num">{fmt.count(row.reports)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
