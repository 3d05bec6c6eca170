// Settings defaults, shared by the backend (a new store) and the renderer (before the store
// answers). The filing threshold defaults to 3,000 CNY, the telecom-fraud threshold of the 2016
// opinion of the Supreme People's Court, Supreme People's Procuratorate and Ministry of Public
// Security, with repeated frauds summed over two years.
import type { Settings } from './api';

export const DEFAULT_SETTINGS: Settings = {
  language: 'zh-CN',
  theme: 'light',
  thresholdAmount: '3000.00',
  thresholdCurrency: 'CNY',
  lookbackDays: 730,
  syncIntervalMinutes: 15,
  bureauName: '',
};
