// The investigator's corrections of the linking engine for this series: split a report off,
// merge with another series, mark a report's identifier as wrong evidence, ignore a value.
// Each one asks why (required), is recorded with who and why, and starts a relink. Below, the
// corrections so far, each revocable (also with a reason).

import { useId, useState } from 'react';
import type { Correction, SeriesDetail } from '../../../common/api';
import { IDENTIFIER_KINDS, type IdentifierKind } from '../../../common/model';
import { FieldNotes, fieldNoteAria } from '../app/FormField';
import { useApi } from '../app/ServicesContext';
import { useI18n } from '../i18n/I18nContext';
import { ReasonForm } from './ReasonForm';

function ReportSelect({
  label,
  reports,
  value,
  onChange,
}: {
  readonly label: string;
  readonly reports: readonly string[];
  readonly value: string;
  readonly onChange: (id: string) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="input" value={value} onChange={(e) => onChange(e.target.value)}>
        {reports.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
    </div>
  );
}

function TextField({
  label,
  value,
  onChange,
  hint,
}: {
  readonly label: string;
  readonly value: string;
  readonly onChange: (v: string) => void;
  readonly hint?: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input id={id} className="input" value={value} onChange={(e) => onChange(e.target.value)} {...fieldNoteAria(id, { hint })} />
      <FieldNotes id={id} hint={hint} />
    </div>
  );
}

function KindSelect({ value, onChange }: { readonly value: IdentifierKind; readonly onChange: (k: IdentifierKind) => void }) {
  const { m } = useI18n();
  const id = useId();
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {m['actions.kind']}
      </label>
      <select id={id} className="input" value={value} onChange={(e) => onChange(e.target.value as IdentifierKind)}>
        {IDENTIFIER_KINDS.map((k) => (
          <option key={k} value={k}>
            {m[`kind.${k}`]}
          </option>
        ))}
      </select>
    </div>
  );
}

function CorrectionRow({ correction, onChanged }: { readonly correction: Correction; readonly onChanged: () => void }) {
  const { m, fmt } = useI18n();
  const api = useApi();
  const c = correction;
  const what =
    c.action === 'split'
      ? m['corrections.split'](c.reportId)
      : c.action === 'merge'
        ? m['corrections.merge'](c.reportId, c.otherReportId ?? '')
        : m['corrections.wrong'](c.reportId, c.kind ? (m[`kind.${c.kind as IdentifierKind}`] ?? c.kind) : '', c.value ?? '');
  return (
    <li className="correction">
      <p>
        <strong>{what}</strong>
      </p>
      <p className="muted small">{m['corrections.by'](c.actor, fmt.dateTime(c.at))}</p>
      <p className="small">
        {m['corrections.reason']}: {c.reason}
      </p>
      <ReasonForm
        label={m['corrections.revoke']}
        done={m['corrections.revoked']}
        run={async (reason) => {
          const r = await api.call('series.revokeCorrection', { id: c.id, reason });
          if (r.ok) onChanged();
          return r;
        }}
      />
    </li>
  );
}

export function SeriesActions({ detail, onChanged }: { readonly detail: SeriesDetail; readonly onChanged: () => void }) {
  const { m } = useI18n();
  const api = useApi();
  const reports = detail.reports.map((r) => r.id);
  const [splitReport, setSplitReport] = useState(reports[0] ?? '');
  const [mergeWith, setMergeWith] = useState('');
  const [wrongReport, setWrongReport] = useState(reports[0] ?? '');
  const [wrongKind, setWrongKind] = useState<IdentifierKind>('phone');
  const [wrongValue, setWrongValue] = useState('');
  const [ignoreKind, setIgnoreKind] = useState<IdentifierKind>('phone');
  const [ignoreValue, setIgnoreValue] = useState('');
  const seriesId = detail.row.id;

  const after = <T,>(r: T & { ok: boolean }): T => {
    if (r.ok) onChanged();
    return r;
  };

  return (
    <section className="panel" aria-labelledby="actions-heading">
      <h2 id="actions-heading">{m['actions.title']}</h2>
      <p className="muted small">{m['actions.intro']}</p>
      <div className="action-grid">
        <div className="action-card">
          <h3>{m['actions.splitTitle']}</h3>
          <p className="small muted">{m['actions.splitHint']}</p>
          <ReasonForm
            label={m['actions.split']}
            done={m['actions.splitDone']}
            ready={splitReport !== ''}
            run={async (reason) => after(await api.call('series.split', { reportId: splitReport, reason }))}
          >
            <ReportSelect label={m['actions.report']} reports={reports} value={splitReport} onChange={setSplitReport} />
          </ReasonForm>
        </div>
        <div className="action-card">
          <h3>{m['actions.mergeTitle']}</h3>
          <p className="small muted">{m['actions.mergeHint']}</p>
          <ReasonForm
            label={m['actions.merge']}
            done={m['actions.mergeDone']}
            ready={mergeWith.trim() !== '' && mergeWith.trim() !== seriesId}
            run={async (reason) => after(await api.call('series.merge', { a: seriesId, b: mergeWith.trim(), reason }))}
          >
            <TextField label={m['actions.otherSeries']} value={mergeWith} onChange={setMergeWith} hint={m['actions.otherSeriesHint']} />
          </ReasonForm>
        </div>
        <div className="action-card">
          <h3>{m['actions.wrongTitle']}</h3>
          <p className="small muted">{m['actions.wrongHint']}</p>
          <ReasonForm
            label={m['actions.markWrong']}
            danger
            done={m['actions.markWrongDone']}
            ready={wrongValue.trim() !== ''}
            run={async (reason) =>
              after(await api.call('series.markWrong', { reportId: wrongReport, kind: wrongKind, value: wrongValue.trim(), reason }))
            }
          >
            <ReportSelect label={m['actions.report']} reports={reports} value={wrongReport} onChange={setWrongReport} />
            <KindSelect value={wrongKind} onChange={setWrongKind} />
            <TextField label={m['actions.value']} value={wrongValue} onChange={setWrongValue} />
          </ReasonForm>
        </div>
        <div className="action-card">
          <h3>{m['actions.ignoreTitle']}</h3>
          <p className="small muted">{m['actions.ignoreHint']}</p>
          <ReasonForm
            label={m['actions.ignore']}
            done={m['actions.ignoreDone']}
            ready={ignoreValue.trim() !== ''}
            run={async (reason) =>
              after(await api.call('ignore.set', { kind: ignoreKind, value: ignoreValue.trim(), ignored: true, note: reason }))
            }
          >
            <KindSelect value={ignoreKind} onChange={setIgnoreKind} />
            <TextField label={m['actions.value']} value={ignoreValue} onChange={setIgnoreValue} />
          </ReasonForm>
        </div>
      </div>
      <h3>{m['corrections.title']}</h3>
      {detail.corrections.length === 0 ? (
        <p className="empty-note">{m['corrections.none']}</p>
      ) : (
        <ul className="corrections" data-testid="corrections">
          {detail.corrections.map((c) => (
            <CorrectionRow key={c.id} correction={c} onChanged={onChanged} />
          ))}
        </ul>
      )}
    </section>
  );
}
