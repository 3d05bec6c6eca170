// Settings → store and backups: where the store is, changing its passphrase (the key sealed
// anew), backing up now (the desktop app asks where with its save dialog; the browser host writes
// into the backups folder beside the store), the backups there are, and restoring one after a
// confirmation that names the store it replaces and says it is kept. After a restore the host
// serves the restored store; the app is opened on it again.

import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { ApiError, BackupView, RestoreView, StoreStatus } from '../../../common/api';
import { MIN_PASSPHRASE_LENGTH } from '../../../common/api/store';
import { EntryTable } from '../app/EditableList';
import { ErrorNotice } from '../app/ErrorNotice';
import { FieldNotes, fieldNoteAria, type FieldNoteTexts } from '../app/FormField';
import { ResourceState } from '../app/ResourceState';
import { useApi } from '../app/ServicesContext';
import { useApiResource } from '../app/use-api-resource';
import { useBusyAction } from '../app/use-busy-action';
import { formatBytes } from '../format/bytes';
import { useI18n } from '../i18n/I18nContext';

function PassField(props: {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly notes: FieldNoteTexts;
  readonly fresh?: boolean;
}) {
  return (
    <div className="form-field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        className="input input-wide"
        type="password"
        value={props.value}
        autoComplete={props.fresh ? 'new-password' : 'current-password'}
        onChange={(event) => props.onChange(event.target.value)}
        {...fieldNoteAria(props.id, props.notes)}
      />
      <FieldNotes id={props.id} {...props.notes} />
    </div>
  );
}

/** The problems of a new passphrase and its repetition, once checked. */
function useNewPassphrase(checked: boolean): {
  readonly next: string;
  readonly setNext: (v: string) => void;
  readonly repeat: string;
  readonly setRepeat: (v: string) => void;
  readonly valid: boolean;
  readonly nextNotes: FieldNoteTexts;
  readonly repeatNotes: FieldNoteTexts;
  readonly clear: () => void;
} {
  const { m, fmt } = useI18n();
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const min = fmt.count(MIN_PASSPHRASE_LENGTH);
  const tooShort = [...next].length < MIN_PASSPHRASE_LENGTH;
  const differ = !tooShort && repeat !== next;
  return {
    next,
    setNext,
    repeat,
    setRepeat,
    valid: !tooShort && !differ,
    nextNotes: { hint: m['storeKey.lengthHint'](min), error: checked && tooShort ? m['storeKey.tooShort'](min) : null },
    repeatNotes: { error: checked && differ ? m['storeKey.differ'] : null },
    clear: () => {
      setNext('');
      setRepeat('');
    },
  };
}

/** A wrong passphrase is said at its field; any other failure under the form. */
function split(error: ApiError | null): { wrong: boolean; other: ApiError | null } {
  return error?.code === 'wrong_passphrase' ? { wrong: true, other: null } : { wrong: false, other: error };
}

function ChangePassphrase({ status, onChanged }: { readonly status: StoreStatus; readonly onChanged: () => void }) {
  const { m } = useI18n();
  const api = useApi();
  const id = useId();
  const [current, setCurrent] = useState('');
  const [checked, setChecked] = useState(false);
  const [done, setDone] = useState(false);
  const fresh = useNewPassphrase(checked);
  const { busy, error, run } = useBusyAction();
  const { wrong, other } = split(error);
  const needsCurrent = status.passphraseSealed;
  const currentNotes = {
    error: checked && needsCurrent && current === '' ? m['storeKey.empty'] : wrong ? m['storeKey.wrongCurrent'] : null,
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setChecked(true);
    setDone(false);
    if (!fresh.valid || (needsCurrent && current === '')) return;
    const result = await run(() => api.call('store.changePassphrase', { current, next: fresh.next }));
    if (!result.ok) return;
    setCurrent('');
    fresh.clear();
    setChecked(false);
    setDone(true);
    onChanged();
  }

  return (
    <form className="form" noValidate aria-labelledby={`${id}-title`} onSubmit={(event) => void onSubmit(event)}>
      <h3 id={`${id}-title`}>{m['storeKey.change']}</h3>
      <p className="muted">{needsCurrent ? m['storeKey.changeIntro'] : m['storeKey.changeIntroUnsealed']}</p>
      {needsCurrent ? (
        <PassField id={`${id}-current`} label={m['storeKey.current']} value={current} onChange={setCurrent} notes={currentNotes} />
      ) : null}
      <PassField id={`${id}-next`} label={m['storeKey.new']} value={fresh.next} onChange={fresh.setNext} notes={fresh.nextNotes} fresh />
      <PassField
        id={`${id}-repeat`}
        label={m['storeKey.repeat']}
        value={fresh.repeat}
        onChange={fresh.setRepeat}
        notes={fresh.repeatNotes}
        fresh
      />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy}>
          {busy ? m['storeKey.changing'] : m['storeKey.changeButton']}
        </button>
        <span role="status" className="save-status">
          {done ? m['storeKey.changed'] : ''}
        </span>
      </div>
      {other ? <ErrorNotice error={other} /> : null}
    </form>
  );
}

