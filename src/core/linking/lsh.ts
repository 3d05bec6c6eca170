// Locality-sensitive hashing over MinHash signatures: the signature is cut into bands and two
// texts become candidates when one band is identical. Text counts only for near-duplicates
// (similarity >= 0.9), so 4 bands of 6 bins suffice: similarity 0.9 meets with probability
// ~0.95, 0.95 with ~0.99, 0.5 with ~0.06; candidates are then checked on the whole signature.
import { SIGNATURE_BINS } from './minhash';

export const BANDS = 4;
export const ROWS = SIGNATURE_BINS / BANDS;

/**
 * The band keys of one signature, as 31-bit integers salted with the band number (so equal
 * keys mean an equal band). An empty bin is part of the band: near-duplicates leave the same
 * bins empty, and texts too short to fill most bins get no signature at all.
 */
export function bandKeys(sig: Uint32Array, off: number, out: Int32Array): void {
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < ROWS; r++) {
      h = Math.imul(h ^ (sig[off + b * ROWS + r] as number), 0x01000193);
      h ^= h >>> 13;
    }
    out[b] = ((Math.imul(h, 0x5bd1e995) >>> 1) & 0x7ffffff0) | b;
  }
}
