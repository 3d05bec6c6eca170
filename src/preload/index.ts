// The preload exposes exactly one small wrapper, never ipcRenderer itself: call a method of the
// API contract, listen to its events, get the path of a file the user picked or dropped, and
// ask where to save an export.
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
  saveFile: (suggestedName: string): Promise<string | null> => ipcRenderer.invoke('dialog:saveFile', suggestedName),
});