function BackupNow({ status, onDone }: { readonly status: StoreStatus; readonly onDone: () => void }) {
  const { m, language } = useI18n();
  const api = useApi();
  const id = useId();
  const [passphrase, setPassphrase] = useState('');
  const [checked, setChecked] = useState(false);
  const [made, setMade] = useState<BackupView | null>(null);
  const [desktop, setDesktop] = useState<boolean | null>(null);
  const fresh = useNewPassphrase(checked);
  const { busy, error, run } = useBusyAction();
  const { wrong, other } = split(error);
  const sealed = status.passphraseSealed;
  const notes = {
    hint: m['storeKey.backupHint'],
    error: checked && sealed && passphrase === '' ? m['storeKey.empty'] : wrong ? m['storeKey.wrongStorePassphrase'] : null,
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setChecked(true);
    setMade(null);
    if (sealed ? passphrase === '' : !fresh.valid) return;
    const stamp = new Date()
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d+Z$/, 'Z');
    const where = await api.chooseSaveFile(`casegraph-backup-${stamp}.db`);
    const chosen = where.ok ? where.value : 'download';
    if (chosen === null) return; // the save dialog was cancelled
    const file = chosen === 'download' ? undefined : chosen.path;
    setDesktop(file !== undefined);
    const result = await run(() =>
      api.call('store.backup', { passphrase: sealed ? passphrase : fresh.next, ...(file !== undefined ? { file } : {}) }),
    );
    if (!result.ok) return;
    setMade(result.value);
    setPassphrase('');
    fresh.clear();
    setChecked(false);
    onDone();
  }

  return (
    <form className="form" noValidate aria-labelledby={`${id}-title`} onSubmit={(event) => void onSubmit(event)}>
      <h3 id={`${id}-title`}>{m['storeKey.backup']}</h3>
      <p className="muted">{desktop ? m['storeKey.backupIntroDesktop'] : m['storeKey.backupIntroBrowser'](status.backupsFolder)}</p>
      {sealed ? (
        <PassField id={`${id}-pass`} label={m['storeKey.backupPassphrase']} value={passphrase} onChange={setPassphrase} notes={notes} />
      ) : (
        <>
          <PassField
            id={`${id}-next`}
            label={m['storeKey.backupNewPassphrase']}
            value={fresh.next}
            onChange={fresh.setNext}
            notes={fresh.nextNotes}
            fresh
          />
          <PassField
            id={`${id}-repeat`}
            label={m['storeKey.repeat']}
            value={fresh.repeat}
            onChange={fresh.setRepeat}
            notes={fresh.repeatNotes}
            fresh
          />
        </>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy}>
          {busy ? m['storeKey.backingUp'] : m['storeKey.backupButton']}
        </button>
        <span role="status" className="save-status">
          {made ? m['storeKey.backedUp'](made.file, formatBytes(made.bytes, language)) : ''}
        </span>
      </div>
      {other ? <ErrorNotice error={other} /> : null}
    </form>
  );
}

