// The settings screen's texts: display, linking, sync, ignore list and reference lists.
// Part of `Messages` (i18n/messages.ts): every language implements these keys exactly.

import type { ReferenceCategory } from '../../../common/model';
import type { ShippedNote } from './shipped-notes';
import type { Keyed, Named } from '../i18n/message-kit';
import type { StoreSettingsMessages } from './store-messages';

interface SettingsTexts {
  readonly 'settings.title': string;
  readonly 'settings.display': string;
  readonly 'settings.language': string;
  readonly 'settings.theme': string;
  readonly 'settings.themeLight': string;
  readonly 'settings.themeDark': string;
  readonly 'settings.linking': string;
  readonly 'settings.linkingIntro': string;
  readonly 'settings.threshold': string;
  readonly 'settings.thresholdHint': (currency: string) => string;
  readonly 'settings.lookback': string;
  readonly 'settings.lookbackHint': string;
  readonly 'settings.save': string;
  readonly 'settings.saving': string;
  readonly 'settings.saved': string;
  readonly 'settings.invalidAmount': string;
  readonly 'settings.invalidDays': string;
  readonly 'settings.sync': string;
  readonly 'settings.syncIntro': string;
  readonly 'settings.syncInterval': string;
  readonly 'settings.syncIntervalHint': string;
  readonly 'settings.invalidInterval': string;

  readonly 'ignore.title': string;
  readonly 'ignore.intro': string;
  readonly 'ignore.empty': string;
  readonly 'ignore.domain': string;
  readonly 'ignore.state': string;
  readonly 'ignore.on': string;
  readonly 'ignore.off': string;
  readonly 'ignore.origin': string;
  readonly 'ignore.shipped': string;
  readonly 'ignore.local': string;
  readonly 'ignore.addedAt': Named;
  readonly 'ignore.note': string;
  readonly 'ignore.turnOff': Named;
  readonly 'ignore.turnOn': Named;
  readonly 'ignore.remove': Named;
  readonly 'ignore.add': string;
  readonly 'ignore.valueMissing': string;

  readonly 'references.title': string;
  readonly 'references.intro': string;
  readonly 'references.empty': string;
  readonly 'references.find': string;
  readonly 'references.none': string;
  readonly 'references.count': (shown: string, total: string) => string;
  readonly 'references.domain': string;
  readonly 'references.domainHint': string;
  readonly 'references.domainMissing': string;
  readonly 'references.category': string;
  readonly 'references.state': string;
  readonly 'references.on': string;
  readonly 'references.off': string;
  readonly 'references.origin': string;
  readonly 'references.shipped': string;
  readonly 'references.addedAt': Named;
  readonly 'references.note': string;
  readonly 'references.turnOff': Named;
  readonly 'references.turnOn': Named;
  readonly 'references.remove': Named;
  readonly 'references.add': string;
}

export type SettingsMessages = SettingsTexts &
  StoreSettingsMessages &
  Keyed<'shippedNote', ShippedNote> &
  Keyed<'referenceCategory', ReferenceCategory>;
