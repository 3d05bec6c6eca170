// The unlock screen's texts (a locked store, or a new one whose passphrase is chosen).
// Part of `Messages` (i18n/messages.ts): every language implements these keys exactly.

export interface UnlockMessages {
  readonly 'unlock.title': string;
  readonly 'unlock.intro': string;
  readonly 'unlock.newTitle': string;
  readonly 'unlock.newIntro': string;
  readonly 'unlock.keyringRefused': string;
  readonly 'unlock.store': string;
  readonly 'unlock.passphrase': string;
  readonly 'unlock.newPassphrase': string;
  readonly 'unlock.repeat': string;
  readonly 'unlock.lengthHint': (min: string) => string;
  readonly 'unlock.tooShort': (min: string) => string;
  readonly 'unlock.differ': string;
  readonly 'unlock.empty': string;
  readonly 'unlock.wrong': string;
  readonly 'unlock.open': string;
  readonly 'unlock.opening': string;
  readonly 'unlock.create': string;
  readonly 'unlock.creating': string;
  readonly 'unlock.forgotten': string;
}
