// Reading the engine's input from the store. A full run scans every report through a narrow
// covering index and every shared value grouped by SQL over another (values held by one report
// never reach JavaScript), then the message texts. An incremental run reads chosen reports by rid,
// in parts (the changed reports first, then what they touch), and builds one corpus of the parts:
// nothing is read twice.
import type { Db } from '../store/db';
import { CorpusBuilder, type Corpus } from './corpus';
import { DEFAULT_CHECK_EVERY, type Tick } from './progress';

type Row = unknown[];

const REPORT_COLUMNS = 'rid, id, category, precinct, reported_ms, loss_cents, currency, withdrawn, occurred_ms';

function addReport(b: CorpusBuilder, r: Row): void {
  b.addReport({
    rid: r[0] as number,
    id: r[1] as string,
    category: r[2] as string | null,
    precinct: r[3] as string | null,
    reportedMs: r[4] as number | null,
    lossCents: r[5] as number | null,
    currency: r[6] as string | null,
    occurredMs: r[8] as number | null,
  });
}

/** Every live report, for a full run; `tick` every `every` rows of each pass. */
export function loadCorpus(db: Db, tick?: Tick, every = DEFAULT_CHECK_EVERY): Corpus {
  const b = new CorpusBuilder();
  let n = 0;
  const step = (stage: string): void => {
    if (tick && n++ % every === 0) tick(stage, n, null);
  };
  // The narrow covering index, never the wide rows (narratives, victims).
  for (const r of db.prepare(`SELECT ${REPORT_COLUMNS} FROM report INDEXED BY report_link`).raw().iterate() as IterableIterator<Row>) {
    step('reading reports');
    if (r[7] === 0) addReport(b, r);
  }
  // Only values held by two or more reports can link: SQL groups them in one pass over the
  // covering index identifier_link, and the rest never reach JavaScript.
  // Each holder's origin as one digit (0 reported, 1 message, 2 narrative), in the rids' order.
  const shared = db
    .prepare(
      `SELECT kind, value, min(subtype), min(domain), group_concat(rid),
              group_concat(CASE origin WHEN 'message' THEN 1 WHEN 'narrative' THEN 2 ELSE 0 END, '')
       FROM identifier INDEXED BY identifier_link
       GROUP BY kind, value HAVING count(*) > 1`,
    )
    .raw();
  n = 0;
  for (const r of shared.iterate() as IterableIterator<Row>) {
    step('reading identifiers');
    b.addPosting(
      { kind: r[0] as string, value: r[1] as string, subtype: r[2] as string | null, domain: r[3] as string | null },
      r[4] as string,
      r[5] as string,
    );
  }
  const domains = db
    .prepare(
      `SELECT domain, group_concat(rid) FROM identifier WHERE domain IS NOT NULL AND kind = 'url' AND coalesce(subtype, '') NOT IN ('short_link', 'app_link')
       GROUP BY domain HAVING count(DISTINCT rid) > 1`,
    )
    .raw();
  n = 0;
  for (const r of domains.iterate() as IterableIterator<Row>) {
    step('reading domains');
    b.addDomainPosting(r[0] as string, r[1] as string);
  }
  n = 0;
  for (const r of db.prepare('SELECT rid, sender, text FROM message').raw().iterate() as IterableIterator<Row>) {
    step('reading messages');
    const i = b.indexOf(r[0] as number);
    if (i !== undefined) b.addMessage(i, r[1] as string | null, r[2] as string);
  }
  return b.build(tick, every);
}

/** The rows of some reports, read by rid: one part of an incremental run's corpus. */
export interface ReportRows {
  /** Live reports only, [rid, id, category, precinct, reported_ms, loss_cents, currency]. */
  readonly reports: readonly Row[];
  /** [rid, kind, value, subtype, domain, origin], each report's rows together. */
  readonly identifiers: readonly Row[];
  /** [rid, sender, text], in message order. */
  readonly messages: readonly Row[];
}

export function readReportRows(db: Db, rids: Iterable<number>): ReportRows {
  const list = JSON.stringify([...rids]);
  const where = 'WHERE rid IN (SELECT value FROM json_each(?))';
  return {
    // Sought rid by rid in the covering index, never in the wide table rows.
    reports: (db.prepare(`SELECT ${REPORT_COLUMNS} FROM report INDEXED BY report_link ${where}`).raw().all(list) as Row[]).filter(
      (r) => r[7] === 0,
    ),
    identifiers: db.prepare(`SELECT rid, kind, value, subtype, domain, origin FROM identifier ${where}`).raw().all(list) as Row[],
    messages: db.prepare(`SELECT rid, sender, text FROM message ${where}`).raw().all(list) as Row[],
  };
}

/** One corpus of disjoint parts, its reports in rid order (the order a full run sees them in). */
export function corpusOf(parts: readonly ReportRows[]): Corpus {
  const b = new CorpusBuilder();
  const reports = parts.flatMap((p) => p.reports).sort((x, y) => (x[0] as number) - (y[0] as number));
  for (const r of reports) addReport(b, r);
  for (const p of parts) {
    for (const r of p.identifiers) {
      const i = b.indexOf(r[0] as number);
      if (i !== undefined)
        b.addIdentifier(i, {
          kind: r[1] as string,
          value: r[2] as string,
          subtype: r[3] as string | null,
          domain: r[4] as string | null,
          origin: r[5] as string,
        });
    }
  }
  for (const p of parts) {
    for (const r of p.messages) {
      const i = b.indexOf(r[0] as number);
      if (i !== undefined) b.addMessage(i, r[1] as string | null, r[2] as string);
    }
  }
  return b.build();
}
