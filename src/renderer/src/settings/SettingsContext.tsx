// The investigator's settings for the component tree. Changes apply at once (optimistically)
// and are persisted with settings.update; a failed save puts the previous value back.

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Result, Settings } from '../../../common/api';
import { useApi } from '../app/ServicesContext';
import { applyDisplay, writeDisplayHint } from './display-hint';

export interface SettingsState {
  readonly settings: Settings;
  update(patch: Partial<Settings>): Promise<Result<Settings>>;
}

const SettingsContext = createContext<SettingsState | null>(null);

export function SettingsProvider({ initial, children }: { readonly initial: Settings; readonly children: ReactNode }) {
  const api = useApi();
  const [settings, setSettings] = useState(initial);
  const latest = useRef(initial);

  useEffect(() => {
    latest.current = settings;
    applyDisplay(settings);
    writeDisplayHint(settings);
  }, [settings]);

  const update = useCallback(
    async (patch: Partial<Settings>): Promise<Result<Settings>> => {
      const before = latest.current;
      setSettings((current) => ({ ...current, ...patch }));
      const result = await api.call('settings.update', patch);
      // Only the fields this call changed: another change may be in flight for the others.
      const settled = result.ok ? pick(result.value, patch) : pick(before, patch);
      setSettings((current) => ({ ...current, ...settled }));
      return result;
    },
    [api],
  );

  const value = useMemo<SettingsState>(() => ({ settings, update }), [settings, update]);
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}

/** The fields of `from` that `patch` touched. */
function pick(from: Settings, patch: Partial<Settings>): Partial<Settings> {
  return Object.fromEntries(Object.keys(patch).map((key) => [key, from[key as keyof Settings]])) as Partial<Settings>;
}

export function useSettings(): SettingsState {
  const state = useContext(SettingsContext);
  if (state === null) throw new Error('SettingsProvider is missing');
  return state;
}
