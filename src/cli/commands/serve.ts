import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BackendClient } from '../../core/backend/backend-client';
import { unlockStore } from '../../core/store/db';
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
    // The store's key is opened here, where the passphrase is (asked on the terminal, perhaps):
    // the backend worker started next is handed it.
    try {
      unlockStore(ctx.db);
    } catch (e) {
      clearTimeout(slow);
      throw e;
    }
    const backend = await BackendClient.start(
      backendWorker,
      { dbPath: ctx.db, importRoot: stagingDir, downloadRoot: path.join(stagingDir, 'downloads') },
      vault,
    )
      .catch((e: unknown) => {
        throw new CliError((e as Error).message);
      })
      .finally(() => clearTimeout(slow));
    const host = await startHost({ api: backend, rendererDir, stagingDir, downloadDir: path.join(stagingDir, 'downloads'), port }).catch(
      async (e: unknown) => {
        await backend.close();
        throw new CliError(`cannot listen on 127.0.0.1:${port}: ${(e as Error).message}`);
      },
    );
    ctx.out(host.url);
    ctx.err(`Casegraph is serving ${ctx.db} on ${host.origin} (127.0.0.1 only). Open the address above; Ctrl+C stops.`);
    await new Promise<void>((resolve) => {
      const stop = (): void => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await host.close();
    await backend.close();
    fs.rmSync(stagingDir, { recursive: true, force: true });
  },
};
