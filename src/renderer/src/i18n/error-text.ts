// How an ApiError reads on screen: a sentence in the UI language chosen by its code. The
// backend's own message is kept as the detail, since it names the exact record or field.

import type { ApiError } from '../../../common/api';
import type { Messages } from './messages';
import { isErrorCode } from './vocabulary';

export function errorSummary(error: Readonly<ApiError>, m: Messages): string {
  return m[`error.${isErrorCode(error.code) ? error.code : 'failed'}`];
}
