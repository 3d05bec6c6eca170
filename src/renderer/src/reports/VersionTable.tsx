// Every version of a report the store received, newest first as the backend lists them.

import type { ReportVersionView } from '../../../common/api';
import { useI18n } from '../i18n/I18nContext';

export function VersionTable({ versions, current }: { readonly versions: readonly ReportVersionView[]; readonly current: number }) {
  const { m, fmt } = useI18n();
  return (
    <section className="panel" aria-labelledby="versions-heading">
      <h2 id="versions-heading">{m['detail.versions']}</h2>
      <div className="table-scroll">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{m['ver.version']}</th>
              <th scope="col">{m['ver.receivedAt']}</th>
              <th scope="col">{m['ver.source']}</th>
              <th scope="col">{m['ver.state']}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((version) => (
              <tr key={`${version.version} ${version.receivedAt}`} aria-current={version.version === current ? 'true' : undefined}>
                <td className="num">
                  {fmt.count(version.version)}
                  {version.version === current ? <span className="muted"> {m['ver.current']}</span> : null}
                </td>
                <td>{fmt.localDateTime(version.receivedAt)}</td>
                <td className="mono">{version.source}</td>
                <td>{version.deleted ? m['ver.withdrawn'] : m['ver.live']}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
