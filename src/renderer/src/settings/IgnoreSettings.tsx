// The ignore list: values too common to link on (a call-centre number, a public URL shortener).
// Shipped defaults can be turned off here; the investigator's own entries can be removed.

import { useId, useState } from 'react';
import type { IgnoreEntryView } from '../../../common/api';
import { IDENTIFIER_KINDS } from '../../../common/model';
import { AddEntryForm, EditableListPanel, EntryTable, useEditableList, type EntryAction, type EntryColumn } from '../app/EditableList';
import { FieldNotes, fieldNoteAria } from '../app/FormField';
import { useApi } from '../app/ServicesContext';
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
  const { resource, retry, busy, error, change } = useEditableList('ignore.list', {});
  const [kind, setKind] = useState('phone');
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const [checked, setChecked] = useState(false);
  const valueNotes = { error: checked && value.trim() === '' ? m['ignore.valueMissing'] : null };

  const kindLabel = (k: string): string =>
    k === 'domain'
      ? m['ignore.domain']
      : (IDENTIFIER_KINDS as readonly string[]).includes(k)
        ? m[`kind.${k as (typeof IDENTIFIER_KINDS)[number]}`]
        : k;

  async function onSubmit(): Promise<void> {
    setChecked(true);
    if (value.trim() === '') return;
    const ok = await change(() =>
      api.call('ignore.set', { kind, value: value.trim(), ignored: true, ...(note.trim() === '' ? {} : { note: note.trim() }) }),
    );
    if (ok) {
      setValue('');
      setNote('');
      setChecked(false);
    }
  }

  const columns: readonly EntryColumn<IgnoreEntryView>[] = [
    { header: m['ident.kind'], cell: (entry) => kindLabel(entry.kind) },
    { header: m['ident.value'], cell: (entry) => entry.value, className: 'mono break' },
    { header: m['ignore.state'], cell: (entry) => (entry.ignored ? m['ignore.on'] : <span className="muted">{m['ignore.off']}</span>) },
    {
      header: m['ignore.origin'],
      cell: (entry) =>
        entry.shipped ? m['ignore.shipped'] : entry.addedAt ? m['ignore.addedAt'](fmt.localDateTime(entry.addedAt)) : m['ignore.local'],
    },
    { header: m['ignore.note'], cell: (entry) => <IgnoreNote entry={entry} /> },
  ];
  const action = (entry: IgnoreEntryView): EntryAction =>
    entry.shipped
      ? {
          label: entry.ignored ? m['ignore.turnOff'](entry.value) : m['ignore.turnOn'](entry.value),
          quiet: false,
          onClick: () => void change(() => api.call('ignore.set', { kind: entry.kind, value: entry.value, ignored: !entry.ignored })),
        }
      : {
          label: m['ignore.remove'](entry.value),
          quiet: true,
          onClick: () => void change(() => api.call('ignore.remove', { kind: entry.kind, value: entry.value })),
        };

  return (
    <EditableListPanel
      id={id}
      title={m['ignore.title']}
      intro={m['ignore.intro']}
      resource={resource}
      onRetry={retry}
      empty={resource.status === 'ok' && resource.value.length === 0 ? m['ignore.empty'] : null}
    >
      {resource.status === 'ok' && resource.value.length > 0 ? (
        <EntryTable
          caption={m['ignore.title']}
          testId="ignore-table"
          columns={columns}
          entries={resource.value}
          rowKey={(entry) => `${entry.kind} ${entry.value}`}
          action={action}
          busy={busy}
        />
      ) : null}
      <AddEntryForm onSubmit={() => void onSubmit()} busy={busy} submitLabel={m['ignore.add']} error={error}>
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
      </AddEntryForm>
    </EditableListPanel>
  );
}
