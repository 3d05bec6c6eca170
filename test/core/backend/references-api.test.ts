// The reference sites through the backend as both hosts run it: arguments validated, a change that
// alters which URLs are reference sites followed by an incremental run of the built link worker,
// one that alters nothing not, the UI told the store changed, every change audited.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiMethod, ApiValue } from '../../../src/common/api';
import { Backend } from '../../../src/core/backend/backend';
import { FileTokenVault } from '../../../src/core/sync/file-token-vault';
import { ingest, report } from '../linking/support';
import { openStore } from '../../../src/core/store/db';
import { EventLog } from '../../support/events';
import { builtWorkers } from '../../support/built';
import { tempDir } from '../../support/tmp';

async function call<M extends ApiMethod>(b: Backend, method: M, arg: unknown): Promise<ApiValue<M>> {
  const r = await b.call(method, arg);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as ApiValue<M>;
}

/** Waits for the link run that `change` starts: the first to finish after it. */
async function relinked<T>(events: EventLog, change: () => Promise<T>): Promise<T> {
  const after = events.events.length;
  const value = await change();
  await events.done((o) => o.kind === 'link', { after });
  return value;
}

describe('reference sites through the backend', () => {
  it('lists, adds, turns off and removes, relinking what a change affects', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'store.db');
    const seed = openStore(dbPath);
    ingest(seed, [
      report('F1', { identifiers: [{ kind: 'url', value: 'http://kb.example-forum.cn/t/1' }] }),
      report('F2', { identifiers: [{ kind: 'url', value: 'http://kb.example-forum.cn/t/2' }] }),
      report('V1', { identifiers: [{ kind: 'url', value: 'https://www.virustotal.com/#/url/aaa111/detection' }] }),
    ]);
    seed.close();
    const events = new EventLog();
    const b = new Backend({ dbPath, vault: new FileTokenVault(path.join(dir, 'k')), ...builtWorkers(), onEvent: events.push });
    try {
      const list = await call(b, 'references.list', {});
      expect(list.find((e) => e.domain === 'virustotal.com')).toEqual({
        domain: 'virustotal.com',
        category: 'scanner',
        enabled: true,
        shipped: true,
        about: { en: 'VirusTotal file and URL scanner', 'zh-CN': 'VirusTotal 文件与网址扫描' },
        reason: null,
        changedAt: null,
      });
      expect(list.every((e) => e.shipped)).toBe(true);

      const changes = events.events.filter((e) => e.type === 'store.changed').length;
      const added = await relinked(events, () =>
        call(b, 'references.set', { domain: 'KB.example-forum.cn', enabled: true, category: 'forum', note: '本地论坛' }),
      );
      expect(added).toMatchObject({
        domain: 'kb.example-forum.cn',
        category: 'forum',
        enabled: true,
        shipped: false,
        about: null,
        reason: '本地论坛',
      });
      expect(added.changedAt).toEqual(expect.any(String));
      expect(events.events.filter((e) => e.type === 'store.changed').length).toBeGreaterThanOrEqual(changes + 1);

      const off = await relinked(events, () => call(b, 'references.set', { domain: 'virustotal.com', enabled: false, note: '团伙仿冒' }));
      expect(off).toMatchObject({
        domain: 'virustotal.com',
        enabled: false,
        shipped: true,
        reason: '团伙仿冒',
        about: { en: 'VirusTotal file and URL scanner' },
      });
      expect(await relinked(events, () => call(b, 'references.set', { domain: 'virustotal.com', enabled: true }))).toMatchObject({
        enabled: true,
        shipped: true,
        reason: null,
      });
      // On already: nothing changes, nothing to relink.
      expect(await call(b, 'references.set', { domain: 'virustotal.com', enabled: true })).toMatchObject({ enabled: true });

      // Removing an investigator's entry: no longer listed; removing it again is refused.
      expect(await relinked(events, () => call(b, 'references.remove', { domain: 'kb.example-forum.cn' }))).toEqual({ removed: true });
      expect((await call(b, 'references.list', {})).some((e) => e.domain === 'kb.example-forum.cn')).toBe(false);
      expect(await b.call('references.remove', { domain: 'kb.example-forum.cn' })).toMatchObject({
        ok: false,
        error: { code: 'conflict', message: 'kb.example-forum.cn is not on the reference list' },
      });

      expect(await b.call('references.set', { domain: 'https://tieba.baidu.com/p/1', enabled: true })).toMatchObject({
        ok: false,
        error: { code: 'invalid_argument', message: expect.stringContaining('give tieba.baidu.com') },
      });
      expect(await b.call('references.set', { domain: 'x.example.com', enabled: true, category: 'planet' })).toMatchObject({
        ok: false,
        error: { code: 'invalid_argument', message: expect.stringMatching(/^references\.set: category/) },
      });
      expect(await b.call('references.set', { domain: '', enabled: true })).toMatchObject({
        ok: false,
        error: { code: 'invalid_argument' },
      });
      expect(await b.call('references.list', { extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });

      const audit = await call(b, 'audit.query', { action: 'reference_add', offset: 0, limit: 10 });
      expect(audit.rows.map((r) => r.subject)).toEqual(['virustotal.com', 'virustotal.com', 'kb.example-forum.cn']);
      expect((await call(b, 'audit.query', { action: 'reference_remove', offset: 0, limit: 10 })).rows.map((r) => r.subject)).toEqual([
        'kb.example-forum.cn',
        'virustotal.com',
      ]);
    } finally {
      b.close();
    }
  });
});
