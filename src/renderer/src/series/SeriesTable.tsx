// A table of series: id, reports, victims, summed loss against the filing threshold (a bar with
// the figure and an "over"/"below" label, "only together" when no report reaches it alone:
// colour is never the only signal), dates, categories
// and the status of its case. Column headers sort when the list passes `sort`.

import type { SeriesRow, SeriesSort } from '../../../common/api';
import type { Money } from '../../../common/model';
import { FlagIcon, SortIcon } from '../app/Icons';
import { routeHref } from '../app/routes';
import { amountNumber } from '../format/compact';
import { useI18n } from '../i18n/I18nContext';
import type { TextKey } from '../i18n/messages';

export interface SeriesSortState {
  readonly sort: SeriesSort | null;
  readonly desc: boolean;
  readonly onSort: (sort: SeriesSort) => void;
}

export function ThresholdBar({ row, threshold }: { readonly row: SeriesRow; readonly threshold: Money }) {
  const { m, fmt } = useI18n();
  const limit = amountNumber(threshold.amount);
  const value = amountNumber(row.thresholdLoss);
  const ratio = limit > 0 ? value / limit : 0;
  const width = Math.min(100, Math.round(ratio * 100));
  return (
    <div className={row.overThreshold ? 'tbar tbar-over' : 'tbar'}>
      <span className="tbar-figure num">{fmt.money({ amount: row.thresholdLoss, currency: threshold.currency })}</span>
      <span className="tbar-track" aria-hidden="true">
        <span className="tbar-fill" style={{ width: `${width}%` }} />
      </span>
      <span className="tbar-state small">
        {row.overThreshold ? (
          <>
            <FlagIcon />
            {m['seriesList.over']}
            {row.onlyTogether ? <span className="tbar-together">{m['seriesList.together']}</span> : null}
          </>
        ) : (
          m['seriesList.below'](fmt.count(Math.round(ratio * 100)))
        )}
      </span>
    </div>
  );
}

const COLUMNS: readonly { readonly key: SeriesSort | null; readonly label: TextKey; readonly num?: boolean }[] = [
  { key: 'id', label: 'seriesList.col.id' },
  { key: 'reports', label: 'seriesList.col.reports', num: true },
  { key: 'victims', label: 'seriesList.col.victims', num: true },
  { key: 'loss', label: 'seriesList.col.loss' },
  { key: 'first', label: 'seriesList.col.first' },
  { key: 'last', label: 'seriesList.col.last' },
  { key: null, label: 'seriesList.col.categories' },
  { key: null, label: 'seriesList.col.status' },
];

export function SeriesTable({
  rows,
  threshold,
  caption,
  sort,
}: {
  readonly rows: readonly SeriesRow[];
  readonly threshold: Money;
  readonly caption: string;
  readonly sort?: SeriesSortState;
}) {
  const { m, fmt } = useI18n();
  return (
    <div className="table-scroll">
      <table className="table series-table" data-testid="series-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {COLUMNS.map((col) => {
              const active = sort && col.key !== null && sort.sort === col.key;
              const direction = active ? (sort.desc ? 'descending' : 'ascending') : 'none';
              return (
                <th
                  key={col.label}
                  scope="col"
                  className={col.num ? 'num' : undefined}
                  aria-sort={sort && col.key !== null ? direction : undefined}
                >
                  {sort && col.key !== null ? (
                    <button type="button" className="sort-button" onClick={() => col.key && sort.onSort(col.key)}>
                      {m[col.label]}
                      <SortIcon direction={direction} />
                    </button>
                  ) : (
                    m[col.label]
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-over={row.overThreshold ? 'true' : 'false'} data-together={row.onlyTogether ? 'true' : 'false'}>
              <td className="mono">
                <a href={routeHref({ view: 'series-detail', id: row.id })}>{row.id}</a>
              </td>
              <td className="num">{fmt.count(row.reports)}</td>
              <td className="num">{fmt.count(row.victims)}</td>
              <td>
                <ThresholdBar row={row} threshold={threshold} />
              </td>
              <td>{row.firstAt ? fmt.date(row.firstAt) : '—'}</td>
              <td>{row.lastAt ? fmt.date(row.lastAt) : '—'}</td>
              <td>{row.categories.map((c) => m[`category.${c}`]).join(m['seriesList.sep'])}</td>
              <td>
                {row.status && row.caseId ? (
                  <a href={`#/cases/${encodeURIComponent(row.caseId)}`}>{m[`seriesStatus.${row.status}`]}</a>
                ) : (
                  <span className="muted">{m['seriesStatus.none']}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
