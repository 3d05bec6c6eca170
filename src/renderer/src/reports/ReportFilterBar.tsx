// The search box and filters above the reports table. Typed values are drafts; they reach
// the address (and so the query) 250 ms after the last keystroke, and only when valid.

import { DateField } from '../app/DateField';
import { useEffect, useId, useState } from 'react';
import { decimalToCents } from '../../../common/money';
import type { Category } from '../../../common/model';
import { useI18n } from '../i18n/I18nContext';
import { CategoryFilter } from './CategoryFilter';
import { DEFAULT_FILTERS, hasActiveFilters, type ReportFilters } from './report-filters';

const DEBOUNCE_MS = 250;

interface Drafts {
  readonly text: string;
  readonly from: string;
  readonly to: string;
  readonly minLoss: string;
  readonly maxLoss: string;
}

type DraftProblem = 'minLoss' | 'maxLoss' | 'dateOrder' | 'amountOrder';

function draftsOf(filters: Readonly<ReportFilters>): Drafts {
  const { text, from, to, minLoss, maxLoss } = filters;
  return { text, from, to, minLoss, maxLoss };
}

function normalise(drafts: Drafts): Drafts {
  return { ...drafts, text: drafts.text.trim(), minLoss: drafts.minLoss.trim(), maxLoss: drafts.maxLoss.trim() };
}

function amountOk(text: string): boolean {
  return text === '' || decimalToCents(text) !== null;
}

function problemsOf(drafts: Drafts): ReadonlySet<DraftProblem> {
  const d = normalise(drafts);
  const problems = new Set<DraftProblem>();
  if (!amountOk(d.minLoss)) problems.add('minLoss');
  if (!amountOk(d.maxLoss)) problems.add('maxLoss');
  if (d.from !== '' && d.to !== '' && d.from > d.to) problems.add('dateOrder');
  const min = d.minLoss === '' ? null : decimalToCents(d.minLoss);
  const max = d.maxLoss === '' ? null : decimalToCents(d.maxLoss);
  if (min !== null && max !== null && min > max) problems.add('amountOrder');
  return problems;
}

/**
 * After the address changed, take the fields it changed — unless the draft already says the
 * same (our own commit, perhaps with a trailing space still being typed). Fields it did not
 * change keep their drafts, so a sort click does not throw away an amount being typed.
 */
function reconcile(drafts: Drafts, before: Readonly<ReportFilters>, after: Readonly<ReportFilters>): Drafts {
  const d = normalise(drafts);
  const take = (field: keyof Drafts): string =>
    before[field] === after[field] || d[field] === after[field] ? drafts[field] : after[field];
  return { text: take('text'), from: take('from'), to: take('to'), minLoss: take('minLoss'), maxLoss: take('maxLoss') };
}

function sameAsFilters(d: Drafts, filters: Readonly<ReportFilters>): boolean {
  return (
    d.text === filters.text &&
    d.from === filters.from &&
    d.to === filters.to &&
    d.minLoss === filters.minLoss &&
    d.maxLoss === filters.maxLoss
  );
}

export interface ReportFilterBarProps {
  readonly filters: ReportFilters;
  readonly onChange: (filters: ReportFilters) => void;
}

export function ReportFilterBar({ filters, onChange }: ReportFilterBarProps) {
  const { m } = useI18n();
  const id = useId();
  const [drafts, setDrafts] = useState(() => draftsOf(filters));
  const [seen, setSeen] = useState(filters);
  if (seen !== filters) {
    setSeen(filters);
    setDrafts((current) => reconcile(current, seen, filters));
  }

  useEffect(() => {
    const next = normalise(drafts);
    if (problemsOf(drafts).size > 0 || sameAsFilters(next, filters)) return;
    const timer = setTimeout(() => onChange({ ...filters, ...next }), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [drafts, filters, onChange]);

  const problems = problemsOf(drafts);
  const edit = (field: keyof Drafts) => (event: { readonly target: { readonly value: string } }) =>
    setDrafts((current) => ({ ...current, [field]: event.target.value }));
  const describedBy = (...wanted: DraftProblem[]): string | undefined =>
    wanted.some((p) => problems.has(p)) ? `${id}-problems` : undefined;

  return (
    <div role="search" aria-label={m['reports.filters']} className="filter-bar">
      <div className="filter-row">
        <label className="field field-search">
          <span className="field-label">{m['reports.search']}</span>
          <input
            type="search"
            className="input"
            value={drafts.text}
            placeholder={m['reports.searchPlaceholder']}
            onChange={edit('text')}
            spellCheck={false}
            maxLength={500}
          />
        </label>
        <CategoryFilter
          selected={filters.categories}
          onChange={(categories: readonly Category[]) => onChange({ ...filters, categories })}
        />
        <DateField
          label={m['reports.from']}
          value={drafts.from}
          max={drafts.to === '' ? undefined : drafts.to}
          onChange={(from) => setDrafts((current) => ({ ...current, from }))}
          invalid={problems.has('dateOrder')}
          describedBy={describedBy('dateOrder')}
        />
        <DateField
          label={m['reports.to']}
          value={drafts.to}
          min={drafts.from === '' ? undefined : drafts.from}
          onChange={(to) => setDrafts((current) => ({ ...current, to }))}
          invalid={problems.has('dateOrder')}
          describedBy={describedBy('dateOrder')}
        />
        <label className="field field-amount">
          <span className="field-label">{m['reports.minLoss']}</span>
          <input
            type="text"
            inputMode="decimal"
            className="input"
            value={drafts.minLoss}
            onChange={edit('minLoss')}
            aria-invalid={problems.has('minLoss') || problems.has('amountOrder')}
            aria-describedby={describedBy('minLoss', 'amountOrder')}
          />
        </label>
        <label className="field field-amount">
          <span className="field-label">{m['reports.maxLoss']}</span>
          <input
            type="text"
            inputMode="decimal"
            className="input"
            value={drafts.maxLoss}
            onChange={edit('maxLoss')}
            aria-invalid={problems.has('maxLoss') || problems.has('amountOrder')}
            aria-describedby={describedBy('maxLoss', 'amountOrder')}
          />
        </label>
        <label className="check filter-check">
          <input
            type="checkbox"
            checked={filters.includeWithdrawn}
            onChange={(event) => onChange({ ...filters, includeWithdrawn: event.target.checked })}
          />
          <span>{m['reports.includeWithdrawn']}</span>
        </label>
        <button
          type="button"
          className="button button-quiet"
          disabled={!hasActiveFilters(filters) && sameAsFilters(normalise(drafts), filters)}
          onClick={() => {
            setDrafts(draftsOf(DEFAULT_FILTERS));
            onChange({ ...DEFAULT_FILTERS, sort: filters.sort, desc: filters.desc });
          }}
        >
          {m['reports.clearFilters']}
        </button>
      </div>
      <div id={`${id}-problems`} className="filter-problems" role="alert">
        {problems.has('minLoss') || problems.has('maxLoss') ? <p>{m['reports.invalidAmount']}</p> : null}
        {problems.has('dateOrder') ? <p>{m['reports.dateOrder']}</p> : null}
        {problems.has('amountOrder') ? <p>{m['reports.amountOrder']}</p> : null}
      </div>
    </div>
  );
}
