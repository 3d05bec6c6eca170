// A date input that reads the same in every browser and UI language: the day is typed as
// 2017-06-03 (or 2017/6/3, 2017年6月3日) and shown back in the UI language's long form, with a
// calendar button that opens the browser's own picker. (A bare <input type="date"> formats by
// the browser's locale, which may not be the UI language: mm/dd/yyyy on a Chinese screen.)

import { useId, useRef, useState } from 'react';
import { useI18n } from '../i18n/I18nContext';
import { parseDay } from './day-text';
import { CalendarIcon } from './Icons';

export interface DateFieldProps {
  readonly label: string;
  /** YYYY-MM-DD or ''. */
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly min?: string;
  readonly max?: string;
  /** Marked invalid from outside (e.g. the range is reversed), with the id of the message. */
  readonly invalid?: boolean;
  readonly describedBy?: string;
}

export function DateField({ label, value, onChange, min, max, invalid = false, describedBy }: DateFieldProps) {
  const { m, fmt, language } = useI18n();
  const id = useId();
  const picker = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    // Changed from outside (cleared, the address changed): follow it.
    setShown(value);
    if (parseDay(text) !== value) setText(value);
  }
  const bad = text.trim() !== '' && parseDay(text) === null;
  const described = [`${id}-hint`, bad ? `${id}-error` : '', describedBy ?? ''].filter((s) => s !== '').join(' ');

  function type(next: string): void {
    setText(next);
    if (next.trim() === '') onChange('');
    else {
      const day = parseDay(next);
      if (day !== null) onChange(day);
    }
  }

  function openPicker(): void {
    const input = picker.current;
    if (!input) return;
    try {
      input.showPicker();
    } catch {
      input.focus(); // a browser without showPicker: the field itself still works
    }
  }

  return (
    <div className="field date-field">
      <label className="field-label" htmlFor={`${id}-text`}>
        {label}
      </label>
      <span className="date-field-row">
        <input
          id={`${id}-text`}
          className="input input-date"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          lang={language}
          placeholder={m['date.placeholder']}
          value={text}
          onChange={(event) => type(event.target.value)}
          aria-invalid={bad || invalid}
          aria-describedby={described}
        />
        <button
          type="button"
          className="button button-small date-pick"
          aria-label={m['date.pick'](label)}
          title={m['date.pick'](label)}
          onClick={openPicker}
        >
          <CalendarIcon />
        </button>
        <input
          ref={picker}
          className="date-native"
          type="date"
          tabIndex={-1}
          aria-hidden="true"
          value={value}
          min={min}
          max={max}
          onChange={(event) => {
            setText(event.target.value);
            onChange(event.target.value);
          }}
        />
        {/* The day read back in the UI language; while empty, only screen readers hear the example. */}
        <span id={`${id}-hint`} className={value !== '' && !bad ? 'hint date-hint' : 'visually-hidden'}>
          {value !== '' && !bad ? fmt.date(value) : m['date.hint']}
        </span>
      </span>
      {bad ? (
        <span id={`${id}-error`} className="field-error" role="alert">
          {m['date.invalid']}
        </span>
      ) : null}
    </div>
  );
}
