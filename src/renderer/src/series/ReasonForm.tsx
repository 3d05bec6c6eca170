// An investigator action that must say why: a button opens a short form whose reason is
// required; the action runs only with a reason and reports its error or its success in place.

import { useId, useState, type ReactNode } from 'react';
import type { ApiError, Result } from '../../../common/api';
import { ErrorNotice } from '../app/ErrorNotice';
import { FieldNotes, fieldNoteAria } from '../app/FormField';
import { useI18n } from '../i18n/I18nContext';

export interface ReasonFormProps {
  /** The button's text (and the form's accessible name). */
  readonly label: string;
  readonly danger?: boolean;
  /** Extra fields above the reason (a select of reports, a series id…). */
  readonly children?: ReactNode;
  /** False while the extra fields are incomplete. */
  readonly ready?: boolean;
  readonly run: (reason: string) => Promise<Result<unknown>>;
  readonly done: string;
}

export function ReasonForm({ label, danger = false, children, ready = true, run, done }: ReasonFormProps) {
  const { m } = useI18n();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  // A missing reason is said as an alert, read out when the investigator submits without one.
  const notes = { error: missing ? m['actions.reasonRequired'] : null };

  if (!open) {
    return (
      <div className="reason-action">
        <button
          type="button"
          className={danger ? 'button button-small button-danger' : 'button button-small'}
          onClick={() => {
            setOpen(true);
            setMessage(null);
          }}
        >
          {label}
        </button>
        {message ? (
          <p className="save-status" role="status">
            {message}
          </p>
        ) : null}
      </div>
    );
  }

  return (
    <form
      className="reason-form"
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        const text = reason.trim();
        if (text === '') {
          setMissing(true);
          return;
        }
        setBusy(true);
        setError(null);
        void run(text).then((result) => {
          setBusy(false);
          if (result.ok) {
            setOpen(false);
            setReason('');
            setMessage(done);
          } else setError(result.error);
        });
      }}
    >
      {children}
      <div className="field">
        <label className="field-label" htmlFor={`${id}-reason`}>
          {m['actions.reason']}
        </label>
        <textarea
          id={`${id}-reason`}
          className="input input-wide"
          rows={2}
          aria-required="true"
          {...fieldNoteAria(`${id}-reason`, notes)}
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
            setMissing(false);
          }}
        />
        <FieldNotes id={`${id}-reason`} {...notes} />
      </div>
      <div className="form-actions">
        <button type="submit" className={danger ? 'button button-danger' : 'button button-primary'} disabled={busy || !ready}>
          {label}
        </button>
        <button type="button" className="button button-quiet" onClick={() => setOpen(false)}>
          {m['actions.cancel']}
        </button>
      </div>
      {error ? <ErrorNotice error={error} /> : null}
    </form>
  );
}
