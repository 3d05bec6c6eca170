// Key fingerprints are read aloud over the phone to confirm a key: always shown the same way,
// lower-case hex in groups of four, whichever form the backend sent.

export function showFingerprint(text: string): string {
  const hex = text.toLowerCase().replace(/[^0-9a-f]/g, '');
  return hex.replace(/(.{4})(?=.)/g, '$1 ');
}
