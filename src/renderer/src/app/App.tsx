// The root: services, then the store's lock (the unlock screen while it is locked), then settings
// (which decide language and theme), then the shell.

import { useEffect, useState } from 'react';
import type { ApiError, Settings, StoreStatus } from '../../../common/api';
import { DEFAULT_SETTINGS as STORE_DEFAULTS } from '../../../common/settings';
import { I18nProvider } from '../i18n/I18nContext';
import { DEFAULT_DISPLAY, readDisplayHint } from '../settings/display-hint';
import { SettingsProvider, useSettings } from '../settings/SettingsContext';
import { UnlockScreen } from '../unlock/UnlockScreen';
import { ErrorNotice } from './ErrorNotice';
import type { Services } from './services';
import { ServicesProvider, useApi } from './ServicesContext';
import { Shell } from './Shell';

const DEFAULT_SETTINGS: Settings = { ...STORE_DEFAULTS, ...DEFAULT_DISPLAY };

type Boot = { readonly settings: Settings; readonly error: ApiError | null };

/** The store's lock first: a locked (or new) store shows the unlock screen, in the last language used. */
function Startup() {
  const api = useApi();
  const [lock, setLock] = useState<StoreStatus | 'open' | null>(null);

  useEffect(() => {
    let live = true;
    void api.call('store.status', {}).then((result) => {
      // A host that cannot say (an older one, an error) goes on to the app, which says what is wrong.
      if (live) setLock(result.ok && result.value.state !== 'open' ? result.value : 'open');
    });
    return () => {
      live = false;
    };
  }, [api]);

  if (lock === null) return <div className="boot" aria-busy="true" />;
  if (lock !== 'open')
    return (
      <I18nProvider language={readDisplayHint().language}>
        <UnlockScreen status={lock} onOpen={() => setLock('open')} />
      </I18nProvider>
    );
  return <OpenStore />;
}

function OpenStore() {
  const api = useApi();
  const [boot, setBoot] = useState<Boot | null>(null);

  useEffect(() => {
    let live = true;
    void api.call('settings.get', {}).then((result) => {
      if (!live) return;
      // Without the store's settings we still open, in the last language used, and say why.
      setBoot(
        result.ok
          ? { settings: result.value, error: null }
          : { settings: { ...DEFAULT_SETTINGS, ...readDisplayHint() }, error: result.error },
      );
    });
    return () => {
      live = false;
    };
  }, [api]);

  if (boot === null) return <div className="boot" aria-busy="true" />;
  return (
    <SettingsProvider initial={boot.settings}>
      <LanguageRoot error={boot.error} />
    </SettingsProvider>
  );
}

function LanguageRoot({ error }: { readonly error: ApiError | null }) {
  const { settings } = useSettings();
  return (
    <I18nProvider language={settings.language}>
      {error ? (
        <div className="boot-error">
          <ErrorNotice error={error} />
        </div>
      ) : null}
      <Shell />
    </I18nProvider>
  );
}

export function App({ services }: { readonly services: Services }) {
  return (
    <ServicesProvider services={services}>
      <Startup />
    </ServicesProvider>
  );
}
