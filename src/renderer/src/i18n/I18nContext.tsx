// The UI language for the component tree: its dictionary and its formatters.

import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { createFormat, type Format } from '../format/formatter';
import type { Language } from '../format/locale';
import { DICTIONARIES } from './dictionaries';
import type { Messages } from './messages';

export interface I18n {
  readonly language: Language;
  readonly m: Messages;
  readonly fmt: Format;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ language, children }: { readonly language: Language; readonly children: ReactNode }) {
  const value = useMemo<I18n>(() => ({ language, m: DICTIONARIES[language], fmt: createFormat(language) }), [language]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (i18n === null) throw new Error('I18nProvider is missing');
  return i18n;
}
