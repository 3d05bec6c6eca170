// Why two reports are (or are not) in one series, for the workspace: the linking engine's
// explanation, with values an investigator marked as wrong evidence said to be so.
import type { LinkEvidence, LinkExplanation } from '../../common/api';
import type { Db } from '../store/db';
import { explain, ExplainError } from '../linking/explain';
import { AnalysisError } from './analysis-error';
import { activeCorrections, wrongFor } from './corrections-read';

export function explainPair(db: Db, a: string, b: string): LinkExplanation {
  let e;
  try {
    e = explain(db, a, b);
  } catch (err) {
    if (err instanceof ExplainError) throw new AnalysisError('not_found', err.message);
    throw err;
  }
  const rid = db.prepare<[string], number>('SELECT rid FROM report WHERE id = ?').pluck();
  const ra = rid.get(a) as number;
  const rb = rid.get(b) as number;
  const isWrong = wrongFor(activeCorrections(db, [ra, rb]));
  return {
    a: e.a,
    b: e.b,
    linked: e.linked,
    chain: e.chain.map((h) => ({
      from: h.from,
      to: h.to,
      weight: h.weight,
      strong: h.strong,
      evidence: h.evidence as readonly LinkEvidence[],
    })),
    shared: e.shared.map((s) => ({ kind: s.kind, value: s.value, status: isWrong(s.kind, s.value, ra, rb) ? 'wrong' : s.status })),
    textSimilarity: e.text_similarity,
  };
}
