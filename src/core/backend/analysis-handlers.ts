// PLACEHOLDER on the contract branch: replaced by the analysis implementation (issue 5).
import type { CasegraphApi, Result } from '../../common/api';

export type AnalysisHandlers = Pick<
  CasegraphApi,
  | 'overview.get' | 'series.query' | 'series.get' | 'series.graph' | 'series.explain' | 'series.split' | 'series.merge' | 'series.markWrong'
  | 'series.revokeCorrection' | 'reports.revealVictim' | 'ignore.list' | 'ignore.set' | 'ignore.remove' | 'cases.list' | 'cases.get'
  | 'cases.create' | 'cases.update' | 'cases.addNote' | 'audit.query'
>;

const todo = async (): Promise<Result<never>> => ({ ok: false, error: { code: 'unavailable', message: 'not implemented on this branch' } });

export function analysisHandlers(): AnalysisHandlers {
  return {
    'overview.get': todo, 'series.query': todo, 'series.get': todo, 'series.graph': todo, 'series.explain': todo, 'series.split': todo,
    'series.merge': todo, 'series.markWrong': todo, 'series.revokeCorrection': todo, 'reports.revealVictim': todo, 'ignore.list': todo,
    'ignore.set': todo, 'ignore.remove': todo, 'cases.list': todo, 'cases.get': todo, 'cases.create': todo, 'cases.update': todo,
    'cases.addNote': todo, 'audit.query': todo,
  };
}
