// A suggestion's id: 'SG-' and a hash of its two report ids (in order), so the same lead keeps
// its id across link runs and stores, and a decision recorded on it finds it again.
import { createHash } from 'node:crypto';

export function suggestionId(reportA: string, reportB: string): string {
  const [x, y] = reportA < reportB ? [reportA, reportB] : [reportB, reportA];
  const h = createHash('sha256').update(`${x}\u0000${y}`).digest();
  return `SG-${h.readUIntBE(0, 6).toString(36).toUpperCase().padStart(10, '0')}`;
}
