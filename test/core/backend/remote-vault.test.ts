// The worker's vault requests (protocol.ts) without a worker: RemoteVault on one side,
// answerVaultRequest over a fake host vault on the other, messages cloned as postMessage would.
import { describe, expect, it } from 'vitest';
import type { HostMessage, WorkerMessage } from '../../../src/core/backend/protocol';
import { answerVaultRequest, RemoteVault, type VaultAsk } from '../../../src/core/backend/remote-vault';
import { TokenVaultError, type TokenVault } from '../../../src/core/sync/token-vault';

/** A host vault that keeps what it sealed in memory and checks the context, like the real ones. */
class FakeHostVault implements TokenVault {
  readonly kind = 'fake';
  readonly seen: string[] = [];
  private readonly sealed = new Map<string, { token: string; context: string }>();

  async seal(token: string, context: string): Promise<string> {
    this.seen.push(`seal ${context}`);
    const handle = `sealed-${this.sealed.size + 1}`;
    this.sealed.set(handle, { token, context });
    return handle;
  }

  async open(sealed: string, context: string): Promise<string> {
    this.seen.push(`open ${context}`);
    const entry = this.sealed.get(sealed);
    if (!entry) throw new TokenVaultError('not sealed here');
    if (entry.context !== context) throw new TokenVaultError('sealed for another feed');
    return entry.token;
  }
}

/** Worker and host joined by cloned messages; the host answers out of order to test the seq. */
function wire(host: TokenVault, { reverse = false } = {}): { remote: RemoteVault; requests: WorkerMessage[]; flush: () => Promise<void> } {
  const requests: WorkerMessage[] = [];
  const queue: VaultAsk[] = [];
  const remote = new RemoteVault(host.kind, (m) => {
    requests.push(structuredClone(m));
    queue.push(structuredClone(m));
  });
  const flush = async (): Promise<void> => {
    const batch = queue.splice(0);
    if (reverse) batch.reverse();
    for (const req of batch) {
      const answer: HostMessage = structuredClone(await answerVaultRequest(host, req));
      if (answer.type === 'result' || answer.type === 'error') remote.settle(answer);
    }
  };
  return { remote, requests, flush };
}

describe('vault requests between the backend worker and its host', () => {
  it('seals and opens through the host, matching answers to requests by seq', async () => {
    const host = new FakeHostVault();
    const { remote, requests, flush } = wire(host, { reverse: true });
    expect(remote.kind).toBe('fake');
    const a = remote.seal('token-a', 'feed A');
    const b = remote.seal('token-b', 'feed B');
    await flush();
    const [sealedA, sealedB] = await Promise.all([a, b]);
    expect(sealedA).not.toBe(sealedB);
    expect(requests.map((r) => (r.type === 'request' ? [r.seq, r.request.op] : null))).toEqual([
      [1, 'seal'],
      [2, 'seal'],
    ]);
    const openedB = remote.open(sealedB, 'feed B');
    const openedA = remote.open(sealedA, 'feed A');
    await flush();
    expect(await openedA).toBe('token-a');
    expect(await openedB).toBe('token-b');
    // The host answered each batch in reverse order: the seq put every answer where it belonged.
    expect(host.seen).toEqual(['seal feed B', 'seal feed A', 'open feed A', 'open feed B']);
  });

  it('carries a host vault failure back as a TokenVaultError with its sentence only', async () => {
    const host = new FakeHostVault();
    const { remote, flush } = wire(host);
    const sealed = remote.seal('token-a', 'feed A');
    await flush();
    const wrongFeed = remote.open(await sealed, 'feed B');
    await flush();
    await expect(wrongFeed).rejects.toThrow(TokenVaultError);
    await expect(wrongFeed).rejects.toThrow('sealed for another feed');

    const broken: TokenVault = {
      kind: 'broken',
      seal: async () => {
        throw new Error('keyring locked');
      },
      open: async () => 'x',
    };
    expect(
      await answerVaultRequest(broken, { type: 'request', seq: 7, request: { op: 'seal', text: 'secret-token', context: 'c' } }),
    ).toEqual({
      type: 'error',
      seq: 7,
      error: { name: 'TokenVaultError', message: 'the broken token vault failed: keyring locked' },
    });
  });

  it('fails waiting and later requests once the host is gone, and ignores unknown answers', async () => {
    const { remote } = wire(new FakeHostVault());
    const waiting = remote.seal('t', 'c');
    remote.settle({ type: 'result', seq: 99, value: 'stray' });
    remote.close('the backend is closing');
    await expect(waiting).rejects.toThrow('the backend is closing');
    await expect(remote.open('x', 'c')).rejects.toThrow(TokenVaultError);
  });
});
