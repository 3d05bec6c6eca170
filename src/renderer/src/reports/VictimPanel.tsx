// The reporting citizen's personal data, masked until the investigator reveals a field. The
// backend sends it masked (src/common/victim-mask.ts); revealing asks it for the whole values
// (reports.revealVictim), which it writes to the audit log; hiding again is local.

import { useState } from 'react';
import type { ApiError } from '../../../common/api';
import type { Victim } from '../../../common/model';
import { ErrorNotice } from '../app/ErrorNotice';
import { LockIcon } from '../app/Icons';
import { useApi } from '../app/ServicesContext';
import { useI18n } from '../i18n/I18nContext';
import type { TextKey } from '../i18n/messages';

type MaskedField = 'name' | 'phone' | 'id_number';

const MASKED: readonly { readonly field: MaskedField; readonly label: TextKey }[] = [
  { field: 'name', label: 'victim.name' },
  { field: 'phone', label: 'victim.phone' },
  { field: 'id_number', label: 'victim.idNumber' },
];

export function VictimPanel({ reportId, victim }: { readonly reportId: string; readonly victim: Readonly<Victim> | null }) {
  const { m, fmt } = useI18n();
  const api = useApi();
  const [revealed, setRevealed] = useState<ReadonlySet<MaskedField>>(new Set());
  const [full, setFull] = useState<Readonly<Victim> | null>(null);
  const [busy, setBusy] = useState<MaskedField | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const masked = victim ? MASKED.filter(({ field }) => victim[field] !== undefined && victim[field] !== '') : [];
  const plain: { readonly label: TextKey; readonly value: string }[] = [];
  if (victim?.age !== undefined) plain.push({ label: 'victim.age', value: fmt.count(victim.age) });
  if (victim?.gender) plain.push({ label: 'victim.gender', value: victim.gender });
  if (victim?.district) plain.push({ label: 'victim.district', value: victim.district });

  async function toggle(field: MaskedField): Promise<void> {
    if (!revealed.has(field) && full === null) {
      setBusy(field);
      setError(null);
      const result = await api.call('reports.revealVictim', { id: reportId });
      setBusy(null);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setFull(result.value ?? {});
    }
    setRevealed((current) => {
      const next = new Set(current);
      if (next.has(field)) next.delete(field);
      else next.add(field);
      return next;
    });
  }

  return (
    <section className="panel" aria-labelledby="victim-heading">
      <h2 id="victim-heading">{m['detail.victim']}</h2>
      {masked.length === 0 && plain.length === 0 ? (
        <p className="muted">{m['detail.victimNone']}</p>
      ) : (
        <>
          {masked.length > 0 ? <p className="muted small">{m['detail.victimNote']}</p> : null}
          <dl className="facts">
            {masked.map(({ field, label }) => {
              const value = victim?.[field] ?? '';
              const shown = revealed.has(field);
              const plainValue = full?.[field] ?? '';
              const name = m[label];
              return (
                <div key={field} className="fact">
                  <dt>{name}</dt>
                  <dd className="fact-reveal">
                    {shown ? (
                      <span className="mono">{plainValue}</span>
                    ) : (
                      <span className="mono redacted">
                        <LockIcon />
                        {value}
                      </span>
                    )}
                    <button
                      type="button"
                      className="button button-small button-quiet"
                      aria-label={shown ? m['victim.hideLabel'](name) : m['victim.revealLabel'](name)}
                      disabled={busy === field}
                      onClick={() => void toggle(field)}
                    >
                      {shown ? m['victim.hide'] : m['victim.reveal']}
                    </button>
                  </dd>
                </div>
              );
            })}
            {plain.map(({ label, value }) => (
              <div key={label} className="fact">
                <dt>{m[label]}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          {error ? <ErrorNotice error={error} /> : null}
        </>
      )}
    </section>
  );
}
