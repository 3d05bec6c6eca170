// Multi-select of scam categories: a button opening a list of checkboxes. Escape or a click
// outside closes it; focus returns to the button.

import { useEffect, useId, useRef, useState } from 'react';
import { CATEGORIES, type Category } from '../../../common/model';
import { useI18n } from '../i18n/I18nContext';

export interface CategoryFilterProps {
  readonly selected: readonly Category[];
  readonly onChange: (selected: readonly Category[]) => void;
}

export function CategoryFilter({ selected, onChange }: CategoryFilterProps) {
  const { m, fmt } = useI18n();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    function onPointerDown(event: PointerEvent): void {
      if (event.target instanceof Node && !rootRef.current?.contains(event.target)) setOpen(false);
    }
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  function toggle(category: Category, checked: boolean): void {
    onChange(checked ? [...selected, category] : selected.filter((c) => c !== category));
  }

  const summary =
    selected.length === 0
      ? m['reports.categoriesAll']
      : selected.length === 1 && selected[0] !== undefined
        ? m[`category.${selected[0]}`]
        : m['reports.categoriesSome'](selected.length, fmt.count(selected.length));

  return (
    <div
      ref={rootRef}
      className="dropdown"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
    >
      <span className="field-label" id={`${panelId}-label`}>
        {m['reports.categories']}
      </span>
      <button
        ref={buttonRef}
        type="button"
        className="input dropdown-button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-labelledby={`${panelId}-label ${panelId}-value`}
        onClick={() => setOpen((value) => !value)}
      >
        <span id={`${panelId}-value`}>{summary}</span>
        <span aria-hidden="true" className="dropdown-caret">
          ▾
        </span>
      </button>
      {open ? (
        <div id={panelId} className="dropdown-panel">
          <fieldset>
            <legend className="visually-hidden">{m['reports.categories']}</legend>
            {CATEGORIES.map((category) => (
              <label key={category} className="check">
                <input type="checkbox" checked={selected.includes(category)} onChange={(event) => toggle(category, event.target.checked)} />
                <span>{m[`category.${category}`]}</span>
              </label>
            ))}
          </fieldset>
          <button type="button" className="button button-quiet" disabled={selected.length === 0} onClick={() => onChange([])}>
            {m['reports.categoriesClear']}
          </button>
        </div>
      ) : null}
    </div>
  );
}
