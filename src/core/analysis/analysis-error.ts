// Expected failures of the investigator's analysis calls (an unknown series, a case that does not
// exist, a correction that makes no sense): Backend.call answers them as `{ ok: false, error }`.
import { ExpectedError } from '../../common/result';

export class AnalysisError extends ExpectedError {
  override name = 'AnalysisError';
  constructor(code: 'not_found' | 'invalid_argument' | 'conflict', message: string) {
    super(code, message);
  }
}
