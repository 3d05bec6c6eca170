import { describe, expect, it } from 'vitest';
import { assignSeriesIds, derivedId, type Prior } from '../../../src/core/linking/series-ids';

function prior(map: Record<string, string>): Prior {
  const sizes = new Map<string, number>();
  for (const s of Object.values(map)) sizes.set(s, (sizes.get(s) ?? 0) + 1);
  return { seriesOf: (r) => map[r], sizeOf: (s) => sizes.get(s) ?? 0, taken: (s) => sizes.has(s) };
}

describe('stable series ids', () => {
  it('derives a fresh id from the canonical member, whatever the order', () => {
    const none = prior({});
    expect(assignSeriesIds([{ members: ['b', 'a'] }], none)).toEqual([derivedId('a')]);
    expect(assignSeriesIds([{ members: ['a', 'b'] }], none)).toEqual([derivedId('a')]);
  });

  it('keeps an id when members join', () => {
    expect(assignSeriesIds([{ members: ['a', 'b', 'c'] }], prior({ a: 'S-1', b: 'S-1' }))).toEqual(['S-1']);
  });

  it('keeps the id of the larger part on a merge', () => {
    const p = prior({ a: 'S-small', b: 'S-small', c: 'S-big', d: 'S-big', e: 'S-big' });
    expect(assignSeriesIds([{ members: ['a', 'b', 'c', 'd', 'e', 'x'] }], p)).toEqual(['S-big']);
  });

  it('keeps the id on the larger part of a split, and never reuses it', () => {
    const p = prior({ a: 'S-1', b: 'S-1', c: 'S-1', d: 'S-1', e: 'S-1' });
    const ids = assignSeriesIds([{ members: ['a', 'b'] }, { members: ['c', 'd', 'e'] }], p);
    expect(ids[1]).toBe('S-1');
    expect(ids[0]).not.toBe('S-1');
    expect(ids[0]).toBe(derivedId('a'));
  });

  it('skips a derived id already given out before', () => {
    const taken = derivedId('a');
    const p: Prior = { seriesOf: () => undefined, sizeOf: () => 0, taken: (s) => s === taken };
    expect(assignSeriesIds([{ members: ['a', 'b'] }], p)).toEqual([derivedId('a', 1)]);
  });
});
