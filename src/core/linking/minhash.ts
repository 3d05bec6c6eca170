// Near-duplicate message text by MinHash over character 3-grams, which needs no word
// segmentation and so works for Chinese. One-permutation hashing: each shingle is hashed once
// and lands in one of K bins, keeping the minimum per bin — K times cheaper than K hash
// functions, and as good for short texts. Runs of digits are folded (rotated phone numbers, amounts)
// but letters are kept: two gangs who bought the same template differ in the links they fill in.

export const SIGNATURE_BINS = 24;
/** Texts with fewer shingles are too short to compare (most bins would stay empty). */
export const MIN_SHINGLES = 16;
const EMPTY = 0xffffffff;

/** Folds what varies between one gang's fills of its template: runs of digits, case, spaces. */
export function templateText(text: string): string {
  // No NFKC here: it is the costliest step on CJK text, and one gang's texts share their widths.
  return text
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/[0-9\uff10-\uff19]+/g, '#');
}

function mix(h: number): number {
  let x = h;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** The signature of a text into `out` (length SIGNATURE_BINS); returns the number of shingles. */
export function signature(text: string, out: Uint32Array): number {
  out.fill(EMPTY);
  const t = templateText(text);
  if (t.length < 3) return 0;
  let shingles = 0;
  for (let i = 0; i + 2 < t.length; i++) {
    const h = mix(
      ((t.charCodeAt(i) * 0x9e3779b1) ^ Math.imul(t.charCodeAt(i + 1), 0x85ebca77) ^ Math.imul(t.charCodeAt(i + 2), 0xc2b2ae3d)) >>> 0,
    );
    const bin = h % SIGNATURE_BINS;
    const v = h >>> 5;
    if (v < (out[bin] as number)) out[bin] = v;
    shingles += 1;
  }
  return shingles;
}

/** Estimated Jaccard similarity of two signatures: the share of filled bins that agree. */
export function similarity(a: Uint32Array, aOff: number, b: Uint32Array, bOff: number): number {
  let same = 0;
  let filled = 0;
  for (let k = 0; k < SIGNATURE_BINS; k++) {
    const x = a[aOff + k] as number;
    const y = b[bOff + k] as number;
    if (x === EMPTY && y === EMPTY) continue;
    filled += 1;
    if (x === y) same += 1;
  }
  return filled === 0 ? 0 : same / filled;
}
