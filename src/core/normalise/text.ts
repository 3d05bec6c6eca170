// Text folding shared by every normaliser. Reports are typed on Chinese input methods, so
// full-width digits, letters and punctuation (１３８, ＱＱ, ：) are everyday input, not edge cases.

const NON_ASCII = /[\u0080-\uffff]/;

/**
 * Unicode NFKC, skipped for pure-ASCII strings: ASCII is already NFKC-stable and
 * `String.prototype.normalize` costs far more than the test on hot import paths.
 */
export function nfkc(text: string): string {
  return NON_ASCII.test(text) ? text.normalize('NFKC') : text;
}

/** NFKC, trimmed, with every run of whitespace collapsed to one space. */
export function foldText(raw: string): string {
  return nfkc(raw).replace(/\s+/g, ' ').trim();
}
