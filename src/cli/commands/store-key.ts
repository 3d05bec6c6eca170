// The encrypted store from the command line: `passphrase` (seal the store's key anew; the store
// itself is unchanged), `backup` and `restore` (core/store/backup.ts).
import fs from 'node:fs';
import { BackupError, backupStore, restoreStore } from '../../core/store/backup';
import { StoreError, openStore } from '../../core/store/db';
import { StoreKeyError, currentPassphrase, readKeyFile, resealKey, setKeySources, type KeySources } from '../../core/store/store-key';
import { CliError, UsageError, type Command } from '../cli-kit';
import { askHidden, askNewPassphrase, envPassphrase } from '../passphrase-prompt';

function expected<T>(work: () => T): T {
  try {
    return work();
  } catch (e) {
    if (e instanceof BackupError || e instanceof StoreKeyError) throw new CliError(e.message);
    throw e;
  }
}

const NO_PASSPHRASE = 'set CASEGRAPH_PASSPHRASE, or run on a terminal to be asked for it';

async function passphrase(what: string, envName = 'CASEGRAPH_PASSPHRASE'): Promise<string> {
  const set = envPassphrase(envName);
  if (set !== undefined) return set;
  if (!process.stdin.isTTY)
    throw new CliError(
      `${what} is needed: ${envName === 'CASEGRAPH_PASSPHRASE' ? NO_PASSPHRASE : `set ${envName}, or run on a terminal to be asked for it`}`,
    );
  return envName === 'CASEGRAPH_PASSPHRASE' ? askHidden(`${what}: `) : askNewPassphrase(what);
}

export const passphraseCommand: Command = {
  name: 'passphrase',
  summary:
    "change the passphrase that seals the store's key (the store itself is unchanged); --unsealed keeps the key in a 0600 file instead (weaker)",
  usage:
    'casegraph passphrase [--unsealed] [--db PATH]   (current: $CASEGRAPH_PASSPHRASE or asked; new: $CASEGRAPH_NEW_PASSPHRASE or asked twice)',
  options: { unsealed: { type: 'boolean' } },
  ownKey: true,
  async run(ctx) {
    if (ctx.positionals.length > 0) throw new UsageError(`passphrase takes no positional arguments, got ${ctx.positionals.join(' ')}`);
    const kf = expected(() => readKeyFile(ctx.db));
    if (kf === null) throw new CliError(`there is no encrypted store at ${ctx.db} (no ${ctx.db}.key); open it once first`);
    const current: KeySources = kf.slots.some((s) => s.kind === 'plain') ? {} : { passphrase: await passphrase('the current passphrase') };
    const unsealed = ctx.values['unsealed'] === true;
    const next = unsealed
      ? { unsealed: true }
      : { passphrase: await passphrase('the new passphrase', 'CASEGRAPH_NEW_PASSPHRASE'), unsealed: false };
    if (next.passphrase === '') throw new CliError('the passphrase must not be empty');
    expected(() => resealKey(ctx.db, current, next));
    ctx.err(
      unsealed
        ? `the key of ${ctx.db} is now kept unsealed in ${ctx.db}.key (0600): whoever can read that file opens the store`
        : `the passphrase of ${ctx.db} is changed`,
    );
  },
};

export const backupCommand: Command = {
  name: 'backup',
  summary: 'write an encrypted, consistent copy of the store (FILE, and FILE.key sealed under the passphrase), while it is in use',
  usage: 'casegraph backup --out FILE [--db PATH] [--json]',
  options: { out: { type: 'string' } },
  async run(ctx) {
    if (ctx.positionals.length > 0) throw new UsageError(`backup takes no positional arguments, got ${ctx.positionals.join(' ')}`);
    const out = ctx.values['out'];
    if (typeof out !== 'string' || out === '') throw new UsageError('backup needs --out FILE');
    if (!fs.existsSync(ctx.db)) throw new CliError(`no store at ${ctx.db}`);
    const db = openStore(ctx.db, { readonly: true });
    try {
      // The backup's key is sealed under the passphrase whatever seals the store's own (a key
      // file kept unsealed, the desktop app's vault): it must restore elsewhere.
      const pass = currentPassphrase() ?? (await passphrase('the passphrase to seal the backup with'));
      const r = expected(() => backupStore(db, ctx.db, out, pass, ctx.err));
      if (ctx.json) ctx.out(JSON.stringify(r));
      else ctx.out(`backed up ${ctx.db} to ${r.file} (${(r.bytes / 1e6).toFixed(1)} MB, encrypted) and its key to ${r.keyFile}`);
    } finally {
      db.close();
    }
  },
};

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'restore a backup into --db (never over an existing store without --force, which keeps the old one beside it)',
  usage: "casegraph restore FILE [--force] [--db PATH] [--json]   (the backup's passphrase: $CASEGRAPH_PASSPHRASE or asked)",
  options: { force: { type: 'boolean' } },
  ownKey: true,
  async run(ctx) {
    if (ctx.positionals.length !== 1) throw new UsageError('restore takes exactly one backup file');
    const file = ctx.positionals[0] as string;
    const pass = await passphrase("the backup's passphrase");
    const r = expected(() => restoreStore(file, ctx.db, { passphrase: pass, force: ctx.values['force'] === true, say: ctx.err }));
    // Opened once for writing: migrated if the backup is from an earlier version.
    setKeySources({ passphrase: pass });
    try {
      openStore(ctx.db).close();
    } catch (e) {
      if (e instanceof StoreError) throw new CliError(`restored, but the store does not open: ${e.message}`);
      throw e;
    }
    if (ctx.json) ctx.out(JSON.stringify(r));
    else ctx.out(`restored ${file} into ${r.store}${r.replaced ? `; the store it replaced is kept as ${r.replaced}` : ''}`);
  },
};
