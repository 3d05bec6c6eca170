// The series as spreadsheet tables (RFC 4180 CSV, UTF-8 with a byte-order mark so that Excel
// shows Chinese text): reports, identifiers per report, and links with their evidence.
import type { SeriesContent } from './collect';
import { describeEvidence } from './collect';

function cell(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  // A leading = + - @ makes a spreadsheet evaluate the cell: quote it as text.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function table(header: readonly string[], rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  return `\ufeff${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

export function csvTables(s: SeriesContent): Record<'reports.csv' | 'identifiers.csv' | 'links.csv', string> {
  return {
    'reports.csv': table(
      [
        'id',
        'version',
        'precinct',
        'reported_at',
        'occurred_at',
        'category',
        'loss_amount',
        'loss_currency',
        'victim_name',
        'victim_phone',
        'victim_id_number',
        'victim_age',
        'victim_gender',
        'district',
        'narrative',
      ],
      s.reports.map(({ record: r }) => [
        r.id,
        r.version,
        r.precinct,
        r.reported_at,
        r.occurred_at ?? null,
        r.category,
        r.loss?.amount,
        r.loss?.currency,
        r.victim?.name,
        r.victim?.phone,
        r.victim?.id_number,
        r.victim?.age,
        r.victim?.gender,
        r.location?.district ?? r.victim?.district,
        r.narrative,
      ]),
    ),
    'identifiers.csv': table(
      ['report_id', 'kind', 'value', 'as_written', 'role', 'found_in'],
      s.reports.flatMap((r) => r.identifiers.map((i) => [r.record.id, i.kind, i.value, i.raw, i.role, i.origin])),
    ),
    'links.csv': table(
      ['report_a', 'report_b', 'weight', 'strong', 'evidence'],
      s.links.map((l) => [l.a, l.b, l.weight, l.strong, l.evidence.map(describeEvidence).join('; ')]),
    ),
  };
}
