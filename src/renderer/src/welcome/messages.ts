// The welcome screen's texts (an empty store).
// Part of `Messages` (i18n/messages.ts): every language implements these keys exactly.

import type { Count } from '../i18n/message-kit';

interface WelcomeTexts {
  readonly 'welcome.title': string;
  readonly 'welcome.body': string;
  readonly 'welcome.demo': string;
  readonly 'welcome.demoHint': Count;
  readonly 'welcome.import': string;
  readonly 'welcome.demoRunning': string;
  readonly 'welcome.demoCancelled': string;
  readonly 'welcome.notEmpty': Count;
  readonly 'welcome.toReports': string;
}

export type WelcomeMessages = WelcomeTexts;
