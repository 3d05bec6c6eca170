// Why a bundle is not intact, in the UI language. The bundle verifier (src/core/bundle/verify.ts,
// read-bundle.ts, graphml-check.ts) writes English sentences for the CLI and logs; each shape
// maps to a translated message here. A report line's own rejection reason goes through the
// record-reason map. A sentence no pattern knows is shown as sent (the caller marks it lang="en").

import type { Messages } from '../i18n/messages';
import { reasonText } from '../i18n/reason-text';

type Rule = readonly [RegExp, (match: RegExpExecArray, m: Messages) => string];

const g = (match: RegExpExecArray, i: number): string => match[i] ?? '';

const RULES: readonly Rule[] = [
  [/^the signature does not match/, (_x, m) => m['bundleProblem.signature']],
  [/^manifest\.sig is (\d+) bytes/, (_x, m) => m['bundleProblem.signatureSize']],
  [/^signer\.pem:/, (_x, m) => m['bundleProblem.signer']],
  [/^the manifest names another signer/, (_x, m) => m['bundleProblem.otherSigner']],
  [
    /^bundle format version (\S+) is not supported \(this workstation reads version (\S+)\)/,
    (x, m) => m['bundleProblem.version'](g(x, 1), g(x, 2)),
  ],
  [/^manifest\.json is not valid JSON$/, (_x, m) => m['bundleProblem.manifestJson']],
  [/^manifest\.json lists (.+) twice$/, (x, m) => m['bundleProblem.listedTwice'](g(x, 1))],
  [/^manifest\.json lists (.+), which cannot be hashed in itself$/, (x, m) => m['bundleProblem.listsItself'](g(x, 1))],
  [/^manifest\.json: (.+)$/, (x, m) => m['bundleProblem.manifest'](g(x, 1))],
  [/^(\S+) is listed in the manifest but missing$/, (x, m) => m['bundleProblem.missing'](g(x, 1))],
  [/^(\S+) is missing$/, (x, m) => m['bundleProblem.missing'](g(x, 1))],
  [/^(\S+) is (\d+) bytes, the manifest says (\d+)$/, (x, m) => m['bundleProblem.size'](g(x, 1))],
  [/^(\S+) does not match its SHA-256/, (x, m) => m['bundleProblem.altered'](g(x, 1))],
  [/^(.+) is in the archive but not listed in the manifest$/, (x, m) => m['bundleProblem.unlisted'](g(x, 1))],
  [/^reports\.ndjson is not valid UTF-8$/, (_x, m) => m['bundleProblem.utf8']],
  [/^reports\.ndjson line (\d+) is not valid JSON$/, (x, m) => m['bundleProblem.lineJson'](g(x, 1))],
  [/^reports\.ndjson line (\d+): report (.+) appears twice$/, (x, m) => m['bundleProblem.lineTwice'](g(x, 1), g(x, 2))],
  [
    /^reports\.ndjson line (\d+)(?: \([^)]*\))?: ([^:]+): (.+)$/,
    (x, m) => m['bundleProblem.lineField'](g(x, 1), g(x, 2), reasonText(g(x, 3), m).text),
  ],
  [/^reports\.ndjson has (\d+) reports, the manifest says (\d+)$/, (x, m) => m['bundleProblem.count'](g(x, 1), g(x, 2))],
  [/^graph\.graphml:/, (_x, m) => m['bundleProblem.graphml']],
  [/zip bomb/, (_x, m) => m['bundleProblem.bomb']],
  [/^not a readable ZIP archive|^the archive is damaged|^an entry is damaged|^entry cannot be read/, (_x, m) => m['bundleProblem.zip']],
  [/^cannot read .+: no such file$/, (_x, m) => m['bundleProblem.noFile']],
  [/^the bundle is .+, over the limit of (.+)$/, (x, m) => m['bundleProblem.tooBig'](g(x, 1))],
  [/^the archive has (\d+) entries, more than/, (x, m) => m['bundleProblem.tooMany'](g(x, 1))],
  [
    /^the entries add up to more than (.+) uncompressed$|^entry ".*" is .+ uncompressed, over the limit/,
    (_x, m) => m['bundleProblem.tooLarge'],
  ],
  [
    /^entry "(.*)" (?:climbs out of the bundle|has an absolute path|names a drive|has a backslash|has control characters|is not a plain path)/,
    (x, m) => m['bundleProblem.path'](g(x, 1)),
  ],
  [/^an entry has an empty name$|^an entry name is not valid UTF-8$/, (_x, m) => m['bundleProblem.path']('')],
  [/^entry "(.*)" is a symbolic link$|^entry "(.*)" is not a regular file$/, (x, m) => m['bundleProblem.notFile'](g(x, 1) || g(x, 2))],
  [/^entry "(.*)" is encrypted$/, (x, m) => m['bundleProblem.encrypted'](g(x, 1))],
  [/^entry "(.*)" appears more than once$/, (x, m) => m['bundleProblem.duplicate'](g(x, 1))],
];

export function bundleProblemText(problem: string, m: Messages): { readonly text: string; readonly translated: boolean } {
  // The reader wraps an entry's own trouble as `entry "name": …`.
  const wrapped = /^entry "([^"]*)": (.+)$/.exec(problem);
  if (wrapped) {
    const inner = bundleProblemText(wrapped[2] ?? '', m);
    return inner.translated
      ? { text: m['bundleProblem.entry'](wrapped[1] ?? '', inner.text), translated: true }
      : { text: problem, translated: false };
  }
  for (const [pattern, message] of RULES) {
    const match = pattern.exec(problem);
    if (match) return { text: message(match, m), translated: true };
  }
  return { text: problem, translated: false };
}
