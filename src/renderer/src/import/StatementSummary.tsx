// The summary of a bank-statement import: per file its encoding and rows, the counts of new,
// duplicate and rejected transactions, and every rejected row named (file, sheet, row, column).

import type { StatementImportView } from '../../../common/api';
import { useI18n } from '../i18n/I18nContext';

export function StatementSummary({ summary }: { readonly summary: StatementImportView }) {
  const { m, fmt } = useI18n();
  return (
    <section className="panel" aria-label={m['import.statements.summary']} data-testid="statement-summary">
      <h2>{m['import.statements.summary']}</h2>
      <p>{m['import.statements.counts'](fmt.count(summary.new), fmt.count(summary.duplicates), fmt.count(summary.rejected))}</p>
      <ul className="small">
        {summary.files.map((f) => (
          <li key={f.file}>
            {f.alreadyImported
              ? m['import.statements.again'](f.file)
              : m['import.statements.file'](f.file, f.encoding ?? '', fmt.count(f.rows))}
          </li>
        ))}
      </ul>
      {summary.rejections.length > 0 ? (
        <div className="table-scroll">
          <table className="table" data-testid="statement-rejections">
            <caption className="visually-hidden">{m['import.statements.rejected']}</caption>
            <thead>
              <tr>
                <th scope="col">{m['import.statements.where']}</th>
                <th scope="col">{m['import.statements.column']}</th>
                <th scope="col">{m['import.statements.reason']}</th>
              </tr>
            </thead>
            <tbody>
              {summary.rejections.map((r) => (
                <tr key={`${r.file}-${r.sheet}-${r.row}`}>
                  <td>{m['import.statements.row'](r.file, r.sheet, r.row)}</td>
                  <td className="mono">{r.field}</td>
                  <td>{r.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
