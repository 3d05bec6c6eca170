// A form field's notes: the hint under the control and, once the value has been checked, the
// sentence saying what is wrong with it. The control is joined to them by aria-describedby and
// aria-invalid; both notes take their ids from one base id, `${id}-hint` and `${id}-error`.

import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nContext';
import type { TextKey } from '../i18n/messages';

export interface FieldNoteTexts {
  /** Shown under the control all the time; left out (or empty) for none. */
  readonly hint?: ReactNode;
  /**
   * What is wrong with the value, or null (or false) while nothing is. Left out for a field that
   * is never checked: its control then carries no aria-invalid at all.
   */
  readonly error?: ReactNode;
}

export interface FieldNotesProps extends FieldNoteTexts {
  /** The base of the notes' ids: the hint is `${id}-hint`, the error `${id}-error`. */
  readonly id: string;
}

export interface FieldNoteAria {
  readonly 'aria-invalid'?: boolean;
  readonly 'aria-describedby'?: string;
}

const present = (note: ReactNode): boolean => note !== undefined && note !== null && note !== false && note !== '';

/**
 * The props that join a control (input, select, textarea) to the notes `<FieldNotes id={id} …>`
 * renders for the same texts: described by the hint and, while shown, the error; invalid while
 * the error is shown (and not marked at all when the field is never checked).
 */
export function fieldNoteAria(id: string, { hint, error }: FieldNoteTexts): FieldNoteAria {
  const described = [present(hint) ? `${id}-hint` : '', present(error) ? `${id}-error` : ''].filter((s) => s !== '').join(' ');
  return {
    ...(error === undefined ? {} : { 'aria-invalid': present(error) }),
    ...(described === '' ? {} : { 'aria-describedby': described }),
  };
}

/** The hint, then the error (an alert, so it is read out when it appears); each only when given. */
export function FieldNotes({ id, hint, error }: FieldNotesProps) {
  return (
    <>
      {present(hint) ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {present(error) ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}

interface FormFieldProps {
  readonly id: string;
  readonly label: TextKey;
  readonly hint: TextKey;
  readonly value: string;
  readonly problem: TextKey | null;
  readonly type?: 'text' | 'password' | 'url';
  readonly onChange: (value: string) => void;
}

/** A labelled one-line text input with its hint and, when there is one, its problem. */
export function FormField({ id, label, hint, value, problem, type = 'text', onChange }: FormFieldProps) {
  const { m } = useI18n();
  const notes = { hint: m[hint], error: problem ? m[problem] : null };
  return (
    <div className="form-field">
      <label htmlFor={id}>{m[label]}</label>
      <input
        id={id}
        className="input input-wide"
        type={type}
        value={value}
        autoComplete={type === 'password' ? 'new-password' : 'off'}
        spellCheck={false}
        onChange={(event) => onChange(event.target.value)}
        {...fieldNoteAria(id, notes)}
      />
      <FieldNotes id={id} {...notes} />
    </div>
  );
}
