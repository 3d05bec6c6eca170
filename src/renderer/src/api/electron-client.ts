// ApiClient over the Electron preload bridge. Method results are passed through as the
// main process produced them; an IPC-level rejection becomes a `failed` result.

import type { ApiArg, ApiClient, ApiEvent, ApiMethod, ApiValue, Result } from '../../../common/api';
import type { CasegraphBridge } from './bridge';
import { failure, isResult } from './result-shape';

export function createElectronClient(bridge: CasegraphBridge): ApiClient {
  return {
    async call<M extends ApiMethod>(method: M, arg: ApiArg<M>): Promise<Result<ApiValue<M>>> {
      try {
        const result: unknown = await bridge.call(method, arg);
        if (!isResult(result)) return failure('bad_response', `The backend answered ${method} with something that is not a result.`);
        // The main process implements the same contract, so the value has the method's type.
        return result as Result<ApiValue<M>>;
      } catch (error) {
        return failure('failed', error instanceof Error ? error.message : String(error));
      }
    },
    onEvent(listener: (event: ApiEvent) => void): () => void {
      return bridge.onEvent(listener);
    },
    async stageFiles(files: readonly File[]): Promise<Result<readonly string[]>> {
      const paths: string[] = [];
      for (const file of files) {
        const path = bridge.pathForFile(file);
        if (path === '') return failure('no_path', `${file.name} is not a file on this computer.`);
        paths.push(path);
      }
      return { ok: true, value: paths };
    },
    async chooseSaveFile(suggestedName: string): Promise<Result<{ readonly path: string } | 'download' | null>> {
      try {
        const path = await bridge.saveFile(suggestedName);
        return { ok: true, value: path === null ? null : { path } };
      } catch (error) {
        return failure('failed', error instanceof Error ? error.message : String(error));
      }
    },
    downloadUrl(): string | null {
      return null;
    },
  };
}