function RestoreConfirm({
  backup,
  status,
  onCancel,
}: {
  readonly backup: BackupView;
  readonly status: StoreStatus;
  readonly onCancel: () => void;
}) {
  const { m } = useI18n();
  const api = useApi();
  const id = useId();
  const [passphrase, setPassphrase] = useState('');
  const [checked, setChecked] = useState(false);
  const [restored, setRestored] = useState<RestoreView | null>(null);
  const { busy, error, run } = useBusyAction();
  const { wrong, other } = split(error);
  const notes = { error: checked && passphrase === '' ? m['storeKey.empty'] : wrong ? m['storeKey.wrongBackupPassphrase'] : null };

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setChecked(true);
    if (passphrase === '') return;
    const result = await run(() => api.call('store.restore', { file: backup.file, passphrase }));
    if (result.ok) setRestored(result.value);
  }

  if (restored)
    return (
      <div className="notice" role="status">
        <p>{m['storeKey.restored'](backup.file)}</p>
        {restored.replaced ? <p>{m['storeKey.restoredReplaced'](restored.store, restored.replaced)}</p> : null}
        <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
          {m['storeKey.openRestored']}
        </button>
      </div>
    );
  return (
    <form className="form confirm" role="alertdialog" aria-labelledby={`${id}-title`} noValidate onSubmit={(event) => void onSubmit(event)}>
      <h3 id={`${id}-title`}>{m['storeKey.confirmTitle']}</h3>
      <p>{m['storeKey.confirmText'](backup.file, status.path)}</p>
      <PassField id={`${id}-pass`} label={m['storeKey.backupPass']} value={passphrase} onChange={setPassphrase} notes={notes} />
      <div className="form-actions">
        <button type="submit" className="button button-danger" disabled={busy} aria-busy={busy}>
          {busy ? m['storeKey.restoring'] : m['storeKey.confirm']}
        </button>
        <button type="button" className="button" disabled={busy} onClick={onCancel}>
          {m['storeKey.cancel']}
        </button>
      </div>
      {other ? <ErrorNotice error={other} /> : null}
    </form>
  );
}

function Backups({ status, version }: { readonly status: StoreStatus; readonly version: number }) {
  const { m, fmt, language } = useI18n();
  const [resource, retry] = useApiResource('store.backups', {}, version);
  const [chosen, setChosen] = useState<BackupView | null>(null);
  let body: ReactNode = <ResourceState resource={resource} onRetry={retry} />;
  if (resource.status === 'ok')
    body =
      resource.value.length === 0 ? (
        <p className="muted">{m['storeKey.noBackups']}</p>
      ) : (
        <EntryTable
          caption={m['storeKey.backups']}
          testId="backups"
          columns={[
            { header: m['storeKey.file'], cell: (b) => b.file, className: 'mono break' },
            { header: m['storeKey.size'], cell: (b) => formatBytes(b.bytes, language), className: 'num' },
            { header: m['storeKey.time'], cell: (b) => fmt.localDateTime(b.at) },
          ]}
          entries={resource.value}
          rowKey={(b) => b.file}
          action={(b) => ({ label: m['storeKey.restore'], quiet: true, onClick: () => setChosen(b) })}
          busy={chosen !== null}
        />
      );
  return (
    <>
      <h3>{m['storeKey.backups']}</h3>
      {body}
      {chosen ? <RestoreConfirm key={chosen.file} backup={chosen} status={status} onCancel={() => setChosen(null)} /> : null}
    </>
  );
}

export function StoreSettings() {
  const { m } = useI18n();
  const id = useId();
  const [version, setVersion] = useState(0);
  const [resource, retry] = useApiResource('store.status', {}, version);
  const changed = (): void => setVersion((v) => v + 1);
  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{m['storeKey.title']}</h2>
      <ResourceState resource={resource} onRetry={retry} />
      {resource.status === 'ok' ? (
        <>
          <p className="muted">{m['storeKey.intro']}</p>
          <dl className="facts">
            <div className="fact">
              <dt>{m['storeKey.location']}</dt>
              <dd className="mono break">{resource.value.path}</dd>
            </div>
            <div className="fact">
              <dt>{m['storeKey.backupsFolder']}</dt>
              <dd className="mono break">{resource.value.backupsFolder}</dd>
            </div>
          </dl>
          <ChangePassphrase status={resource.value} onChanged={changed} />
          <BackupNow status={resource.value} onDone={changed} />
          <Backups status={resource.value} version={version} />
        </>
      ) : null}
    </section>
  );
}
