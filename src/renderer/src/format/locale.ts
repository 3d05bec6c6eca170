// The UI languages, and the Intl locale each formats numbers and dates with.

import type { Settings } from '../../../common/api';

export type Language = Settings['language'];

/** British English gives "3 Jun 2017" and a 24-hour clock, which reads well next to Chinese data. */
export function intlLocale(language: Language): string {
  return language === 'zh-CN' ? 'zh-CN' : 'en-GB';
}
