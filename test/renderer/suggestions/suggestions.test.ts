import { describe, expect, it } from 'vitest';
import type { Suggestion } from '../../../src/common/api';
import { parseRoute, routeHref } from '../../../src/renderer/src/app/routes';
import { createFormat } from '../../../src/renderer/src/format/formatter';
import { probabilityPercent, shownRows, type DecidedHere } from '../../../src/renderer/src/suggestions/suggestion-rows';

function suggestion(id: string, status: Suggestion['status'] = 'open', series: [string, string] = ['S-A', 'S-B']): Suggestion {
  return {
    id,
    series,
    reports: ['R1', 'R2'],
    score: 3,
    probability: 8 / 9,
    evidence: [],
    sizes: [2, 3],
    losses: ['100.00', '200.00'],
    combinedLoss: '300.00',
    crossesThreshold: false,
    status,
    decision:
      status === 'open'
        ? null
        : { id: 1, actor: 'li.wei', at: '2026-01-01T00:00:00Z', reason: 'why', correction: status === 'accepted' ? 7 : null },
  };
}

const decided = (row: Suggestion, index: number): [string, DecidedHere] => [row.id, { row, index, done: 'done' }];

describe('the review queue route', () => {
  it('parses and builds the status and the page, dropping what it does not know', () => {
    expect(parseRoute('#/suggestions')).toEqual({ view: 'suggestions', status: 'open', page: 1 });
    expect(parseRoute('#/suggestions?status=rejected&page=3')).toEqual({ view: 'suggestions', status: 'rejected', page: 3 });
    expect(parseRoute('#/suggestions?status=maybe&page=-1')).toEqual({ view: 'suggestions', status: 'open', page: 1 });
    expect(routeHref({ view: 'suggestions', status: 'open', page: 1 })).toBe('#/suggestions');
    expect(routeHref({ view: 'suggestions', status: 'accepted', page: 2 })).toBe('#/suggestions?status=accepted&page=2');
  });
});

describe('rows decided here', () => {
  it('keep their place and their decision once a refresh no longer lists them', () => {
    const rows = [suggestion('SG-1'), suggestion('SG-2'), suggestion('SG-3')];
    expect(shownRows(rows, new Map())).toEqual(rows);
    // Accepted here, the refreshed open queue lacks it: it stays second, accepted.
    const accepted = suggestion('SG-2', 'accepted');
    const map = new Map([decided(accepted, 1)]);
    expect(shownRows([rows[0]!, rows[2]!], map).map((r) => [r.id, r.status])).toEqual([
      ['SG-1', 'open'],
      ['SG-2', 'accepted'],
      ['SG-3', 'open'],
    ]);
    // Before the refresh arrives, the stale open row gives way to the decision.
    expect(shownRows(rows, map)[1]).toBe(accepted);
    // A refresh with the same status is newer (the relink made both sides one series).
    const after = suggestion('SG-2', 'accepted', ['S-A', 'S-A']);
    expect(shownRows([after], map)).toEqual([after]);
    // Past the end of a shorter list, it goes last.
    expect(shownRows([], new Map([decided(accepted, 5)])).map((r) => r.id)).toEqual(['SG-2']);
  });

  it('say the probability without rounding to a certainty', () => {
    const fmt = createFormat('en');
    expect(probabilityPercent(0.853, fmt)).toBe('85');
    expect(probabilityPercent(0.9996, fmt)).toBe('>99');
    expect(probabilityPercent(0.001, fmt)).toBe('<1');
  });
});
