// PLACEHOLDER on the contract branch: replaced by the case-bundle implementation (issue 6).
import type { CasegraphApi, Result } from '../../common/api';

export type BundleHandlers = Pick<CasegraphApi, 'bundle.export' | 'bundle.verify' | 'bundle.import' | 'bundle.imports' | 'keys.get' | 'sharingKey.set' | 'trust.list' | 'trust.add' | 'trust.remove'>;

const todo = async (): Promise<Result<never>> => ({ ok: false, error: { code: 'unavailable', message: 'not implemented on this branch' } });

export function bundleHandlers(): BundleHandlers {
  return {
    'bundle.export': todo, 'bundle.verify': todo, 'bundle.import': todo, 'bundle.imports': todo, 'keys.get': todo, 'sharingKey.set': todo,
    'trust.list': todo, 'trust.add': todo, 'trust.remove': todo,
  };
}
