// The preload exposes exactly one small wrapper, never ipcRenderer itself: call a method of the
// API contract, listen to its events, and get the path of a file the user picked or dropped.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { ApiEvent } from '../common/api';

contextBridge.exposeInMainWorld('casegraph', {
  call: (method: string, arg: unknown): Promise<unknown> => ipcRenderer.invoke('casegraph:call', method, arg),
  onEvent: (listener: (e: ApiEvent) => void): (() => void) => {
    const wrapped = (_event: IpcRendererEvent, e: ApiEvent): void => listener(e);
    ipcRenderer.on('casegraph:event', wrapped);
    return () => ipcRenderer.removeListener('casegraph:event', wrapped);
  },
  pathForFile: (file: File): string => webUtils.getPathForFile(file),
});
