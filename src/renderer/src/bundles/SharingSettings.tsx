// Settings for sharing case bundles: this workstation's signing key (public half, to give to
// other bureaus), the trust list of other bureaus' keys, and the sharing key for keyed hashes
// in redacted bundles (write-only: the UI only ever learns whether one is set).

import { useId, useRef, useState, type DragEvent, type FormEvent } from 'react';
import { EntryTable } from '../app/EditableList';
import { ErrorNotice } from '../app/ErrorNotice';
import { SaveActions } from '../app/SaveActions';
import { ResourceState } from '../app/ResourceState';
import { FieldNotes, fieldNoteAria } from '../app/FormField';
import { useApi, useDataVersion } from '../app/ServicesContext';
import { useApiResource } from '../app/use-api-resource';
import { useBusyAction } from '../app/use-busy-action';
import { useSaveForm } from '../app/use-save-form';
import { useI18n } from '../i18n/I18nContext';
import { useSettings } from '../settings/SettingsContext';
import { showFingerprint } from './fingerprint';

const PEM = /-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/;

function WorkstationKey({ refresh }: { readonly refresh: number }) {
  const { m } = useI18n();
  const id = useId();
  const [resource, retry] = useApiResource('keys.get', {}, refresh);
  const [copied, setCopied] = useState<'pem' | 'fingerprint' | 'failed' | null>(null);

  async function copy(text: string, what: 'pem' | 'fingerprint'): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(what);
    } catch {
      setCopied('failed');
    }
  }

  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{m['keys.title']}</h2>
      <p className="muted">{m['keys.intro']}</p>
      <ResourceState resource={resource} onRetry={retry} />
      {resource.status === 'ok' ? (
        <>
          <dl className="facts">
            <div className="fact">
              <dt>{m['keys.fingerprint']}</dt>
              <dd className="mono break" data-testid="key-fingerprint">
                {showFingerprint(resource.value.fingerprint)}
              </dd>
            </div>
          </dl>
          <label className="field-label" htmlFor={`${id}-pem`}>
            {m['keys.public']}
          </label>
          <textarea id={`${id}-pem`} className="input input-wide textarea mono" rows={4} readOnly value={resource.value.publicPem} />
          <div className="form-actions">
            <button type="button" className="button" onClick={() => void copy(resource.value.publicPem, 'pem')}>
              {m['keys.copyPem']}
            </button>
            <button type="button" className="button" onClick={() => void copy(resource.value.fingerprint, 'fingerprint')}>
              {m['keys.copyFingerprint']}
            </button>
            <span role="status" className="save-status">
              {copied === 'failed' ? m['keys.copyFailed'] : copied ? m['keys.copied'] : ''}
            </span>
          </div>
        </>
      ) : null}
    </section>
  );
}

function TrustList() {
  const { m, fmt } = useI18n();
  const api = useApi();
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [version, setVersion] = useState(0);
  const [resource, retry] = useApiResource('trust.list', {}, useDataVersion() * 1000 + version);
  const [name, setName] = useState('');
  const [pem, setPem] = useState('');
  const [checked, setChecked] = useState(false);
  const { busy, error, run } = useBusyAction();
  const [over, setOver] = useState(false);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const nameNotes = { hint: m['trust.nameHint'], error: checked && name.trim() === '' ? m['trust.nameMissing'] : null };
  const pemNotes = {
    hint: (
      <>
        {m['trust.pemHint']}{' '}
        <button type="button" className="button button-small" onClick={() => fileRef.current?.click()}>
          {m['trust.pickFile']}
        </button>
      </>
    ),
    error: checked && !PEM.test(pem) ? m['trust.pemBad'] : null,
  };

  async function readFile(file: File | undefined): Promise<void> {
    if (!file) return;
    setFileProblem(null);
    if (file.size > 64 * 1024) {
      setFileProblem(m['trust.fileTooBig'](file.name));
      return;
    }
    const text = await file.text();
    const found = PEM.exec(text);
    if (found) setPem(found[0]);
    else setFileProblem(m['trust.fileNoKey'](file.name));
  }

  function onDrop(event: DragEvent<HTMLDivElement>): void {
    event.preventDefault();
    setOver(false);
    void readFile(event.dataTransfer.files[0]);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setChecked(true);
    if (name.trim() === '' || !PEM.test(pem)) return;
    const result = await run(() => api.call('trust.add', { name: name.trim(), publicPem: pem.trim() }));
    if (result.ok) {
      setName('');
      setPem('');
      setChecked(false);
      setVersion((v) => v + 1);
    }
  }

  async function remove(fingerprint: string): Promise<void> {
    const result = await run(() => api.call('trust.remove', { fingerprint }));
    if (result.ok) setVersion((v) => v + 1);
  }

  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{m['trust.title']}</h2>
      <p className="muted">{m['trust.intro']}</p>
      <ResourceState resource={resource} onRetry={retry} />
      {resource.status === 'ok' && resource.value.length === 0 ? <p className="empty-note">{m['trust.empty']}</p> : null}
      {resource.status === 'ok' && resource.value.length > 0 ? (
        <EntryTable
          caption={m['trust.title']}
          testId="trust-table"
          columns={[
            { header: m['trust.name'], cell: (key) => key.name },
            { header: m['keys.fingerprint'], cell: (key) => showFingerprint(key.fingerprint), className: 'mono break' },
            { header: m['trust.addedAt'], cell: (key) => fmt.localDateTime(key.addedAt) },
          ]}
          entries={resource.value}
          rowKey={(key) => key.fingerprint}
          action={(key) => ({ label: m['trust.remove'](key.name), quiet: true, onClick: () => void remove(key.fingerprint) })}
          busy={busy}
          scrollClassName="table-scroll"
          actionClassName={null}
        />
      ) : null}
      <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <h3>{m['trust.addTitle']}</h3>
        <div className="form-field">
          <label htmlFor={`${id}-name`}>{m['trust.name']}</label>
          <input
            id={`${id}-name`}
            className="input input-wide"
            value={name}
            onChange={(event) => setName(event.target.value)}
            {...fieldNoteAria(`${id}-name`, nameNotes)}
          />
          <FieldNotes id={`${id}-name`} {...nameNotes} />
        </div>
        <div
          className={`form-field pem-drop${over ? ' is-over' : ''}`}
          onDragOver={(event) => {
            event.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={onDrop}
        >
          <label htmlFor={`${id}-pem`}>{m['trust.pem']}</label>
          <textarea
            id={`${id}-pem`}
            className="input input-wide textarea mono"
            rows={5}
            placeholder="-----BEGIN PUBLIC KEY-----"
            value={pem}
            onChange={(event) => setPem(event.target.value)}
            {...fieldNoteAria(`${id}-pem`, pemNotes)}
          />
          <FieldNotes id={`${id}-pem`} {...pemNotes} />
          <input
            ref={fileRef}
            type="file"
            accept=".pem,.pub,.txt,application/x-pem-file"
            hidden
            data-testid="trust-file-input"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              void readFile(file);
            }}
          />
          {fileProblem ? (
            <p className="field-error" role="alert">
              {fileProblem}
            </p>
          ) : null}
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {m['trust.add']}
          </button>
        </div>
        {error ? <ErrorNotice error={error} /> : null}
      </form>
    </section>
  );
}

