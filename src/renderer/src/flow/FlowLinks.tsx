// The money flow's shared devices and holders: accounts of the series' flow paid from one IP or MAC
// (a phone or PC running several mule cards) and one holder behind several cards, each finding
// with its accounts, how many payments and when; the addresses set aside as gateways.

import { useId } from 'react';
import type { DeviceLink, FlowLinks as Links, HolderLink } from '../../../common/api';
import { ResourceState } from '../app/ResourceState';
import { useDataVersion } from '../app/ServicesContext';
import { useApiResource } from '../app/use-api-resource';
import { useI18n } from '../i18n/I18nContext';

export function FlowLinks({ seriesId }: { readonly seriesId: string }) {
  const { m } = useI18n();
  const id = useId();
  const [resource, retry] = useApiResource('flow.links', { seriesId }, useDataVersion());
  return (
    <section aria-labelledby={`${id}-heading`} data-testid="flow-links">
      <h3 id={`${id}-heading`}>{m['flowLinks.title']}</h3>
      <ResourceState resource={resource} onRetry={retry} />
      {resource.status === 'ok' ? <LinksBody links={resource.value} /> : null}
    </section>
  );
}

function LinksBody({ links }: { readonly links: Links }) {
  const { m, fmt } = useI18n();
  const cap = fmt.count(links.maxAccounts);
  return (
    <>
      <p className="muted small">{m['flowLinks.intro'](cap)}</p>
      {links.devices.length === 0 && links.holders.length === 0 ? <p data-testid="flow-links-none">{m['flowLinks.none']}</p> : null}
      {links.devices.length > 0 ? (
        <>
          <h4>{m['flowLinks.devices'](links.devices.length, fmt.count(links.devices.length))}</h4>
          {links.devices.map((d) => (
            <Device key={`${d.kind}:${d.value}`} device={d} />
          ))}
        </>
      ) : null}
      {links.holders.length > 0 ? (
        <>
          <h4>{m['flowLinks.holders'](links.holders.length, fmt.count(links.holders.length))}</h4>
          {links.holders.map((h) => (
            <Holder key={h.accounts.map((a) => a.account).join(',')} holder={h} />
          ))}
        </>
      ) : null}
      {links.ignored.length > 0 ? (
        <details className="small" data-testid="flow-links-ignored">
          <summary>{m['flowLinks.ignored'](links.ignored.length, fmt.count(links.ignored.length), cap)}</summary>
          <ul>
            {links.ignored.map((i) => (
              <li key={`${i.kind}:${i.value}`} className="mono">
                {m['flowLinks.ignoredItem'](i.kind, i.value, fmt.count(i.accounts))}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}

function Device({ device: d }: { readonly device: DeviceLink }) {
  const { m, fmt } = useI18n();
  return (
    <div data-testid="flow-links-device">
      <p className="small">
        <strong className="mono">{m['flowLinks.device'](d.kind, d.value)}</strong>:{' '}
        {m['flowLinks.deviceSummary'](fmt.count(d.accounts.length), fmt.count(d.transactions), fmt.dateTime(d.first), fmt.dateTime(d.last))}
      </p>
      <div className="table-scroll">
        <table className="table">
          <caption className="visually-hidden">{m['flowLinks.device'](d.kind, d.value)}</caption>
          <thead>
            <tr>
              <th scope="col">{m['flowLinks.col.account']}</th>
              <th scope="col">{m['flowLinks.col.holder']}</th>
              <th scope="col" className="num">
                {m['flowLinks.col.transactions']}
              </th>
              <th scope="col">{m['flowLinks.col.first']}</th>
              <th scope="col">{m['flowLinks.col.last']}</th>
            </tr>
          </thead>
          <tbody>
            {d.accounts.map((a) => (
              <tr key={a.account}>
                <td className="mono">{a.account}</td>
                <td>{a.holder ?? '—'}</td>
                <td className="num">{fmt.count(a.transactions)}</td>
                <td>{fmt.dateTime(a.first)}</td>
                <td>{fmt.dateTime(a.last)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function Holder({ holder: h }: { readonly holder: HolderLink }) {
  const { m } = useI18n();
  const basis = h.basis.map((b) => m['flowLinks.basis'](b)).join(', ');
  const names = h.names.join(' / ') || '—';
  return (
    <div data-testid="flow-links-holder">
      <p className="small">
        <strong>{m['flowLinks.holderSummary'](names, basis)}</strong>
      </p>
      <div className="table-scroll">
        <table className="table">
          <caption className="visually-hidden">{m['flowLinks.holderSummary'](names, basis)}</caption>
          <thead>
            <tr>
              <th scope="col">{m['flowLinks.col.account']}</th>
              <th scope="col">{m['flowLinks.col.holder']}</th>
              <th scope="col">{m['flowLinks.col.idNumber']}</th>
              <th scope="col">{m['flowLinks.col.phone']}</th>
              <th scope="col">{m['flowLinks.col.bank']}</th>
              <th scope="col">{m['flowLinks.col.requested']}</th>
            </tr>
          </thead>
          <tbody>
            {h.accounts.map((a) => (
              <tr key={a.account}>
                <td className="mono">{a.account}</td>
                <td>{a.holder ?? '—'}</td>
                <td className="mono">{a.idNumber ?? '—'}</td>
                <td className="mono">{a.phone ?? '—'}</td>
                <td>{a.bank ?? '—'}</td>
                <td>{a.requested ? m['flow.yes'] : m['flow.no']}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
