// A save form's submit button, the status line that says it saved, and the error if it failed.

import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nContext';
import { ErrorNotice } from './ErrorNotice';
import type { SaveState } from './use-save-form';

export interface SaveActionsProps {
  readonly save: SaveState;
  /** The button's text (it may say that it is saving). */
  readonly label: ReactNode;
  /** Disabled for another reason than saving (the form is not valid). */
  readonly disabled?: boolean;
}

export function SaveActions({ save, label, disabled = false }: SaveActionsProps) {
  const { m } = useI18n();
  return (
    <>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={save.state === 'saving' || disabled}>
          {label}
        </button>
        <span role="status" className="save-status">
          {save.state === 'saved' ? m['settings.saved'] : ''}
        </span>
      </div>
      {save.state === 'failed' ? <ErrorNotice error={save.error} /> : null}
    </>
  );
}
