// The series network on hand-made series: ignored values marked and collapsed, and a series too
// large to draw whole trimmed of identifiers its link edges already name.
import { describe, expect, it } from 'vitest';
import { seriesGraph, MAX_ELEMENTS } from '../../../src/core/analysis/series-graph';
import { addIgnored } from '../../../src/core/linking/ignore-edit';
import { linkStore } from '../../../src/core/linking/store-io';
import { card, clock, ingest, phone, report, testStore } from '../linking/support';

const seriesOf = (db: ReturnType<typeof testStore>['db'], id: string): string =>
  db.prepare('SELECT m.series_id FROM series_member m JOIN report r ON r.rid = m.rid WHERE r.id = ?').pluck().get(id) as string;

describe('series graph', () => {
  it('marks an ignored value shared in the series as ignored and a hub', () => {
    const { db } = testStore();
    ingest(db, [
      report('G1', { identifiers: [card('6222020200112233445'), phone('13712345678')] }),
      report('G2', { identifiers: [card('6222020200112233445'), phone('13712345678')] }),
    ]);
    addIgnored(db, 'phone', '13712345678', { actor: 'li' });
    linkStore(db, { full: true, now: clock });
    const g = seriesGraph(db, seriesOf(db, 'G1'));
    const ids = g.nodes.filter((n) => n.type === 'identifier');
    expect(ids).toHaveLength(2);
    expect(ids.find((n) => n.type === 'identifier' && n.kind === 'phone')).toMatchObject({
      value: '+8613712345678',
      hub: true,
      ignored: true,
      storeReports: 2,
    });
    expect(ids.find((n) => n.type === 'identifier' && n.kind === 'bank_card')).toMatchObject({ hub: false, ignored: false });
    const link = g.edges.find((e) => e.type === 'link');
    expect(link).toMatchObject({ source: 'r:G1', target: 'r:G2', strong: true });
    // The card carries the link; the ignored phone is no term of it.
    const terms = link?.type === 'link' ? link.evidence : [];
    expect(terms.filter((e) => e.type === 'identifier')).toMatchObject([
      { kind: 'bank_card', value: '6222020200112233445', origin: 'reported' },
    ]);
    db.close();
  });

  it(`trims a series over ${MAX_ELEMENTS} elements of identifiers its links already name`, () => {
    const { db } = testStore();
    const n = 800;
    const records = [];
    for (let i = 0; i < n; i++) {
      // One card for all; consecutive reports also share a phone of their own.
      const ids = [card('6222020200112233445'), phone(`1390000${String(i).padStart(4, '0')}`)];
      if (i > 0) ids.push(phone(`1390000${String(i - 1).padStart(4, '0')}`));
      records.push(report(`T${String(i).padStart(4, '0')}`, { identifiers: ids }));
    }
    ingest(db, records);
    linkStore(db, { full: true, now: clock });
    const g = seriesGraph(db, seriesOf(db, 'T0000'));
    expect(g.trimmed).toBe(true);
    expect(g.nodes.filter((x) => x.type === 'report')).toHaveLength(n);
    const idNodes = g.nodes.filter((x) => x.type === 'identifier');
    expect(idNodes.map((x) => (x.type === 'identifier' ? x.kind : ''))).toEqual(['bank_card']);
    expect(g.nodes.length + g.edges.length).toBeLessThan(MAX_ELEMENTS);
    // Expanding is still possible, and a node outside the drawing can be asked for.
    const x = seriesGraph(db, seriesOf(db, 'T0000'), ['i:phone:+8613900000005']);
    expect(x.nodes.some((node) => node.id === 'i:phone:+8613900000005')).toBe(true);
    db.close();
  });
});
