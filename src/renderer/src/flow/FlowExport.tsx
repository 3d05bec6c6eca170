// Exporting the money flow from the workspace: the series' whole flow, or the trace from the
// selected account, as an Excel workbook (accounts, flows, totals), a CSV of the flows or GraphML.
// The desktop app asks where to save it; the browser host offers the file as a download.

import { useId, useState } from 'react';
import type { ApiError, FlowExportView } from '../../../common/api';
import { ErrorNotice } from '../app/ErrorNotice';
import { useApi } from '../app/ServicesContext';
import { useI18n } from '../i18n/I18nContext';

type Format = FlowExportView['format'];
const FORMATS: readonly Format[] = ['xlsx', 'csv', 'graphml'];

type Stage =
  | { readonly step: 'idle' }
  | { readonly step: 'busy' }
  | { readonly step: 'done'; readonly view: FlowExportView }
  | { readonly step: 'error'; readonly error: ApiError };

export function FlowExport({ seriesId, account }: { readonly seriesId: string; readonly account: string | null }) {
  const { m, fmt } = useI18n();
  const api = useApi();
  const id = useId();
  const [format, setFormat] = useState<Format>('xlsx');
  const [scope, setScope] = useState<'series' | 'account'>('series');
  const [stage, setStage] = useState<Stage>({ step: 'idle' });
  const traced = scope === 'account' && account !== null ? account : null;

  async function start(): Promise<void> {
    setStage({ step: 'busy' });
    const safe = (s: string) => s.replace(/[^\w.-]/g, '_');
    const name = `${safe(seriesId)}-${traced ? `trace-${safe(traced)}` : 'flow'}.${format}`;
    const target = await api.chooseSaveFile(name);
    if (!target.ok) return setStage({ step: 'error', error: target.error });
    if (target.value === null) return setStage({ step: 'idle' }); // the save dialog was closed
    const r = await api.call('flow.export', {
      seriesId,
      format,
      ...(traced ? { account: traced } : {}),
      ...(target.value === 'download' ? {} : { file: target.value.path }),
    });
    setStage(r.ok ? { step: 'done', view: r.value } : { step: 'error', error: r.error });
  }

  const done = stage.step === 'done' ? stage.view : null;
  const href = done?.downloadId ? api.downloadUrl(done.downloadId) : null;
  return (
    <div className="flow-export" data-testid="flow-export">
      <h3 id={`${id}-h`}>{m['flow.export']}</h3>
      <p className="muted small">{m['flow.exportIntro']}</p>
      <div className="form-row" role="group" aria-labelledby={`${id}-h`}>
        <label className="field field-inline" htmlFor={`${id}-scope`}>
          <span className="field-label">{m['flow.exportScope']}</span>
          <select
            id={`${id}-scope`}
            className="input"
            value={traced ? 'account' : 'series'}
            onChange={(e) => setScope(e.target.value as 'series' | 'account')}
          >
            <option value="series">{m['flow.exportSeries']}</option>
            {account !== null ? <option value="account">{m['flow.exportTrace'](account)}</option> : null}
          </select>
        </label>
        <label className="field field-inline" htmlFor={`${id}-format`}>
          <span className="field-label">{m['flow.exportFormat']}</span>
          <select id={`${id}-format`} className="input" value={format} onChange={(e) => setFormat(e.target.value as Format)}>
            {FORMATS.map((f) => (
              <option key={f} value={f}>
                {m[`flow.format.${f}`]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button button-primary" disabled={stage.step === 'busy'} onClick={() => void start()}>
          {m['flow.exportStart']}
        </button>
      </div>
      {stage.step === 'error' ? <ErrorNotice error={stage.error} /> : null}
      {done ? (
        <div className="notice notice-ok" role="status">
          <p>{m['flow.exportDone'](fmt.count(done.accounts), fmt.count(done.flows))}</p>
          {href !== null ? (
            <p>
              {/* The server names the file (Content-Disposition). */}
              <a className="button button-primary" href={href} download={done.file} data-testid="flow-download">
                {m['flow.download'](done.file)}
              </a>
            </p>
          ) : (
            <p>
              {m['flow.savedTo']} <span className="mono break">{done.file}</span>
            </p>
          )}
        </div>
      ) : null}
    </div>
  );
}
