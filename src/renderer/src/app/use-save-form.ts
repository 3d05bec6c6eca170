// A form that saves in one call: idle, saving, saved (said in its status line) or failed (its
// error shown). Editing after a save takes the "saved" away again.

import { useCallback, useState } from 'react';
import type { ApiError, Result } from '../../../common/api';

export type SaveState = { readonly state: 'idle' | 'saving' | 'saved' } | { readonly state: 'failed'; readonly error: ApiError };

export interface SaveForm {
  readonly save: SaveState;
  /** Saves with the call; answers whether it succeeded. */
  readonly submit: (call: () => Promise<Result<unknown>>) => Promise<boolean>;
  /** Back to idle, whatever the state (an edit that clears a failure too, or a form that did not validate). */
  readonly reset: () => void;
  /** An edit: a "saved" no longer holds (a failure stays shown). */
  readonly edited: () => void;
}

export function useSaveForm(): SaveForm {
  const [save, setSave] = useState<SaveState>({ state: 'idle' });
  const submit = useCallback(async (call: () => Promise<Result<unknown>>): Promise<boolean> => {
    setSave({ state: 'saving' });
    const result = await call();
    setSave(result.ok ? { state: 'saved' } : { state: 'failed', error: result.error });
    return result.ok;
  }, []);
  const reset = useCallback(() => setSave({ state: 'idle' }), []);
  const edited = useCallback(() => setSave((s) => (s.state === 'saved' ? { state: 'idle' } : s)), []);
  return { save, submit, reset, edited };
}
