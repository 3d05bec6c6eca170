// #/settings — language and theme (applied and saved at once), the linking thresholds (saved
// with the form, after validation), the lists, sharing, and the store with its backups.

import { useId, useState, type FormEvent } from 'react';
import type { ApiError, Settings } from '../../../common/api';
import { ErrorNotice } from '../app/ErrorNotice';
import { SaveActions } from '../app/SaveActions';
import { useSaveForm } from '../app/use-save-form';
import { FieldNotes, fieldNoteAria } from '../app/FormField';
import { useI18n } from '../i18n/I18nContext';
import { useSettings } from './SettingsContext';
import { SharingSettings } from '../bundles/SharingSettings';
import { IgnoreSettings } from './IgnoreSettings';
import { ReferenceSettings } from './ReferenceSettings';
import { StoreSettings } from './StoreSettings';
import { parseAmount, parseDays, parseInterval } from './settings-validation';

/** Each language is named in itself, so it can be found whichever language is showing. */
const LANGUAGE_NAMES: readonly { readonly value: Settings['language']; readonly name: string }[] = [
  { value: 'zh-CN', name: '简体中文' },
  { value: 'en', name: 'English' },
];

function DisplaySettings() {
  const { m } = useI18n();
  const { settings, update } = useSettings();
  const [error, setError] = useState<ApiError | null>(null);

  async function change(patch: Partial<Settings>): Promise<void> {
    setError(null);
    const result = await update(patch);
    if (!result.ok) setError(result.error);
  }

  return (
    <section className="panel" aria-labelledby="display-heading">
      <h2 id="display-heading">{m['settings.display']}</h2>
      <fieldset className="choice-group">
        <legend>{m['settings.language']}</legend>
        {LANGUAGE_NAMES.map(({ value, name }) => (
          <label key={value} className="choice" lang={value}>
            <input
              type="radio"
              name="language"
              value={value}
              checked={settings.language === value}
              onChange={() => void change({ language: value })}
            />
            <span>{name}</span>
          </label>
        ))}
      </fieldset>
      <fieldset className="choice-group">
        <legend>{m['settings.theme']}</legend>
        <label className="choice">
          <input
            type="radio"
            name="theme"
            value="light"
            checked={settings.theme === 'light'}
            onChange={() => void change({ theme: 'light' })}
          />
          <span>{m['settings.themeLight']}</span>
        </label>
        <label className="choice">
          <input
            type="radio"
            name="theme"
            value="dark"
            checked={settings.theme === 'dark'}
            onChange={() => void change({ theme: 'dark' })}
          />
          <span>{m['settings.themeDark']}</span>
        </label>
      </fieldset>
      {error ? <ErrorNotice error={error} /> : null}
    </section>
  );
}

function LinkingSettings() {
  const { m } = useI18n();
  const { settings, update } = useSettings();
  const id = useId();
  const [amount, setAmount] = useState(settings.thresholdAmount);
  const [days, setDays] = useState(String(settings.lookbackDays));
  const [checked, setChecked] = useState(false);
  const { save, submit, reset, edited } = useSaveForm();

  const amountValue = parseAmount(amount);
  const daysValue = parseDays(days);
  const amountNotes = {
    hint: m['settings.thresholdHint'](settings.thresholdCurrency),
    error: checked && amountValue === null ? m['settings.invalidAmount'] : null,
  };
  const daysNotes = { hint: m['settings.lookbackHint'], error: checked && daysValue === null ? m['settings.invalidDays'] : null };

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setChecked(true);
    if (amountValue === null || daysValue === null) {
      reset();
      return;
    }
    await submit(() => update({ thresholdAmount: amountValue, lookbackDays: daysValue }));
  }

  function edit(setter: (value: string) => void) {
    return (event: { readonly target: { readonly value: string } }) => {
      setter(event.target.value);
      edited();
    };
  }

  return (
    <section className="panel" aria-labelledby="linking-heading">
      <h2 id="linking-heading">{m['settings.linking']}</h2>
      <p className="muted">{m['settings.linkingIntro']}</p>
      <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <div className="form-field">
          <label htmlFor={`${id}-amount`}>{m['settings.threshold']}</label>
          <input
            id={`${id}-amount`}
            className="input input-amount"
            type="text"
            inputMode="decimal"
            value={amount}
            onChange={edit(setAmount)}
            {...fieldNoteAria(`${id}-amount`, amountNotes)}
          />
          <FieldNotes id={`${id}-amount`} {...amountNotes} />
        </div>
        <div className="form-field">
          <label htmlFor={`${id}-days`}>{m['settings.lookback']}</label>
          <input
            id={`${id}-days`}
            className="input input-days"
            type="text"
            inputMode="numeric"
            value={days}
            onChange={edit(setDays)}
            {...fieldNoteAria(`${id}-days`, daysNotes)}
          />
          <FieldNotes id={`${id}-days`} {...daysNotes} />
        </div>
        <SaveActions save={save} label={save.state === 'saving' ? m['settings.saving'] : m['settings.save']} />
      </form>
    </section>
  );
}

function SyncSettings() {
  const { m } = useI18n();
  const { settings, update } = useSettings();
  const id = useId();
  const [minutes, setMinutes] = useState(String(settings.syncIntervalMinutes));
  const [checked, setChecked] = useState(false);
  const { save, submit, reset, edited } = useSaveForm();
  const value = parseInterval(minutes);
  const notes = { hint: m['settings.syncIntervalHint'], error: checked && value === null ? m['settings.invalidInterval'] : null };

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setChecked(true);
    if (value === null) {
      reset();
      return;
    }
    await submit(() => update({ syncIntervalMinutes: value }));
  }

  return (
    <section className="panel" aria-labelledby="sync-heading">
      <h2 id="sync-heading">{m['settings.sync']}</h2>
      <p className="muted">{m['settings.syncIntro']}</p>
      <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <div className="form-field">
          <label htmlFor={`${id}-interval`}>{m['settings.syncInterval']}</label>
          <input
            id={`${id}-interval`}
            className="input input-days"
            type="text"
            inputMode="numeric"
            value={minutes}
            onChange={(event) => {
              setMinutes(event.target.value);
              edited();
            }}
            {...fieldNoteAria(`${id}-interval`, notes)}
          />
          <FieldNotes id={`${id}-interval`} {...notes} />
        </div>
        <SaveActions save={save} label={save.state === 'saving' ? m['settings.saving'] : m['settings.save']} />
      </form>
    </section>
  );
}

export function SettingsView() {
  const { m } = useI18n();
  return (
    <div className="view view-settings">
      <header className="view-header">
        <h1>{m['settings.title']}</h1>
      </header>
      <DisplaySettings />
      <LinkingSettings />
      <SyncSettings />
      <IgnoreSettings />
      <ReferenceSettings />
      <SharingSettings />
      <StoreSettings />
    </div>
  );
}
