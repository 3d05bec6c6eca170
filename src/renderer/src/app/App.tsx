// The root: services, then settings (which decide language and theme), then the shell.

import { useEffect, useState } from 'react';
import type { ApiError, Settings } from '../../../common/api';
import { DEFAULT_SETTINGS as STORE_DEFAULTS } from '../../../common/settings';
import { I18nProvider } from '../i18n/I18nContext';
import { DEFAULT_DISPLAY, readDisplayHint } from '../settings/display-hint';
import { SettingsProvider, useSettings } from '../settings/SettingsContext';
import { ErrorNotice } from './ErrorNotice';
import type { Services } from './services';
import { ServicesProvider, useApi } from './ServicesContext';
import { Shell } from './Shell';

const DEFAULT_SETTINGS: Settings = { ...STORE_DEFAULTS, ...DEFAULT_DISPLAY };

type Boot = { readonly settings: Settings; readonly error: ApiError | null };

function Startup() {
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
