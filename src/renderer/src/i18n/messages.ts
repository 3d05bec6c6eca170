// The shape of a UI dictionary. Every language implements `Messages` exactly — a missing or
// extra key is a type error — so no screen can fall back to another language. Messages that
// embed a number take it twice: raw (for plural rules) and formatted for the locale.
//
// Each feature owns its texts (<feature>/messages.ts and one file a language); the texts every
// screen shares are in messages-shared.ts. A key belongs to exactly one of them.

import type { AuditMessages } from '../audit/messages';
import type { BundlesMessages } from '../bundles/messages';
import type { CasesMessages } from '../cases/messages';
import type { ImportMessages } from '../import/messages';
import type { OverviewMessages } from '../overview/messages';
import type { ReportsMessages } from '../reports/messages';
import type { SeriesMessages } from '../series/messages';
import type { SettingsMessages } from '../settings/messages';
import type { SourcesMessages } from '../sources/messages';
import type { FlowMessages } from '../flow/messages';
import type { FlowLinksMessages } from '../flow/messages-links';
import type { SuggestionMessages } from '../suggestions/messages';
import type { WelcomeMessages } from '../welcome/messages';
import type { UnlockMessages } from '../unlock/messages';
import type { SharedMessages } from './messages-shared';

export type Messages = SharedMessages &
  ReportsMessages &
  ImportMessages &
  WelcomeMessages &
  SettingsMessages &
  SourcesMessages &
  OverviewMessages &
  SeriesMessages &
  CasesMessages &
  AuditMessages &
  BundlesMessages &
  SuggestionMessages &
  FlowMessages &
  FlowLinksMessages &
  UnlockMessages;

export type MessageKey = keyof Messages;

/** Keys whose message is plain text (no arguments). */
export type TextKey = { [K in MessageKey]: Messages[K] extends string ? K : never }[MessageKey];
