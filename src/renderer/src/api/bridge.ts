// The shape the Electron preload exposes on `window.casegraph`. The preload is the only
// code that touches ipcRenderer; the renderer sees this tiny, untyped-by-method bridge and
// wraps it in the typed ApiClient (electron-client.ts).

import type { ApiEvent, Result } from '../../../common/api';

export interface CasegraphBridge {
  call(method: string, arg: unknown): Promise<Result<unknown>>;
  onEvent(listener: (event: ApiEvent) => void): () => void;
  /** The absolute path of a file the user picked or dropped ('' when it has none). */
  pathForFile(file: File): string;
  /** Ask where to save a file (the OS save dialog); null when the user cancelled. */
  saveFile(suggestedName: string): Promise<string | null>;
}

declare global {
  interface Window {
    readonly casegraph?: CasegraphBridge;
  }
}
