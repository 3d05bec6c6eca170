// A bundle's threshold figures are the store's: the window on when each fraud happened, the report
// that pushed the series over and when, whether it was reached only together, and the printed
// summary says which dates the window counted.
import { describe, expect, it } from 'vitest';
import { collectSeries } from '../../../src/core/bundle/collect';
import { summaryPdf } from '../../../src/core/bundle/summary-pdf';
import { linkedStore } from './fixture';
import { pdfText } from './pdf-text';

describe('a bundle’s threshold figures', () => {
  it('are those the store holds for the series, and the summary says which dates the window counted', async () => {
    const f = await linkedStore(1500, 3);
    const series = f.db
      .prepare(
        'SELECT id, over_report, over_at_ms, only_together, occurred_reports, size FROM series WHERE active = 1 ORDER BY size DESC, id LIMIT 60',
      )
      .all() as {
      id: string;
      over_report: string | null;
      over_at_ms: number | null;
      only_together: number;
      occurred_reports: number;
      size: number;
    }[];
    expect(series.some((s) => s.only_together === 1)).toBe(true);
    for (const s of series) {
      const c = collectSeries(f.db, { seriesId: s.id, redact: false, sharingKey: null });
      expect(
        { report: c.crossing?.report ?? null, at: c.crossing?.atMs ?? null, together: c.onlyTogether, occurred: c.occurredReports },
        s.id,
      ).toEqual({
        report: s.over_report,
        at: s.over_at_ms,
        together: s.only_together === 1,
        occurred: s.occurred_reports,
      });
    }
    // A series reached only together, some of whose reports do not say when their fraud happened.
    const together = f.db
      .prepare(
        'SELECT id, occurred_reports, size FROM series WHERE active = 1 AND only_together = 1 AND occurred_reports < size ORDER BY id LIMIT 1',
      )
      .get() as { id: string; occurred_reports: number; size: number };
    const content = collectSeries(f.db, { seriesId: together.id, redact: false, sharingKey: null });
    const text = pdfText(
      await summaryPdf(content, { createdAt: new Date('2025-06-01T00:00:00Z'), bureau: 'test', compress: false }),
    ).replace(/\s+/g, ' ');
    expect(text).toContain(
      `within 730 days of when the frauds happened (occurrence dates for ${together.occurred_reports} of ${together.size} reports, report dates for the rest)`,
    );
    expect(text).toContain('yes, only together (no report reaches it alone), with report');
    f.db.close();
  }, 60_000);
});
