// The host side of the backend worker (protocol.ts): starts it, numbers requests, routes results
// and events. Used by the Electron main process and by `casegraph serve` alike. Each host brings
// the token vault the worker's Backend seals and opens feed tokens with (safeStorage, or a key file).
import { Worker } from 'node:worker_threads';
import type { ApiEvent, Result } from '../../common/api';
import type { TokenVault } from '../sync/token-vault';
import { TASK } from '../worker/protocol';
import type { BackendRequest, HostMessage, WorkerInit, WorkerMessage } from './protocol';
import { answerVaultRequest } from './remote-vault';

export class BackendClient {
  private seq = 0;
  private readonly pending = new Map<number, (r: Result<unknown>) => void>();
  private readonly listeners = new Set<(e: ApiEvent) => void>();
  private dead: string | null = null;

  private constructor(
    private readonly worker: Worker,
    private readonly vault: TokenVault,
  ) {
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'request') {
        void answerVaultRequest(this.vault, m).then((answer) => this.post(answer));
      } else if (m.type === 'progress') {
        for (const l of this.listeners) l(m.progress);
      } else if (m.type === 'result' && m.seq !== TASK && m.value !== null) {
        this.pending.get(m.seq)?.(m.value);
        this.pending.delete(m.seq);
      }
    });
    worker.on('error', (e) => this.fail(`the backend stopped: ${e.message}`));
    worker.on('exit', () => this.fail('the backend stopped'));
  }

  /** Start the worker and wait until the store is open (or say why it could not be). */
  static start(workerFile: string, init: Omit<WorkerInit, 'vaultKind'>, vault: TokenVault): Promise<BackendClient> {
    const workerData: WorkerInit = { ...init, vaultKind: vault.kind };
    const worker = new Worker(workerFile, { workerData });
    return new Promise((resolve, reject) => {
      const onMessage = (m: WorkerMessage): void => {
        if (m.seq !== TASK) return;
        if (m.type === 'result') {
          worker.off('message', onMessage);
          resolve(new BackendClient(worker, vault));
        } else if (m.type === 'error') {
          worker.off('message', onMessage);
          void worker.terminate();
          reject(new Error(m.error.message));
        }
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
  }

  call(method: string, arg: unknown): Promise<Result<unknown>> {
    if (this.dead) return Promise.resolve({ ok: false, error: { code: 'backend_stopped', message: this.dead } });
    return new Promise((resolve) => {
      const seq = this.request({ op: 'call', method, arg });
      this.pending.set(seq, resolve);
    });
  }

  onEvent(listener: (e: ApiEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    if (this.dead) return;
    const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    this.request({ op: 'close' });
    await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
    await this.worker.terminate();
  }

  private request(request: BackendRequest): number {
    const seq = ++this.seq;
    this.post({ type: 'request', seq, request });
    return seq;
  }

  private post(m: HostMessage): void {
    if (!this.dead) this.worker.postMessage(m);
  }

  private fail(message: string): void {
    this.dead ??= message;
    for (const resolve of this.pending.values()) resolve({ ok: false, error: { code: 'backend_stopped', message } });
    this.pending.clear();
  }
}
