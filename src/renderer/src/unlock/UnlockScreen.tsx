// Shown instead of the app while the store is locked: its passphrase (a wrong one is said in one
// sentence; the host waits longer after each), or for a new store a passphrase to choose, twice.
// Nothing else of the API answers until the store is open.

import { useId, useState, type FormEvent } from 'react';
import type { ApiError, StoreStatus } from '../../../common/api';
import { MIN_PASSPHRASE_LENGTH } from '../../../common/api/store';
import { ErrorNotice } from '../app/ErrorNotice';
import { FieldNotes, fieldNoteAria } from '../app/FormField';
import { useApi } from '../app/ServicesContext';
import { useI18n } from '../i18n/I18nContext';

export function UnlockScreen({ status, onOpen }: { readonly status: StoreStatus; readonly onOpen: () => void }) {
  const { m, fmt } = useI18n();
  const api = useApi();
  const id = useId();
  const creating = status.state === 'new';
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [wrong, setWrong] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const min = fmt.count(MIN_PASSPHRASE_LENGTH);

  // A wrong passphrase is said until the next one is typed (the field is emptied for it).
  const passphraseProblem = wrong
    ? m['unlock.wrong']
    : !checked
      ? null
      : passphrase === ''
        ? m['unlock.empty']
        : creating && [...passphrase].length < MIN_PASSPHRASE_LENGTH
          ? m['unlock.tooShort'](min)
          : null;
  const repeatProblem = checked && creating && passphraseProblem === null && repeat !== passphrase ? m['unlock.differ'] : null;
  const notes = { hint: creating ? m['unlock.lengthHint'](min) : '', error: passphraseProblem };
  const repeatNotes = { error: repeatProblem };

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setChecked(true);
    setWrong(false);
    setError(null);
    if (passphrase === '' || (creating && ([...passphrase].length < MIN_PASSPHRASE_LENGTH || repeat !== passphrase))) return;
    setBusy(true);
    const result = await api.call(creating ? 'store.create' : 'store.unlock', { passphrase });
    setBusy(false);
    if (result.ok) return onOpen();
    if (result.error.code === 'wrong_passphrase') {
      setWrong(true);
      setChecked(false);
      setPassphrase('');
    } else setError(result.error);
  }

  const title = creating ? m['unlock.newTitle'] : m['unlock.title'];
  return (
    <main className="unlock">
      <section className="panel unlock-panel" aria-labelledby={`${id}-title`}>
        <h1 id={`${id}-title`}>{title}</h1>
        <p>{creating ? m['unlock.newIntro'] : m['unlock.intro']}</p>
        {status.credentialStoreRefused ? <p className="muted">{m['unlock.keyringRefused']}</p> : null}
        <p className="muted">
          {m['unlock.store']}: <span className="mono break">{status.path}</span>
        </p>
        <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
          <div className="form-field">
            <label htmlFor={`${id}-pass`}>{creating ? m['unlock.newPassphrase'] : m['unlock.passphrase']}</label>
            <input
              id={`${id}-pass`}
              className="input input-wide"
              type="password"
              value={passphrase}
              autoComplete={creating ? 'new-password' : 'current-password'}
              autoFocus
              disabled={busy}
              onChange={(event) => {
                setPassphrase(event.target.value);
                setWrong(false);
              }}
              {...fieldNoteAria(`${id}-pass`, notes)}
            />
            <FieldNotes id={`${id}-pass`} {...notes} />
          </div>
          {creating ? (
            <div className="form-field">
              <label htmlFor={`${id}-repeat`}>{m['unlock.repeat']}</label>
              <input
                id={`${id}-repeat`}
                className="input input-wide"
                type="password"
                value={repeat}
                autoComplete="new-password"
                disabled={busy}
                onChange={(event) => setRepeat(event.target.value)}
                {...fieldNoteAria(`${id}-repeat`, repeatNotes)}
              />
              <FieldNotes id={`${id}-repeat`} {...repeatNotes} />
            </div>
          ) : null}
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy}>
              {creating ? (busy ? m['unlock.creating'] : m['unlock.create']) : busy ? m['unlock.opening'] : m['unlock.open']}
            </button>
          </div>
        </form>
        {error ? <ErrorNotice error={error} /> : null}
        <p className="hint">{m['unlock.forgotten']}</p>
      </section>
    </main>
  );
}
