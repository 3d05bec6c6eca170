// The left navigation. A later view adds one entry here (and its route in routes.ts).

import type { ComponentType } from 'react';
import type { TextKey } from '../i18n/messages';
import { AuditIcon, CaseIcon, ChartIcon, ListIcon, NetworkIcon, SettingsIcon, SuggestIcon, SyncIcon, UploadIcon } from './Icons';
import type { View } from './routes';

export interface NavItem {
  readonly href: string;
  readonly label: TextKey;
  readonly icon: ComponentType;
  /** The views during which this entry is the current page. */
  readonly views: readonly View[];
  /** A count beside the label (Nav.tsx reads it): the open suggestions. */
  readonly badge?: 'openSuggestions';
}

export const NAV_ITEMS: readonly NavItem[] = [
  // Analysis views.
  { href: '#/overview', label: 'nav.overview', icon: ChartIcon, views: ['overview'] },
  { href: '#/series', label: 'nav.series', icon: NetworkIcon, views: ['series', 'series-detail'] },
  { href: '#/suggestions', label: 'nav.suggestions', icon: SuggestIcon, views: ['suggestions'], badge: 'openSuggestions' },
  { href: '#/reports', label: 'nav.reports', icon: ListIcon, views: ['reports', 'report'] },
  { href: '#/import', label: 'nav.import', icon: UploadIcon, views: ['import', 'quarantine'] },
  { href: '#/sources', label: 'nav.sources', icon: SyncIcon, views: ['sources'] },
  // Case files and the audit log (wt-ui2).
  { href: '#/cases', label: 'nav.cases', icon: CaseIcon, views: ['cases', 'case-new', 'case'] },
  { href: '#/audit', label: 'nav.audit', icon: AuditIcon, views: ['audit'] },
  { href: '#/settings', label: 'nav.settings', icon: SettingsIcon, views: ['settings'] },
];
