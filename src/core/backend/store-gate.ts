// The host's gate in front of the backend (both hosts: the Electron main process and `casegraph
// serve`). The store's key is opened on the host's thread before the backend worker starts, which
// inherits it (store-key.ts). When the key needs a passphrase and the host has none (no
// CASEGRAPH_PASSPHRASE, no terminal, no usable credential store), the gate starts *locked*: no
// backend runs, the UI shows its unlock screen, and nothing of the API answers but the lock's
// methods (HOST_METHODS). For a store that does not exist yet it waits, 'new', for a passphrase to
// be chosen. Restoring a backup is the gate's too: the backend is closed, the store replaced (the
// old one kept beside it) and the restored one opened and served.
import fs from 'node:fs';
import type { ApiEvent, Result, RestoreView, StoreLockState, StoreStatus } from '../../common/api';
import { HOST_METHODS } from '../../common/api';
import { API_SCHEMAS, describeIssues } from '../../common/api-schema';
import { MIN_PASSPHRASE_LENGTH } from '../../common/api/store';
import { JOB_BUSY, fail, ok } from '../../common/result';
import { appendAudit } from '../store/audit';
import { BackupError, restoreStore } from '../store/backup';
import { backupsFolderOf } from '../store/backups';
import { StoreError, openStore, unlockStore } from '../store/db';
import { storeFileKind } from '../store/encrypt-in-place';
import { passphraseOpens, readKeyFile, setKeySources, type KeySources } from '../store/store-key';

/** The backend as the gate runs it (a BackendClient). */
export interface GatedBackend {
  call(method: string, arg: unknown): Promise<Result<unknown>>;
  onEvent(listener: (e: ApiEvent) => void): () => void;
  close(): Promise<void>;
}

export interface StoreGateOptions {
  readonly dbPath: string;
  readonly nativeBinding?: string;
  /** What opens the key without asking: a passphrase (environment, terminal), the desktop app's credential store. */
  readonly sources: KeySources;
  /** The desktop app refused its credential store (no keyring, or basic_text): said on the unlock screen. */
  readonly credentialStoreRefused?: boolean;
  /** Start the backend worker once the key is open on this thread. */
  readonly startBackend: () => Promise<GatedBackend>;
  /** After the key was opened with `passphrase` (or without one): the desktop app adds its seals. */
  readonly afterUnlock?: (passphrase: string | undefined) => void;
  /** The pause before answering the n-th wrong passphrase in a row (default 1 s, doubling, at most 30 s). */
  readonly pauseAfterFailure?: (failures: number) => number;
}

export const STORE_LOCKED = 'the store is locked: enter its passphrase on the unlock screen first';
export const WRONG_PASSPHRASE = 'the passphrase does not open this store';

const defaultPause = (failures: number): number => Math.min(1000 * 2 ** (failures - 1), 30_000);

/** Whether a store the host cannot open waits for a passphrase ('locked'), for one to be chosen ('new'), or neither (null). */
function lockOf(dbPath: string): StoreLockState | null {
  try {
    const kf = readKeyFile(dbPath);
    if (kf) return kf.slots.some((s) => s.kind === 'passphrase') ? 'locked' : null;
  } catch {
    return null;
  }
  const kind = fs.existsSync(dbPath) ? storeFileKind(dbPath) : 'absent';
  return kind === 'encrypted' ? null : 'new';
}

export class StoreGate {
  private state: StoreLockState = 'locked';
  private backend: GatedBackend | null = null;
  private offBackend: (() => void) | null = null;
  private readonly listeners = new Set<(e: ApiEvent) => void>();
  private attempting = false;
  private failures = 0;

  private constructor(private readonly options: StoreGateOptions) {}

