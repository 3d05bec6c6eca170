// The fraudster-side identifiers of a report: normalised value (what reports are compared
// on), the raw text as the citizen wrote it, and where it came from.

import type { IdentifierView } from '../../../common/api';
import { useI18n } from '../i18n/I18nContext';
import { isRole, isSubtype } from '../i18n/vocabulary';

export function IdentifierTable({ identifiers }: { readonly identifiers: readonly IdentifierView[] }) {
  const { m } = useI18n();

  function roleText(role: string | undefined): string {
    if (role === undefined || role === '') return '';
    return isRole(role) ? m[`role.${role}`] : role;
  }

  function checkText(identifier: IdentifierView): string {
    const parts: string[] = [];
    if (identifier.luhn !== undefined) parts.push(identifier.luhn ? m['ident.luhnOk'] : m['ident.luhnBad']);
    if (identifier.domain) parts.push(m['ident.domain'](identifier.domain));
    return parts.join(' · ');
  }

  return (
    <section className="panel" aria-labelledby="identifiers-heading">
      <h2 id="identifiers-heading">{m['detail.identifiers']}</h2>
      {identifiers.length === 0 ? (
        <p className="muted">{m['detail.identifiersNone']}</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{m['ident.kind']}</th>
                <th scope="col">{m['ident.value']}</th>
                <th scope="col">{m['ident.raw']}</th>
                <th scope="col">{m['ident.role']}</th>
                <th scope="col">{m['ident.origin']}</th>
                <th scope="col">{m['ident.check']}</th>
              </tr>
            </thead>
            <tbody>
              {identifiers.map((identifier, index) => (
                <tr key={`${identifier.kind} ${identifier.value} ${identifier.origin} ${index}`}>
                  <td>
                    {m[`kind.${identifier.kind}`]}
                    {identifier.subtype ? (
                      <span className="muted">
                        {' '}
                        · {isSubtype(identifier.subtype) ? m[`subtype.${identifier.subtype}`] : identifier.subtype}
                      </span>
                    ) : null}
                  </td>
                  <td className="mono">{identifier.value}</td>
                  <td className="mono">{identifier.raw}</td>
                  <td>{roleText(identifier.role)}</td>
                  <td>{m[`origin.${identifier.origin}`]}</td>
                  <td className={identifier.luhn === false ? 'warn-text' : undefined}>{checkText(identifier)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
