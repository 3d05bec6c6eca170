// Expected failures of the investigator's analysis calls (an unknown series, a case that does not
// exist, a correction that makes no sense): the handlers turn them into `{ ok: false, error }`.
export class AnalysisError extends Error {
  override readonly name = 'AnalysisError';
  constructor(
    readonly code: 'not_found' | 'invalid_argument' | 'conflict',
    message: string,
  ) {
    super(message);
  }
}