  /**
   * Open the store with the host's sources and start the backend; or, when only a passphrase the
   * host does not have would open (or make) it, a locked gate. Anything else wrong with the store
   * (a damaged key file, a store of a newer Casegraph) is thrown, as before.
   */
  static async open(options: StoreGateOptions): Promise<StoreGate> {
    const gate = new StoreGate(options);
    setKeySources(options.sources);
    try {
      unlockStore(options.dbPath, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    } catch (e) {
      const lock = e instanceof StoreError && options.sources.passphrase === undefined ? lockOf(options.dbPath) : null;
      if (lock === null) throw e;
      gate.state = lock;
      return gate;
    }
    options.afterUnlock?.(options.sources.passphrase);
    await gate.serve();
    return gate;
  }

  get locked(): boolean {
    return this.state !== 'open';
  }

  status(): StoreStatus {
    let passphraseSealed = false;
    try {
      passphraseSealed = readKeyFile(this.options.dbPath)?.slots.some((s) => s.kind === 'passphrase') ?? false;
    } catch {
      // A damaged key file: the store does not open, and says so.
    }
    return {
      state: this.state,
      path: this.options.dbPath,
      passphraseSealed,
      credentialStoreRefused: this.options.credentialStoreRefused === true,
      backupsFolder: backupsFolderOf(this.options.dbPath),
    };
  }

  /** The transports' entry: the lock's methods here, everything else to the backend once the store is open. */
  async call(method: string, arg: unknown): Promise<Result<unknown>> {
    if ((HOST_METHODS as readonly string[]).includes(method)) {
      const m = method as (typeof HOST_METHODS)[number];
      const parsed = API_SCHEMAS[m].safeParse(arg ?? {});
      if (!parsed.success) return fail('invalid_argument', `${method}: ${describeIssues(parsed.error)}`);
      if (m === 'store.status') return ok(this.status());
      const { passphrase, file } = parsed.data as { passphrase: string; file?: string };
      if (m === 'store.restore') return this.restore(file as string, passphrase);
      return this.unlock(m === 'store.create' ? 'new' : 'locked', passphrase);
    }
    if (this.backend === null) return fail('store_locked', STORE_LOCKED);
    return this.backend.call(method, arg);
  }

  onEvent(listener: (e: ApiEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    await this.stopBackend();
  }

  private async unlock(expected: 'locked' | 'new', passphrase: string): Promise<Result<StoreStatus>> {
    if (this.state === 'open') return fail('conflict', 'the store is open already');
    if (this.state !== expected)
      return fail(
        'conflict',
        this.state === 'new' ? 'there is no store yet: choose its passphrase' : 'the store exists: enter its passphrase',
      );
    if (expected === 'new' && [...passphrase].length < MIN_PASSPHRASE_LENGTH)
      return fail('invalid_argument', `the passphrase must have at least ${MIN_PASSPHRASE_LENGTH} characters`);
    return this.exclusive(async () => {
      if (expected === 'locked' && passphraseOpens(this.options.dbPath, passphrase) !== true) return this.wrong();
      setKeySources({ ...this.options.sources, passphrase });
      try {
        unlockStore(this.options.dbPath, this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {});
        this.options.afterUnlock?.(passphrase);
        await this.serve();
      } catch (e) {
        return fail('unavailable', e instanceof Error ? e.message : String(e));
      }
      this.failures = 0;
      return ok(this.status());
    });
  }

  private async restore(file: string, passphrase: string): Promise<Result<RestoreView>> {
    if (this.backend === null) return fail('store_locked', STORE_LOCKED);
    const backend = this.backend;
    return this.exclusive(async () => {
      const listed = await backend.call('store.backups', {});
      if (!listed.ok) return listed;
      if (!(listed.value as readonly { file: string }[]).some((b) => b.file === file))
        return fail('not_found', 'no such backup: choose one of the backups listed');
      const job = await backend.call('job.current', {});
      if (!job.ok) return job;
      if (job.value !== null) return fail('busy', JOB_BUSY);
      const opens = passphraseOpens(file, passphrase);
      if (opens === null)
        return fail('invalid_argument', "the backup's key file holds no passphrase seal: it was not written by Casegraph's backup");
      if (!opens) return this.wrong('the passphrase does not open this backup');
      await this.stopBackend();
      const { dbPath } = this.options;
      let restored: RestoreView;
      try {
        const r = restoreStore(file, dbPath, { passphrase, force: true });
        restored = { store: r.store, replaced: r.replaced };
      } catch (e) {
        // Nothing was replaced: the store that was open is served again.
        await this.serve();
        if (e instanceof BackupError) return fail('invalid_argument', e.message);
        throw e;
      }
      try {
        setKeySources({ ...this.options.sources, passphrase });
        const binding = this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {};
        unlockStore(dbPath, binding);
        this.options.afterUnlock?.(passphrase);
        // The restored store's own audit log records that it was restored, and from where.
        const db = openStore(dbPath, binding);
        try {
          appendAudit(db, { action: 'store_restore', detail: { file, replaced: restored.replaced } });
        } finally {
          db.close();
        }
        await this.serve();
      } catch (e) {
        this.state = 'locked';
        return fail('unavailable', `restored, but the store does not open: ${e instanceof Error ? e.message : String(e)}`);
      }
      for (const l of this.listeners) l({ type: 'store.changed' });
      return ok(restored);
    });
  }

  private async wrong(message = WRONG_PASSPHRASE): Promise<Result<never>> {
    this.failures++;
    // Against guessing: every wrong passphrase in a row waits longer before it is answered.
    await new Promise((resolve) => setTimeout(resolve, (this.options.pauseAfterFailure ?? defaultPause)(this.failures)));
    return fail('wrong_passphrase', message);
  }

  /** One attempt at a time (unlock, create, restore): another one meanwhile is refused. */
  private async exclusive<T>(work: () => Promise<Result<T>>): Promise<Result<T>> {
    if (this.attempting) return fail('busy', 'another attempt to open the store is under way; wait for its answer');
    this.attempting = true;
    try {
      return await work();
    } finally {
      this.attempting = false;
    }
  }

  private async serve(): Promise<void> {
    const backend = await this.options.startBackend();
    this.backend = backend;
    this.offBackend = backend.onEvent((e) => {
      for (const l of this.listeners) l(e);
    });
    this.state = 'open';
  }

  private async stopBackend(): Promise<void> {
    const backend = this.backend;
    this.backend = null;
    this.offBackend?.();
    this.offBackend = null;
    await backend?.close();
  }
}