function SharingKey({ onChanged }: { readonly onChanged: () => void }) {
  const { m } = useI18n();
  const api = useApi();
  const id = useId();
  const [version, setVersion] = useState(0);
  const [resource, retry] = useApiResource('keys.get', {}, version);
  const [key, setKey] = useState('');
  const [checked, setChecked] = useState(false);
  const { busy, error, run } = useBusyAction();
  const keyNotes = { hint: m['sharing.hint'], error: checked && key.length < 16 ? m['sharing.tooShort'] : null };

  async function set(value: string | null): Promise<void> {
    const result = await run(() => api.call('sharingKey.set', { key: value }));
    if (result.ok) {
      setKey('');
      setChecked(false);
      setVersion((v) => v + 1);
      onChanged();
    }
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setChecked(true);
    if (key.length < 16) return;
    await set(key);
  }

  const isSet = resource.status === 'ok' ? resource.value.sharingKeySet : null;
  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{m['sharing.title']}</h2>
      <p className="muted">{m['sharing.intro']}</p>
      {resource.status === 'error' ? <ErrorNotice error={resource.error} onRetry={retry} /> : null}
      {isSet !== null ? (
        <p data-testid="sharing-state">
          <strong>{m['sharing.state']}</strong> {isSet ? m['sharing.set'] : m['sharing.notSet']}
        </p>
      ) : null}
      <form className="form form-inline" noValidate onSubmit={(event) => void onSubmit(event)}>
        <div className="form-field">
          <label htmlFor={`${id}-key`}>{isSet ? m['sharing.replace'] : m['sharing.new']}</label>
          <input
            id={`${id}-key`}
            type="password"
            autoComplete="off"
            className="input input-wide"
            value={key}
            onChange={(event) => setKey(event.target.value)}
            {...fieldNoteAria(`${id}-key`, keyNotes)}
          />
          <FieldNotes id={`${id}-key`} {...keyNotes} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {m['sharing.save']}
          </button>
          {isSet ? (
            <button type="button" className="button button-quiet" disabled={busy} onClick={() => void set(null)}>
              {m['sharing.clear']}
            </button>
          ) : null}
        </div>
        {error ? <ErrorNotice error={error} /> : null}
      </form>
    </section>
  );
}

function BureauName() {
  const { m } = useI18n();
  const { settings, update } = useSettings();
  const id = useId();
  const [name, setName] = useState(settings.bureauName ?? '');
  const { save, submit, reset } = useSaveForm();
  // The hint is `${id}-hint`: its id is built on the section's id, not on the input's.
  const nameNotes = { hint: m['bureau.hint'] };

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    await submit(() => update({ bureauName: name.trim() }));
  }

  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{m['bureau.title']}</h2>
      <form className="form form-inline" noValidate onSubmit={(event) => void onSubmit(event)}>
        <div className="form-field">
          <label htmlFor={`${id}-name`}>{m['bureau.name']}</label>
          <input
            id={`${id}-name`}
            className="input input-wide"
            value={name}
            maxLength={200}
            onChange={(event) => {
              setName(event.target.value);
              reset();
            }}
            {...fieldNoteAria(id, nameNotes)}
          />
          <FieldNotes id={id} {...nameNotes} />
        </div>
        <SaveActions save={save} label={m['bureau.save']} />
      </form>
    </section>
  );
}

export function SharingSettings() {
  const [keysVersion, setKeysVersion] = useState(0);
  return (
    <>
      <BureauName />
      <WorkstationKey refresh={keysVersion} />
      <SharingKey onChanged={() => setKeysVersion((v) => v + 1)} />
      <TrustList />
    </>
  );
}
