// How evidence terms (src/common/api.ts LinkEvidence) read, alike on the command line and in the
// UI: bits (log2 of a Bayes factor) with their sign and one decimal, +4.1, -11.2, +0.0; message
// texts this alike or more read as near-identical rather than similar.

export const NEAR_IDENTICAL_TEXT = 0.9;

export function signedBits(bits: number): string {
  const shown = Math.abs(bits).toFixed(1);
  return `${bits < 0 && shown !== '0.0' ? '-' : '+'}${shown}`;
}
