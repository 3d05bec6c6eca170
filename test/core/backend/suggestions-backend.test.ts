// The review queue through the backend as both hosts run it: arguments checked by the contract's
// schemas, an acceptance or a revocation followed by an incremental run of the built link worker
// (the two series one, then two again), a rejection by none.
import path from 'node:path';
import { rawStore, copyStore } from '../../support/raw-store';
import { describe, expect, it } from 'vitest';
import type { Suggestion, SuggestionPage } from '../../../src/common/api';
import { Backend } from '../../../src/core/backend/backend';
import { suggestionId } from '../../../src/core/linking/suggestion-id';
import { FileTokenVault } from '../../../src/core/sync/file-token-vault';
import { EventLog } from '../../support/events';
import { builtWorkers } from '../../support/built';
import { tempDir } from '../../support/tmp';
import { demoTemplate } from '../analysis/demo-store';

const links = (events: EventLog): number => events.events.filter((e) => e.type === 'job.done' && e.outcome.kind === 'link').length;

/** Waits until `n` link runs have finished, and checks no more than that have. */
async function linkRuns(events: EventLog, n: number): Promise<void> {
  let seen = 0;
  await events.next((e) => e.type === 'job.done' && e.outcome.kind === 'link' && ++seen === n, { what: `link run ${n}` });
  expect(links(events)).toBe(n);
}

describe('suggestions through the backend', () => {
  it('checks arguments, relinks after accepting and revoking, not after rejecting', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'store.db');
    copyStore(await demoTemplate(), dbPath);
    const raw = rawStore(dbPath);
    // The queue holds only the rows this test writes.
    raw.prepare('DELETE FROM link_suggestion').run();
    const pick = raw.prepare(
      `SELECT r.id, r.rid FROM series s JOIN series_member m ON m.series_id = s.id JOIN report r ON r.rid = m.rid
       WHERE s.active = 1 AND s.size BETWEEN 2 AND 6 AND m.rid = (SELECT min(rid) FROM series_member WHERE series_id = s.id) ORDER BY s.id LIMIT 4`,
    );
    const [p, q, x, y] = pick.all() as { id: string; rid: number }[];
    const seed = (u: { id: string; rid: number }, v: { id: string; rid: number }): string => {
      const id = suggestionId(u.id, v.id);
      raw
        .prepare('INSERT INTO link_suggestion (id, a, b, score, evidence, run) VALUES (?, ?, ?, ?, ?, 1)')
        .run(id, Math.min(u.rid, v.rid), Math.max(u.rid, v.rid), 2.5, JSON.stringify([{ type: 'text', similarity: 0.95, weight: 2.5 }]));
      return id;
    };
    const join = seed(p!, q!);
    const apart = seed(x!, y!);
    raw.close();

    const events = new EventLog();
    const b = new Backend({ dbPath, vault: new FileTokenVault(path.join(dir, 'k')), ...builtWorkers(), onEvent: events.push });
    try {
      expect(await b.call('suggestions.accept', { id: join, reason: '   ' })).toMatchObject({
        ok: false,
        error: { code: 'invalid_argument', message: 'suggestions.accept: reason must say why' },
      });
      expect(await b.call('suggestions.query', { status: 'maybe', offset: 0, limit: 5 })).toMatchObject({
        ok: false,
        error: { code: 'invalid_argument' },
      });
      expect(await b.call('suggestions.reject', { id: 'SG-NOSUCH', reason: 'x' })).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });
      const open = await b.call('suggestions.query', { offset: 0, limit: 10 });
      expect(open.ok && (open.value as SuggestionPage).rows.map((s) => s.id).sort()).toEqual([join, apart].sort());

      expect(await b.call('suggestions.accept', { id: join, reason: '同一团伙' })).toMatchObject({
        ok: true,
        value: { status: 'accepted' },
      });
      await linkRuns(events, 1);
      const accepted = await b.call('suggestions.query', { status: 'accepted', offset: 0, limit: 10 });
      const row = accepted.ok ? (accepted.value as SuggestionPage).rows[0] : undefined;
      expect(row?.series[0]).toBe(row?.series[1]);

      expect(await b.call('suggestions.reject', { id: apart, reason: '话术为公开模板' })).toMatchObject({
        ok: true,
        value: { status: 'rejected' },
      });
      // A relink would be the running job as soon as it is asked for (Backend.requestRelink): none is.
      expect(await b.call('job.current', {})).toEqual({ ok: true, value: null });
      expect(links(events)).toBe(1);

      const revoked = await b.call('suggestions.revoke', { id: join, reason: '核实不符' });
      expect(revoked.ok && (revoked.value as Suggestion).status).toBe('open');
      await linkRuns(events, 2);
      // The engine writes a lead again where its evidence holds: here, as it was seeded.
      const reseed = rawStore(dbPath);
      reseed
        .prepare('INSERT OR IGNORE INTO link_suggestion (id, a, b, score, evidence, run) VALUES (?, ?, ?, 2.5, ?, 1)')
        .run(join, Math.min(p!.rid, q!.rid), Math.max(p!.rid, q!.rid), JSON.stringify([{ type: 'text', similarity: 0.95, weight: 2.5 }]));
      reseed.close();
      const again = await b.call('suggestions.query', { offset: 0, limit: 10 });
      const back = again.ok ? (again.value as SuggestionPage).rows.find((s) => s.id === join) : undefined;
      expect(back?.series[0]).not.toBe(back?.series[1]);
    } finally {
      b.close();
    }
  });
});
