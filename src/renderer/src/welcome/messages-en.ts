// English: the welcome screen.

import { plural } from '../i18n/message-kit';
import type { WelcomeMessages } from './messages';

export const welcomeEn: WelcomeMessages = {
  'welcome.title': 'Welcome to Casegraph',
  'welcome.body':
    "Casegraph gathers citizens' telecom and online fraud reports so investigators can search them, spot the same numbers and accounts across reports, and link related reports into series. The data stays in a store on this computer, and new report files can be imported at any time.",
  'welcome.demo': 'Load a demo precinct',
  'welcome.demoHint': (n, shown) => `Generates ${plural(n, shown, 'fictitious report', 'fictitious reports')} to explore with.`,
  'welcome.import': 'Import files',
  'welcome.demoRunning': 'Generating demo data…',
  'welcome.demoCancelled': 'Generating the demo data was cancelled; the reports already generated are kept.',
  'welcome.notEmpty': (n, shown) => `The store already holds ${plural(n, shown, 'report', 'reports')}.`,
  'welcome.toReports': 'Open the reports',
};
