// The reference sites: sites reports cite (a scan, a forum thread, an app-store page) that say
// nothing about the fraudster, so a URL on one never links reports. Shipped entries can be turned
// off here and on again; the investigator's own entries can be added and removed.

import { useId, useMemo, useState, type FormEvent } from 'react';
import type { ApiError, ReferenceDomainView } from '../../../common/api';
import { REFERENCE_CATEGORIES, type ReferenceCategory } from '../../../common/model';
import { ErrorNotice } from '../app/ErrorNotice';
import { FieldNotes, fieldNoteAria } from '../app/FormField';
import { ResourceState } from '../app/ResourceState';
import { useApi, useDataVersion } from '../app/ServicesContext';
import { useApiResource } from '../app/use-api-resource';
import { useI18n } from '../i18n/I18nContext';

/** What the entry is (a shipped one's note in the UI language) and the investigator's reason. */
function ReferenceNote({ entry }: { readonly entry: ReferenceDomainView }) {
  const { language } = useI18n();
  const about = entry.about === null ? null : entry.about[language];
  if (about === null) return entry.reason === null ? null : <>{entry.reason}</>;
  return entry.reason === null ? (
    <>{about}</>
  ) : (
    <>
      {about} — {entry.reason}
    </>
  );
}

export function ReferenceSettings() {
  const { m, fmt, language } = useI18n();
  const api = useApi();
  const id = useId();
  const [version, setVersion] = useState(0);
  const [resource, retry] = useApiResource('references.list', {}, useDataVersion() * 1000 + version);
  const [find, setFind] = useState('');
  const [domain, setDomain] = useState('');
  const [category, setCategory] = useState<ReferenceCategory>('other');
  const [note, setNote] = useState('');
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const domainNotes = { hint: m['references.domainHint'], error: checked && domain.trim() === '' ? m['references.domainMissing'] : null };

  const entries = resource.status === 'ok' ? resource.value : null;
  const shown = useMemo(() => {
    if (entries === null) return [];
    const needle = find.trim().toLowerCase();
    if (needle === '') return entries;
    return entries.filter((e) =>
      [e.domain, e.about?.[language] ?? '', e.reason ?? '', m[`referenceCategory.${e.category}`]].some((text) =>
        text.toLowerCase().includes(needle),
      ),
    );
  }, [entries, find, language, m]);

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
    if (domain.trim() === '') return;
    const ok = await run(() =>
      api.call('references.set', { domain: domain.trim(), enabled: true, category, ...(note.trim() === '' ? {} : { note: note.trim() }) }),
    );
    if (ok) {
      setDomain('');
      setNote('');
      setCategory('other');
      setChecked(false);
    }
  }

  const toggle = (entry: ReferenceDomainView) => run(() => api.call('references.set', { domain: entry.domain, enabled: !entry.enabled }));
  const remove = (entry: ReferenceDomainView) => run(() => api.call('references.remove', { domain: entry.domain }));

  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{m['references.title']}</h2>
      <p className="muted">{m['references.intro']}</p>
      <ResourceState resource={resource} onRetry={retry} />
      {entries !== null && entries.length === 0 ? <p className="empty-note">{m['references.empty']}</p> : null}
      {entries !== null && entries.length > 0 ? (
        <>
          <div className="form form-inline">
            <div className="form-field">
              <label htmlFor={`${id}-find`}>{m['references.find']}</label>
              <input id={`${id}-find`} className="input" type="search" value={find} onChange={(event) => setFind(event.target.value)} />
            </div>
          </div>
          <p className="muted" role="status">
            {find.trim() === ''
              ? null
              : shown.length === 0
                ? m['references.none']
                : m['references.count'](fmt.count(shown.length), fmt.count(entries.length))}
          </p>
          {shown.length > 0 ? (
            <div className="table-scroll table-limited">
              <table className="table" data-testid="reference-table">
                <caption className="visually-hidden">{m['references.title']}</caption>
                <thead>
                  <tr>
                    <th scope="col">{m['references.domain']}</th>
                    <th scope="col">{m['references.category']}</th>
                    <th scope="col">{m['references.state']}</th>
                    <th scope="col">{m['references.origin']}</th>
                    <th scope="col">{m['references.note']}</th>
                    <th scope="col">
                      <span className="visually-hidden">{m['case.actions']}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((entry) => (
                    <tr key={entry.domain}>
                      <td className="mono break">{entry.domain}</td>
                      <td>{m[`referenceCategory.${entry.category}`]}</td>
                      <td>{entry.enabled ? m['references.on'] : <span className="muted">{m['references.off']}</span>}</td>
                      <td>
                        {entry.shipped
                          ? m['references.shipped']
                          : entry.changedAt
                            ? m['references.addedAt'](fmt.localDateTime(entry.changedAt))
                            : null}
                      </td>
                      <td>
                        <ReferenceNote entry={entry} />
                      </td>
                      <td className="actions">
                        {entry.shipped ? (
                          <button type="button" className="button button-small" disabled={busy} onClick={() => void toggle(entry)}>
                            {entry.enabled ? m['references.turnOff'](entry.domain) : m['references.turnOn'](entry.domain)}
                          </button>
                        ) : (
                          <button
                            type="button"
                            className="button button-small button-quiet"
                            disabled={busy}
                            onClick={() => void remove(entry)}
                          >
                            {m['references.remove'](entry.domain)}
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </>
      ) : null}
      <form className="form form-inline" noValidate onSubmit={(event) => void onSubmit(event)}>
        <div className="form-field">
          <label htmlFor={`${id}-domain`}>{m['references.domain']}</label>
          <input
            id={`${id}-domain`}
            className="input mono"
            value={domain}
            onChange={(event) => setDomain(event.target.value)}
            {...fieldNoteAria(`${id}-domain`, domainNotes)}
          />
          <FieldNotes id={`${id}-domain`} {...domainNotes} />
        </div>
        <div className="form-field">
          <label htmlFor={`${id}-category`}>{m['references.category']}</label>
          <select
            id={`${id}-category`}
            className="input"
            value={category}
            onChange={(event) => setCategory(event.target.value as ReferenceCategory)}
          >
            {REFERENCE_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {m[`referenceCategory.${c}`]}
              </option>
            ))}
          </select>
        </div>
        <div className="form-field">
          <label htmlFor={`${id}-note`}>{m['references.note']}</label>
          <input id={`${id}-note`} className="input" value={note} onChange={(event) => setNote(event.target.value)} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {m['references.add']}
          </button>
        </div>
      </form>
      {error ? <ErrorNotice error={error} /> : null}
    </section>
  );
}
