// Reference sites and URLs that keep their hash routes.
// - reference_domain: investigators' own reference sites (enabled = 1) and the shipped ones
//   (resources/reference-domains.json, never stored) they turned off in this store (enabled = 0);
//   see src/core/linking/reference-domains.ts. A host in canonical form covers every host under it.
// - A URL now keeps a fragment that is a route ("#/url/<hash>/detection", "#!/page"). Stored URL
//   identifiers lost it, so that every scan on virustotal.com was one value: the reports whose
//   narrative, messages or reported URLs hold a "#" (or a full-width one, which NFKC folds to it)
//   have their identifiers derived again from the record as received (ingest/rederive.ts), and
//   those whose rows change are marked to relink.
// - The reports holding a URL on a shipped reference site are marked to relink, as an edit of the
//   list marks them: linking no longer takes such a URL for a fraudster's.
import { rederiveIdentifiers } from '../../ingest/rederive';
import { isReferenceUrl, makeReferenceDomains, shippedReferences } from '../../linking/reference-domains';
import type { Migration } from './migration';

// instr() for each way of writing "#" that NFKC folds to it: U+0023, U+FF03, U+FE5F.
const HASH = (column: string): string => `(instr(${column}, '#') > 0 OR instr(${column}, '＃') > 0 OR instr(${column}, '﹟') > 0)`;

export const m012ReferenceDomains: Migration = {
  version: 12,
  name: 'reference-domains',
  up: `
    CREATE TABLE reference_domain (
      domain   TEXT PRIMARY KEY,
      category TEXT NOT NULL DEFAULT 'other',
      -- The investigator's reason for the entry, or for turning a shipped one off.
      note     TEXT,
      added_at TEXT NOT NULL,
      enabled  INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1))
    ) WITHOUT ROWID;
  `,
  run(db) {
    const candidates = db
      .prepare(
        `SELECT rid FROM report WHERE ${HASH('narrative')}
         UNION SELECT rid FROM message WHERE ${HASH('text')}
         UNION SELECT rid FROM identifier WHERE kind = 'url' AND origin = 'reported' AND ${HASH('raw')}`,
      )
      .pluck()
      .all() as number[];
    rederiveIdentifiers(db, candidates);

    const refs = makeReferenceDomains(shippedReferences());
    const holders = new Set<number>();
    // Read whole before writing: a connection cannot write while it iterates.
    for (const [rid, value] of db.prepare<[], [number, string]>("SELECT rid, value FROM identifier WHERE kind = 'url'").raw().iterate()) {
      if (isReferenceUrl(refs, value)) holders.add(rid);
    }
    const mark = db.prepare('INSERT OR IGNORE INTO link_dirty (rid) VALUES (?)');
    for (const rid of holders) mark.run(rid);
  },
};
