// The reference sites: sites reports cite (a scan, a forum thread, an app-store page) that say
// nothing about the fraudster, so a URL on one never links reports. Shipped entries can be turned
// off here and on again; the investigator's own entries can be added and removed.

import { useId, useMemo, useState } from 'react';
import type { ReferenceDomainView } from '../../../common/api';
import { REFERENCE_CATEGORIES, type ReferenceCategory } from '../../../common/model';
import { AddEntryForm, EditableListPanel, EntryTable, useEditableList, type EntryAction, type EntryColumn } from '../app/EditableList';
import { FieldNotes, fieldNoteAria } from '../app/FormField';
import { useApi } from '../app/ServicesContext';
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
  const { resource, retry, busy, error, change } = useEditableList('references.list', {});
  const [find, setFind] = useState('');
  const [domain, setDomain] = useState('');
  const [category, setCategory] = useState<ReferenceCategory>('other');
  const [note, setNote] = useState('');
  const [checked, setChecked] = useState(false);
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

  async function onSubmit(): Promise<void> {
    setChecked(true);
    if (domain.trim() === '') return;
    const ok = await change(() =>
      api.call('references.set', { domain: domain.trim(), enabled: true, category, ...(note.trim() === '' ? {} : { note: note.trim() }) }),
    );
    if (ok) {
      setDomain('');
      setNote('');
      setCategory('other');
      setChecked(false);
    }
  }

  const columns: readonly EntryColumn<ReferenceDomainView>[] = [
    { header: m['references.domain'], cell: (entry) => entry.domain, className: 'mono break' },
    { header: m['references.category'], cell: (entry) => m[`referenceCategory.${entry.category}`] },
    {
      header: m['references.state'],
      cell: (entry) => (entry.enabled ? m['references.on'] : <span className="muted">{m['references.off']}</span>),
    },
    {
      header: m['references.origin'],
      cell: (entry) =>
        entry.shipped ? m['references.shipped'] : entry.changedAt ? m['references.addedAt'](fmt.localDateTime(entry.changedAt)) : null,
    },
    { header: m['references.note'], cell: (entry) => <ReferenceNote entry={entry} /> },
  ];
  const action = (entry: ReferenceDomainView): EntryAction =>
    entry.shipped
      ? {
          label: entry.enabled ? m['references.turnOff'](entry.domain) : m['references.turnOn'](entry.domain),
          quiet: false,
          onClick: () => void change(() => api.call('references.set', { domain: entry.domain, enabled: !entry.enabled })),
        }
      : {
          label: m['references.remove'](entry.domain),
          quiet: true,
          onClick: () => void change(() => api.call('references.remove', { domain: entry.domain })),
        };

  return (
    <EditableListPanel
      id={id}
      title={m['references.title']}
      intro={m['references.intro']}
      resource={resource}
      onRetry={retry}
      empty={entries !== null && entries.length === 0 ? m['references.empty'] : null}
    >
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
            <EntryTable
              caption={m['references.title']}
              testId="reference-table"
              columns={columns}
              entries={shown}
              rowKey={(entry) => entry.domain}
              action={action}
              busy={busy}
            />
          ) : null}
        </>
      ) : null}
      <AddEntryForm onSubmit={() => void onSubmit()} busy={busy} submitLabel={m['references.add']} error={error}>
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
      </AddEntryForm>
    </EditableListPanel>
  );
}
