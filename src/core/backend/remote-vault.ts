// The two ends of the worker's vault requests (protocol.ts), as plain code without a worker:
// RemoteVault is the TokenVault the Backend uses inside the worker; answerVaultRequest is what
// the host does with each request, over its own vault.
import { TokenVaultError, type TokenVault } from '../sync/token-vault';
import type { HostMessage, VaultRequest, WorkerMessage } from './protocol';

/** A vault request as the worker posts it, and the host's answer. */
export type VaultAsk = Extract<WorkerMessage, { type: 'request' }>;
export type VaultAnswer = Extract<HostMessage, { type: 'result' | 'error' }>;

export class RemoteVault implements TokenVault {
  private seq = 0;
  private readonly pending = new Map<number, { resolve: (v: string) => void; reject: (e: Error) => void }>();
  private closed: string | null = null;

  constructor(
    readonly kind: string,
    private readonly post: (request: VaultAsk) => void,
  ) {}

  seal(token: string, context: string): Promise<string> {
    return this.ask('seal', token, context);
  }

  open(sealed: string, context: string): Promise<string> {
    return this.ask('open', sealed, context);
  }

  /** Hand over the host's answer; answers to unknown numbers are ignored. */
  settle(answer: VaultAnswer): void {
    const waiting = this.pending.get(answer.seq);
    if (!waiting) return;
    this.pending.delete(answer.seq);
    if (answer.type === 'result') waiting.resolve(answer.value);
    else waiting.reject(new TokenVaultError(answer.error.message));
  }

  /** The host is gone: fail what waits and whatever is asked later. */
  close(message: string): void {
    this.closed ??= message;
    for (const { reject } of this.pending.values()) reject(new TokenVaultError(message));
    this.pending.clear();
  }

  private ask(op: VaultRequest['op'], text: string, context: string): Promise<string> {
    if (this.closed) return Promise.reject(new TokenVaultError(this.closed));
    const seq = ++this.seq;
    return new Promise((resolve, reject) => {
      this.pending.set(seq, { resolve, reject });
      this.post({ type: 'request', seq, request: { op, text, context } });
    });
  }
}

/** The host's side: never throws; a failure travels back as its sentence only. */
export async function answerVaultRequest(vault: TokenVault, ask: VaultAsk): Promise<VaultAnswer> {
  const { seq, request } = ask;
  try {
    const value = request.op === 'seal' ? await vault.seal(request.text, request.context) : await vault.open(request.text, request.context);
    return { type: 'result', seq, value };
  } catch (e) {
    const message =
      e instanceof TokenVaultError ? e.message : `the ${vault.kind} token vault failed: ${e instanceof Error ? e.message : String(e)}`;
    return { type: 'error', seq, error: { name: 'TokenVaultError', message } };
  }
}
