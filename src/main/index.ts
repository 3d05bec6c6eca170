// The Electron main process: a thin shell. It opens the window with a locked-down renderer
// (context isolation, sandbox, no Node, no navigation, no new windows, no permissions),
// starts the backend worker on the user's store, and forwards the one API over IPC.
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, safeStorage, session, shell } from 'electron';
import { BackendClient } from '../core/backend/backend-client';
import { StoreGate } from '../core/backend/store-gate';
import { backupsFolderOf } from '../core/store/backups';
import { desktopKeySources, sealDesktopKey } from '../core/store/credential-store-key';
import { STORE_FILE } from '../core/store/paths';
import { requireWorker } from '../core/worker/locate';
import { electronNativeBinding } from './native-binding';
import { saveFilter, SaveTargets } from './save-targets';
import { SafeStorageVault } from './safe-storage-vault';

const here = import.meta.dirname;
let gate: StoreGate | null = null;

function rendererUrl(): { url: string; isTrusted: (u: string) => boolean } {
  const dev = process.env['ELECTRON_RENDERER_URL'];
  if (dev && !app.isPackaged) return { url: dev, isTrusted: (u) => u.startsWith(dev) };
  const file = path.join(here, '../renderer/index.html');
  const fileUrl = new URL(`file://${file}`).href;
  return { url: fileUrl, isTrusted: (u) => u.split('#')[0] === fileUrl };
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Casegraph',
    webPreferences: {
      preload: path.join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  const target = rendererUrl();
  win.webContents.on('will-navigate', (event, url) => {
    if (!target.isTrusted(url)) event.preventDefault();
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    // Only documentation links leave the app, and then in the system browser.
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(target.url);
  return win;
}

async function start(): Promise<void> {
  await app.whenReady();
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  const dbPath = process.env['CASEGRAPH_DB'] ?? path.join(app.getPath('userData'), STORE_FILE);
  const nativeBinding = electronNativeBinding(app.getAppPath(), app.isPackaged);
  // Feed tokens are sealed here, in the main process, with the OS credential store: the worker
  // asks for each seal and open, and no plain token ever reaches the renderer.
  const vault = new SafeStorageVault(safeStorage);
  // The window opens at once and its calls wait for the store: opening a large store the first
  // time after an update migrates it (indexing its reports again for search: 4 s per 100,000),
  // and a launch that shows nothing for that long looks like one that failed. A store that
  // cannot be opened (one written by a newer Casegraph, say) is said in a dialog, not only on a
  // console the investigator never sees.
  // The store's key is opened here, where safeStorage is (or from CASEGRAPH_PASSPHRASE when the
  // credential store is refused): the backend worker started next is handed it. When only a
  // passphrase opens it and none is set, the gate starts locked and the window shows the unlock
  // screen (or, for a new store, asks to choose the passphrase).
  const { sources, refused } = desktopKeySources(safeStorage, {
    ...(process.env['CASEGRAPH_PASSPHRASE'] ? { passphrase: process.env['CASEGRAPH_PASSPHRASE'] } : {}),
  });
  if (refused) console.warn(`Casegraph: ${refused}; the store's key is sealed under the passphrase instead`);
  const started = Promise.resolve().then(() =>
    StoreGate.open({
      dbPath,
      ...(nativeBinding ? { nativeBinding } : {}),
      sources,
      credentialStoreRefused: refused !== null,
      afterUnlock: (passphrase) => sealDesktopKey(dbPath, sources, passphrase),
      startBackend: () => BackendClient.start(requireWorker('backend'), { dbPath, ...(nativeBinding ? { nativeBinding } : {}) }, vault),
    }),
  );
  const trusted = rendererUrl();
  const saveTargets = new SaveTargets();
  ipcMain.handle('casegraph:call', async (event, method: unknown, arg: unknown) => {
    if (!trusted.isTrusted(event.senderFrame?.url ?? '')) return { ok: false, error: { code: 'forbidden', message: 'untrusted sender' } };
    if (typeof method !== 'string') return { ok: false, error: { code: 'invalid_argument', message: 'method must be a string' } };
    const refused = saveTargets.check(method, arg);
    if (refused) return { ok: false, error: { code: 'invalid_argument', message: refused } };
    const ready = await started.catch(() => null);
    if (!ready) return { ok: false, error: { code: 'unavailable', message: 'the store could not be opened' } };
    return ready.call(method, arg);
  });
  ipcMain.handle('dialog:saveFile', async (event, suggestedName: unknown) => {
    if (!trusted.isTrusted(event.senderFrame?.url ?? '')) return null;
    const owner = BrowserWindow.fromWebContents(event.sender);
    const name = typeof suggestedName === 'string' ? path.basename(suggestedName) : 'export.casebundle';
    // A backup of the store (Settings) is offered in the backups folder beside the store; a bundle or a flow export in Documents.
    const backup = name.endsWith('.db');
    if (backup) fs.mkdirSync(backupsFolderOf(dbPath), { recursive: true, mode: 0o700 });
    const defaultPath = path.join(backup ? backupsFolderOf(dbPath) : app.getPath('documents'), name);
    const options = { defaultPath, filters: [saveFilter(defaultPath)] };
    const chosen = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
    if (chosen.canceled || chosen.filePath === undefined || chosen.filePath === '') return null;
    saveTargets.remember(chosen.filePath);
    return chosen.filePath;
  });
  const win = createWindow();
  started.then(
    (ready) => {
      gate = ready;
      ready.onEvent((e) => {
        if (!win.isDestroyed()) win.webContents.send('casegraph:event', e);
      });
    },
    (e: unknown) => {
      dialog.showErrorBox('Casegraph could not open its store', `${e instanceof Error ? e.message : String(e)}\n\n${dbPath}`);
      app.exit(1);
    },
  );
  app.on('window-all-closed', () => app.quit());
}

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});
app.on('before-quit', () => {
  void gate?.close();
});

start().catch((e: unknown) => {
  console.error(`Casegraph could not start: ${e instanceof Error ? e.message : String(e)}`);
  app.exit(1);
});
