import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BackendClient } from '../../core/backend/backend-client';
import { StoreGate } from '../../core/backend/store-gate';
import { ensureStagingKey } from '../../core/import/sealed-staging';
import { currentPassphrase } from '../../core/store/store-key';
import { FileTokenVault, tokenKeyPathFor } from '../../core/sync/file-token-vault';
import { builtWorker, notBuilt } from '../../core/worker/locate';
import { startHost } from '../../serve/http-host';
import { CliError, UsageError, intOption, type Command } from '../cli-kit';

const here = import.meta.dirname;

export const serveCommand: Command = {
  name: 'serve',
  summary: 'serve the investigator UI and its API to a browser on 127.0.0.1 only',
  usage: 'casegraph serve [--port P] [--db PATH]',
  options: { port: { type: 'string' } },
  async run(ctx) {
    if (ctx.positionals.length > 0) throw new UsageError(`serve takes no positional arguments, got ${ctx.positionals.join(' ')}`);
    const port = intOption(ctx.values, 'port', 0, 65535) ?? 0;
    const rendererDir = path.join(here, '..', 'renderer');
    if (!fs.existsSync(path.join(rendererDir, 'index.html'))) throw new CliError(`the UI is not built (${rendererDir}); run npm run build`);
    const backendWorker = builtWorker('backend');
    if (backendWorker === null) throw new CliError(notBuilt('backend'));
    const stagingDir = fs.mkdtempSync(path.join(os.tmpdir(), 'casegraph-uploads-'));
    // Feed tokens are sealed with the key file beside the store, as `casegraph sync` does.
    const vault = new FileTokenVault(tokenKeyPathFor(ctx.db));
    // Opening a large store the first time after an update migrates it (indexing its reports
    // again for search: 4 s per 100,000); a wait that long is said, not left silent.
    const slow = setTimeout(
      () => ctx.err(`opening ${ctx.db}: a store from an earlier version is upgraded first, which takes a while on a large store…`),
      2000,
    );
    // The store's key is opened here, where the passphrase is (CASEGRAPH_PASSPHRASE, or asked on
    // the terminal): the backend worker started next is handed it. Without either, the gate waits
    // locked for the passphrase on the browser's unlock screen.
    const passphrase = currentPassphrase();
    // The key uploads are staged under, made before the backend worker that reads them starts.
    ensureStagingKey();
    const gate = await StoreGate.open({
      dbPath: ctx.db,
      sources: passphrase !== undefined ? { passphrase } : {},
      startBackend: () =>
        BackendClient.start(
          backendWorker,
          { dbPath: ctx.db, importRoot: stagingDir, downloadRoot: path.join(stagingDir, 'downloads') },
          vault,
        ),
    })
      .catch((e: unknown) => {
        fs.rmSync(stagingDir, { recursive: true, force: true });
        throw new CliError((e as Error).message);
      })
      .finally(() => clearTimeout(slow));
    const host = await startHost({ api: gate, rendererDir, stagingDir, downloadDir: path.join(stagingDir, 'downloads'), port }).catch(
      async (e: unknown) => {
        await gate.close();
        throw new CliError(`cannot listen on 127.0.0.1:${port}: ${(e as Error).message}`);
      },
    );
    ctx.out(host.url);
    const { state } = gate.status();
    const lock =
      state === 'locked'
        ? ' The store is locked: enter its passphrase in the browser.'
        : state === 'new'
          ? ' There is no store there yet: choose its passphrase in the browser.'
          : '';
    ctx.err(`Casegraph is serving ${ctx.db} on ${host.origin} (127.0.0.1 only).${lock} Open the address above; Ctrl+C stops.`);
    await new Promise<void>((resolve) => {
      const stop = (): void => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await host.close();
    await gate.close();
    fs.rmSync(stagingDir, { recursive: true, force: true });
  },
};
