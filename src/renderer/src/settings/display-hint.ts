// The last language and theme, remembered in this browser profile so the first paint after a
// restart already looks right; the store's settings (settings.get) stay the truth.

import type { Settings } from '../../../common/api';

const KEY = 'casegraph.display';

export type DisplayHint = Pick<Settings, 'language' | 'theme'>;

export const DEFAULT_DISPLAY: DisplayHint = { language: 'zh-CN', theme: 'light' };

export function readDisplayHint(): DisplayHint {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(KEY) ?? 'null');
    if (typeof parsed !== 'object' || parsed === null) return DEFAULT_DISPLAY;
    const language = 'language' in parsed && parsed.language === 'en' ? 'en' : 'zh-CN';
    const theme = 'theme' in parsed && parsed.theme === 'dark' ? 'dark' : 'light';
    return { language, theme };
  } catch {
    return DEFAULT_DISPLAY; // storage disabled or garbled: use the defaults
  }
}

export function writeDisplayHint(hint: DisplayHint): void {
  try {
    window.localStorage.setItem(KEY, JSON.stringify({ language: hint.language, theme: hint.theme }));
  } catch {
    // Storage disabled: the hint is only a nicety.
  }
}

/** Apply a theme and language to the document (CSS variables key off data-theme). */
export function applyDisplay(hint: DisplayHint): void {
  const root = document.documentElement;
  root.dataset.theme = hint.theme;
  root.lang = hint.language;
}
