// The ignore list: values too common to link on (a call-centre number, a public URL shortener).
// Shipped defaults can be turned off here; the investigator's own entries can be removed.

import { useId, useState, type FormEvent } from 'react';
import type { ApiError, IgnoreEntryView } from '../../../common/api';
import { IDENTIFIER_KINDS } from '../../../common/model';
import { ErrorNotice } from '../app/ErrorNotice';
import { ResourceState } from '../app/ResourceState';
import { FieldNotes, fieldNoteAria } from '../app/FormField';
import { useApi, useDataVersion } from '../app/ServicesContext';
import { useApiResource } from '../app/use-api-resource';
import { useI18n } from '../i18n/I18nContext';
import { isShippedNote } from './shipped-notes';

const KINDS: readonly string[] = [...IDENTIFIER_KINDS, 'domain'];

/** A shipped default's note is translated; an investigator's own note is their words. */
function IgnoreNote({ entry }: { readonly entry: IgnoreEntryView }) {
  const { m } = useI18n();
  if (entry.note === null) return null;
  if (!entry.shipped) return <>{entry.note}</>;
  return isShippedNote(entry.note) ? <>{m[`shippedNote.${entry.note}`]}</> : <span lang="en">{entry.note}</span>;
}

export function IgnoreSettings() {
  const { m, fmt } = useI18n();
  const api = useApi();
  const id = useId();
  const [version, setVersion] = useState(0);
  const [resource, retry] = useApiResource('ignore.list', {}, useDataVersion() * 1000 + version);
  const [kind, setKind] = useState('phone');
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const valueNotes = { error: checked && value.trim() === '' ? m['ignore.valueMissing'] : null };

  const kindLabel = (k: string): string =>
    k === 'domain'
      ? m['ignore.domain']
      : (IDENTIFIER_KINDS as readonly string[]).includes(k)
        ? m[`kind.${k as (typeof IDENTIFIER_KINDS)[number]}`]
        : k;

  async function run(call: () => ReturnType<typeof api.call>): Promise<boolean> {
    setBusy(true);
    setError(null);
    const result = await call();
    setBusy(false);
    if (!result.ok) setError(result.error);
    else setVersion((v) => v + 1);
    return result.ok;
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setChecked(true);
    if (value.trim() === '') return;
    const ok = await run(() =>
      api.call('ignore.set', { kind, value: value.trim(), ignored: true, ...(note.trim() === '' ? {} : { note: note.trim() }) }),
    );
    if (ok) {
      setValue('');
      setNote('');
      setChecked(false);
    }
  }

  const toggle = (entry: IgnoreEntryView) =>
    run(() => api.call('ignore.set', { kind: entry.kind, value: entry.value, ignored: !entry.ignored }));
  const remove = (entry: IgnoreEntryView) => run(() => api.call('ignore.remove', { kind: entry.kind, value: entry.value }));

  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{m['ignore.title']}</h2>
      <p className="muted">{m['ignore.intro']}</p>
      <ResourceState resource={resource} onRetry={retry} />
      {resource.status === 'ok' && resource.value.length === 0 ? <p className="empty-note">{m['ignore.empty']}</p> : null}
      {resource.status === 'ok' && resource.value.length > 0 ? (
        <div className="table-scroll table-limited">
          <table className="table" data-testid="ignore-table">
            <caption className="visually-hidden">{m['ignore.title']}</caption>
            <thead>
              <tr>
                <th scope="col">{m['ident.kind']}</th>
                <th scope="col">{m['ident.value']}</th>
                <th scope="col">{m['ignore.state']}</th>
                <th scope="col">{m['ignore.origin']}</th>
                <th scope="col">{m['ignore.note']}</th>
                <th scope="col">
                  <span className="visually-hidden">{m['case.actions']}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {resource.value.map((entry) => (
                <tr key={`${entry.kind} ${entry.value}`}>
                  <td>{kindLabel(entry.kind)}</td>
                  <td className="mono break">{entry.value}</td>
                  <td>{entry.ignored ? m['ignore.on'] : <span className="muted">{m['ignore.off']}</span>}</td>
                  <td>
                    {entry.shipped
                      ? m['ignore.shipped']
                      : entry.addedAt
                        ? m['ignore.addedAt'](fmt.localDateTime(entry.addedAt))
                        : m['ignore.local']}
                  </td>
                  <td>
                    <IgnoreNote entry={entry} />
                  </td>
                  <td className="actions">
                    {entry.shipped ? (
                      <button type="button" className="button button-small" disabled={busy} onClick={() => void toggle(entry)}>
                        {entry.ignored ? m['ignore.turnOff'](entry.value) : m['ignore.turnOn'](entry.value)}
                      </button>
                    ) : (
                      <button type="button" className="button button-small button-quiet" disabled={busy} onClick={() => void remove(entry)}>
                        {m['ignore.remove'](entry.value)}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <form className="form form-inline" noValidate onSubmit={(event) => void onSubmit(event)}>
        <div className="form-field">
          <label htmlFor={`${id}-kind`}>{m['ident.kind']}</label>
          <select id={`${id}-kind`} className="input" value={kind} onChange={(event) => setKind(event.target.value)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {kindLabel(k)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-field">
          <label htmlFor={`${id}-value`}>{m['ident.value']}</label>
          <input
            id={`${id}-value`}
            className="input mono"
            value={value}
            onChange={(event) => setValue(event.target.value)}
            {...fieldNoteAria(`${id}-value`, valueNotes)}
          />
          <FieldNotes id={`${id}-value`} {...valueNotes} />
        </div>
        <div className="form-field">
          <label htmlFor={`${id}-note`}>{m['ignore.note']}</label>
          <input id={`${id}-note`} className="input" value={note} onChange={(event) => setNote(event.target.value)} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {m['ignore.add']}
          </button>
        </div>
      </form>
      {error ? <ErrorNotice error={error} /> : null}
    </section>
  );
}
