// A list the investigator edits in settings (the ignore list, the reference sites): a panel with
// the list's state, a table whose rows each have one action (turn a shipped entry off or on,
// remove an own one), and an add form under it. Every change runs one at a time (its buttons
// disabled meanwhile), and the list loads again after a change that went through.

import { useCallback, useState, type FormEvent, type ReactNode } from 'react';
import type { ApiArg, ApiMethod, ApiValue, Result } from '../../../common/api';
import { useI18n } from '../i18n/I18nContext';
import { ErrorNotice } from './ErrorNotice';
import { ResourceState } from './ResourceState';
import { useDataVersion } from './ServicesContext';
import { useApiResource, type Resource } from './use-api-resource';
import { useBusyAction, type BusyAction } from './use-busy-action';

export interface EditableList<M extends ApiMethod> extends Omit<BusyAction, 'run'> {
  readonly resource: Resource<ApiValue<M>>;
  readonly retry: () => void;
  /** Runs a change; after one that went through the list loads again. Answers whether it went through. */
  readonly change: (call: () => Promise<Result<unknown>>) => Promise<boolean>;
}

/** Loads the list with `method` (again when the store changed, or after a change). */
export function useEditableList<M extends ApiMethod>(method: M, arg: ApiArg<M>): EditableList<M> {
  const [version, setVersion] = useState(0);
  const [resource, retry] = useApiResource(method, arg, useDataVersion() * 1000 + version);
  const { busy, error, run } = useBusyAction();
  const change = useCallback(
    async (call: () => Promise<Result<unknown>>): Promise<boolean> => {
      const result = await run(call);
      if (result.ok) setVersion((v) => v + 1);
      return result.ok;
    },
    [run],
  );
  return { resource, retry, busy, error, change };
}

export interface EditableListPanelProps<T> {
  /** The base of the panel's element ids. */
  readonly id: string;
  readonly title: string;
  readonly intro: string;
  readonly resource: Resource<T>;
  readonly onRetry: () => void;
  /** Said when the list has loaded empty. */
  readonly empty: string | null;
  /** The list itself (drawn by the caller once loaded) and the add form. */
  readonly children: ReactNode;
}

export function EditableListPanel<T>({ id, title, intro, resource, onRetry, empty, children }: EditableListPanelProps<T>) {
  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      <p className="muted">{intro}</p>
      <ResourceState resource={resource} onRetry={onRetry} />
      {empty !== null ? <p className="empty-note">{empty}</p> : null}
      {children}
    </section>
  );
}

export interface EntryColumn<E> {
  readonly header: string;
  readonly cell: (entry: E) => ReactNode;
  /** The cells' class. */
  readonly className?: string;
  /** The header's class. */
  readonly headerClassName?: string;
}

export interface EntryAction {
  readonly label: string;
  /** A quiet button (removing) rather than a plain one (turning on or off). */
  readonly quiet: boolean;
  readonly onClick: () => void;
}

export interface EntryTableProps<E> {
  readonly caption: string;
  readonly testId: string;
  readonly columns: readonly EntryColumn<E>[];
  readonly entries: readonly E[];
  readonly rowKey: (entry: E) => string;
  readonly action: (entry: E) => EntryAction;
  readonly busy: boolean;
  /** The scroll box's class: limited in height unless told otherwise. */
  readonly scrollClassName?: string;
  /** The action cell's class (null: none). */
  readonly actionClassName?: string | null;
}

export function EntryTable<E>({
  caption,
  testId,
  columns,
  entries,
  rowKey,
  action,
  busy,
  scrollClassName = 'table-scroll table-limited',
  actionClassName = 'actions',
}: EntryTableProps<E>) {
  const { m } = useI18n();
  return (
    <div className={scrollClassName}>
      <table className="table" data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th key={index} scope="col" className={column.headerClassName}>
                {column.header}
              </th>
            ))}
            <th scope="col">
              <span className="visually-hidden">{m['case.actions']}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const { label, quiet, onClick } = action(entry);
            return (
              <tr key={rowKey(entry)}>
                {columns.map((column, index) => (
                  <td key={index} className={column.className}>
                    {column.cell(entry)}
                  </td>
                ))}
                <td className={actionClassName ?? undefined}>
                  <button
                    type="button"
                    className={quiet ? 'button button-small button-quiet' : 'button button-small'}
                    disabled={busy}
                    onClick={onClick}
                  >
                    {label}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export interface AddEntryFormProps {
  /** Called on submit (the browser's own submit is prevented). */
  readonly onSubmit: () => void;
  readonly busy: boolean;
  readonly submitLabel: string;
  /** The last change's failure, shown under the form. */
  readonly error: BusyAction['error'];
  /** The form's fields. */
  readonly children: ReactNode;
}

export function AddEntryForm({ onSubmit, busy, submitLabel, error, children }: AddEntryFormProps) {
  return (
    <>
      <form
        className="form form-inline"
        noValidate
        onSubmit={(event: FormEvent<HTMLFormElement>) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        {children}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {submitLabel}
          </button>
        </div>
      </form>
      {error ? <ErrorNotice error={error} /> : null}
    </>
  );
}
