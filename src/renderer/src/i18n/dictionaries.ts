// The UI languages and their dictionaries.

import type { Language } from '../format/locale';
import { en } from './en';
import type { Messages } from './messages';
import { zhCN } from './zh-cn';

export const DICTIONARIES: Readonly<Record<Language, Messages>> = { 'zh-CN': zhCN, en };
