// The import engine and the sync engine explain themselves in English sentences (they are also
// written to logs and the CLI). On screen they must read in the UI language: this maps each
// sentence shape they produce (src/core/report/parse.ts, rfc3339.ts, import/pipeline.ts,
// import/csv.ts, sync/fetch-page.ts) to a translated message. A sentence no pattern knows is
// shown as it is (the caller marks it lang="en").

import type { SyncErrorCode } from '../../../common/api';
import type { Messages } from './messages';

/** What `describe()` in parse.ts says of a value: 'null', 'an array', 'the number 3', 'a string'. */
function valueKind(text: string, m: Messages): string {
  const number = /^the number (.+)$/.exec(text);
  if (number) return m['reason.value.number'](number[1] ?? '');
  switch (text) {
    case 'null':
      return m['reason.value.null'];
    case 'an array':
      return m['reason.value.array'];
    case 'a string':
      return m['reason.value.string'];
    case 'a boolean':
      return m['reason.value.boolean'];
    case 'a object':
    case 'an object':
      return m['reason.value.object'];
    default:
      return text;
  }
}

type Rule = readonly [RegExp, (match: RegExpExecArray, m: Messages) => string];

const g = (match: RegExpExecArray, i: number): string => match[i] ?? '';

const RULES: readonly Rule[] = [
  [/^is required$/, (_x, m) => m['reason.required']],
  [/^is empty$|^must not be empty$/, (_x, m) => m['reason.empty']],
  [/^must be a string, got (.+)$/, (x, m) => m['reason.notString'](valueKind(g(x, 1), m))],
  [/^is longer than (\d+) characters$/, (x, m) => m['reason.tooLong'](g(x, 1))],
  [/^"(.*)" is not an RFC 3339 timestamp with offset/, (x, m) => m['reason.timestamp'](g(x, 1))],
  [/^"(.*)" has an impossible (?:month|date|time) .+$/, (x, m) => m['reason.impossibleDate'](g(x, 1))],
  [/^"(.*)" has an impossible offset$/, (x, m) => m['reason.impossibleOffset'](g(x, 1))],
  [/^must be a number, got (.+)$/, (x, m) => m['reason.notNumber'](valueKind(g(x, 1), m))],
  [/^must be an integer >= 1, got (.+)$/, (x, m) => m['reason.notVersion'](valueKind(g(x, 1), m))],
  [/^must be an integer, got (.+)$/, (x, m) => m['reason.notInteger'](g(x, 1))],
  [/^must be between (\S+) and (\S+), got (.+)$/, (x, m) => m['reason.range'](g(x, 1), g(x, 2), g(x, 3))],
  [/^must be an object \{amount, currency\} or null, got (.+)$/, (x, m) => m['reason.lossObject'](valueKind(g(x, 1), m))],
  [/^must be a decimal string like "1234\.50", not the number (.+)$/, (x, m) => m['reason.amountNumber'](g(x, 1))],
  [/^must be a decimal string, got (.+)$/, (x, m) => m['reason.amountType'](valueKind(g(x, 1), m))],
  [/^"(.*)" is not a non-negative decimal with at most 2 decimals$/, (x, m) => m['reason.amountFormat'](g(x, 1))],
  [/^(.*) is not an ISO 4217 code like "CNY"$/, (x, m) => m['reason.currency'](g(x, 1))],
  [/^must be a JSON object, got (.+)$/, (x, m) => m['reason.notRecord'](valueKind(g(x, 1), m))],
  [/^must be an object, got (.+)$/, (x, m) => m['reason.notObject'](valueKind(g(x, 1), m))],
  [/^must be an array, got (.+)$/, (x, m) => m['reason.notArray'](valueKind(g(x, 1), m))],
  [/^must be true or false, got (.+)$/, (x, m) => m['reason.notBoolean'](valueKind(g(x, 1), m))],
  [/^"(.*)" is not one of (.+)$/, (x, m) => m['reason.notOneOf'](g(x, 1), g(x, 2))],
  [/^line is longer than 16 MiB$/, (_x, m) => m['reason.lineTooLong']],
  [/^is not valid JSON/, (_x, m) => m['reason.badJson']],
  [/^malformed CSV/, (_x, m) => m['reason.badCsv']],
];

/** A rejection reason in the UI language; `translated: false` when no pattern knew it. */
export function reasonText(reason: string, m: Messages): { readonly text: string; readonly translated: boolean } {
  for (const [pattern, message] of RULES) {
    const match = pattern.exec(reason);
    if (match) return { text: message(match, m), translated: true };
  }
  return { text: reason, translated: false };
}

/** Which SyncErrorCode a stored sync-run error sentence (fetch-page.ts) stands for. */
export function syncRunErrorCode(sentence: string): SyncErrorCode | 'failed' {
  if (/redirected/.test(sentence)) return 'redirect';
  if (/is not a feed page/.test(sentence)) return 'bad_page';
  if (/^not authorised/.test(sentence)) return 'unauthorised';
  if (/^unknown precinct/.test(sentence)) return 'not_found';
  if (/asked to wait/.test(sentence)) return 'throttled';
  if (/answered HTTP/.test(sentence)) return 'http_error';
  if (/^cannot (?:reach|connect securely)/.test(sentence)) return 'network';
  if (/^the feed failed/.test(sentence)) return 'unavailable';
  if (/at the same time|concurrent/.test(sentence)) return 'concurrent';
  return 'failed';
}
