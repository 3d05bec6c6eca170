// The full-text index keeps which reports hold each trigram, no longer where in the text
// (FTS5 detail=none instead of full). A search finds its candidates through the index (every
// trigram of the searched text, ANDed) and confirms each by a substring match on the report's own
// fields (report/queries.ts), so it answers exactly what it answered before.
// Measured on 100k demo reports: the index shrinks from 923 to about 370 bytes a report (the store
// by 15%), and indexing, the largest cost of an import, by about a third.
// Every report's text is indexed again from its stored fields, in this migration's transaction:
// narrative, message texts and senders, and the identifiers as reported, one per line, ending in
// two newlines (ingest/prepare.ts SEARCH_END) — what an import indexes.
// report_text_terms lists the index's trigrams: a search for one or two characters reads the
// trigrams that begin with them there, as the trigram tokenizer itself makes none of them.
import type { Migration } from './migration';

export const m009SearchDetailNone: Migration = {
  version: 9,
  name: 'search-detail-none',
  up: `
    DROP TABLE report_text;
    CREATE VIRTUAL TABLE report_text USING fts5 (
      body, content = '', contentless_delete = 1, tokenize = 'trigram', detail = none
    );
    INSERT INTO report_text (report_text, rank) VALUES ('automerge', 8);
    INSERT INTO report_text (report_text, rank) VALUES ('hashsize', 4194304);
    INSERT INTO report_text (rowid, body)
    SELECT rid, body || char(10) || char(10) FROM (
      SELECT r.rid, concat_ws(char(10),
        r.narrative,
        (SELECT group_concat(concat_ws(char(10), m.text, m.sender), char(10)) FROM message m WHERE m.rid = r.rid),
        (SELECT group_concat(i.raw, char(10)) FROM identifier i WHERE i.rid = r.rid AND i.origin = 'reported')
      ) AS body
      FROM report r
    ) WHERE body <> '' ORDER BY rid;
    CREATE VIRTUAL TABLE report_text_terms USING fts5vocab (report_text, 'row');
  `,
};
