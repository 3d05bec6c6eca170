// Record streams for the reference feed: valid reports, later versions and tombstones arriving
// mid-stream, and the invalid records the protocol says must be set aside one by one.
import fs from 'node:fs';

const CATEGORIES = ['part_time_job', 'fake_customer_service', 'impersonating_officials', 'loan', 'investment_romance', 'fake_prize'];

export function report(n: number, precinct: string, version = 1, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const day = String(1 + (n % 28)).padStart(2, '0');
  const phone = `1380013${String(n % 10_000).padStart(4, '0')}`;
  return {
    id: `RPT-${precinct}-${String(n).padStart(6, '0')}`,
    version,
    precinct,
    reported_at: `2024-03-${day}T10:${String(n % 60).padStart(2, '0')}:00+08:00`,
    category: CATEGORIES[n % CATEGORIES.length],
    loss: { amount: `${100 + (n % 5000)}.${String((n * 7) % 100).padStart(2, '0')}`, currency: 'CNY' },
    narrative: `第${n}号报案：对方自称客服，要求转账，版本${version}。`,
    messages: [{ channel: 'sms', sender: '10690000123', text: `请联系 ${phone} 办理退款` }],
    identifiers: [
      { kind: 'phone', value: `+86 ${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}`, role: 'contact' },
      { kind: 'bank_card', value: `6222 0212 3456 ${String(n % 10_000).padStart(4, '0')} 128`, role: 'payee' },
    ],
    ...extra,
  };
}

export const tombstone = (id: string, version: number): Record<string, unknown> => ({ id, version, deleted: true });

/** The three invalid records of the task, each with the field its rejection must name. */
export function invalidRecords(precinct: string): { record: Record<string, unknown>; id: string | null; field: string; reason: RegExp }[] {
  const base = report(900_001, precinct);
  const { id: _id, ...withoutId } = report(900_003, precinct);
  return [
    {
      record: { ...base, id: 'BAD-FLOAT', loss: { amount: 1234.5, currency: 'CNY' } },
      id: 'BAD-FLOAT',
      field: 'loss.amount',
      reason: /decimal string/,
    },
    {
      record: { ...report(900_002, precinct), id: 'BAD-DATE', reported_at: '2024-02-30T10:00:00+08:00' },
      id: 'BAD-DATE',
      field: 'reported_at',
      reason: /2024-02-30/,
    },
    { record: withoutId, id: null, field: 'id', reason: /required/ },
  ];
}

/**
 * `count` reports for one precinct in delivery order, with later versions of earlier reports,
 * tombstones (and a late older version after a tombstone), and the invalid records, spread
 * through the stream so that they land mid-page.
 */
export function mixedStream(precinct: string, count: number): unknown[] {
  const out: unknown[] = [];
  const bad = invalidRecords(precinct).map((b) => b.record);
  const idOf = (n: number): string => `RPT-${precinct}-${String(n).padStart(6, '0')}`;
  for (let n = 0; n < count; n += 1) {
    out.push(report(n, precinct));
    if (n % 17 === 16) out.push(report(n - 10, precinct, 2, { loss: { amount: '9999.99', currency: 'CNY' } }));
    if (n % 29 === 28) out.push(tombstone(idOf(n - 20), 3));
    if (n % 41 === 40) out.push(report(n - 20, precinct, 2));
    if (n % Math.max(1, Math.floor(count / 3)) === 5 && bad.length > 0) out.push(bad.shift());
  }
  out.push(...bad);
  out.push(tombstone(`RPT-${precinct}-NEVER-SEEN`, 1));
  return out;
}

export function writeNdjson(file: string, records: readonly unknown[]): string {
  fs.writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return file;
}

export function readNdjson(file: string): unknown[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as unknown);
}
