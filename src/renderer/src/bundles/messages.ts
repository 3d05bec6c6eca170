// The case bundles' texts: export, import, problems, signing keys and sharing settings.
// Part of `Messages` (i18n/messages.ts): every language implements these keys exactly.

import type { BundleRedaction } from '../../../common/api';
import type { Keyed, Named } from '../i18n/message-kit';

interface BundlesTexts {
  readonly 'export.title': string;
  readonly 'export.intro': string;
  readonly 'export.series': string;
  readonly 'export.redact': string;
  readonly 'export.redactHint': string;
  readonly 'export.fullHint': string;
  readonly 'export.start': string;
  readonly 'export.starting': string;
  readonly 'export.cancel': string;
  readonly 'export.cancelled': string;
  readonly 'export.done': (reports: string, size: string, redaction: string) => string;
  readonly 'export.download': string;
  readonly 'export.savedTo': string;
  readonly 'export.sha': string;

  readonly 'bureau.title': string;
  readonly 'bureau.name': string;
  readonly 'bureau.hint': string;
  readonly 'bureau.save': string;

  readonly 'keys.title': string;
  readonly 'keys.intro': string;
  readonly 'keys.fingerprint': string;
  readonly 'keys.public': string;
  readonly 'keys.copyPem': string;
  readonly 'keys.copyFingerprint': string;
  readonly 'keys.copied': string;
  readonly 'keys.copyFailed': string;

  readonly 'sharing.title': string;
  readonly 'sharing.intro': string;
  readonly 'sharing.state': string;
  readonly 'sharing.set': string;
  readonly 'sharing.notSet': string;
  readonly 'sharing.new': string;
  readonly 'sharing.replace': string;
  readonly 'sharing.hint': string;
  readonly 'sharing.tooShort': string;
  readonly 'sharing.save': string;
  readonly 'sharing.clear': string;

  readonly 'trust.title': string;
  readonly 'trust.intro': string;
  readonly 'trust.empty': string;
  readonly 'trust.name': string;
  readonly 'trust.nameHint': string;
  readonly 'trust.nameMissing': string;
  readonly 'trust.addedAt': string;
  readonly 'trust.remove': Named;
  readonly 'trust.addTitle': string;
  readonly 'trust.pem': string;
  readonly 'trust.pemHint': string;
  readonly 'trust.pemBad': string;
  readonly 'trust.pickFile': string;
  readonly 'trust.fileTooBig': Named;
  readonly 'trust.fileNoKey': Named;
  readonly 'trust.add': string;

  readonly 'bundle.title': Named;
  readonly 'bundle.staging': string;
  readonly 'bundle.verifying': string;
  readonly 'bundle.signer': string;
  readonly 'bundle.signerTrusted': Named;
  readonly 'bundle.signerUnknown': string;
  readonly 'bundle.signerInvalid': string;
  readonly 'bundle.bureau': string;
  readonly 'bundle.caseTitle': string;
  readonly 'bundle.problems': string;
  readonly 'bundle.import': string;
  readonly 'bundle.cannotImport': string;
  readonly 'bundle.discard': string;
  readonly 'bundle.cancel': string;
  readonly 'bundle.cancelled': string;
  readonly 'bundle.rejected': string;
  readonly 'bundle.already': string;
  readonly 'bundle.done': (added: string, updated: string, unchanged: string) => string;
  readonly 'bundle.flowDone': (accounts: string, transactions: string, added: string) => string;
  readonly 'bundle.provenance': string;
  readonly 'bundle.importedAt': string;
  readonly 'bundle.trusted': string;
  readonly 'bundle.untrusted': string;

  readonly 'bundleProblem.signature': string;
  readonly 'bundleProblem.signatureSize': string;
  readonly 'bundleProblem.signer': string;
  readonly 'bundleProblem.otherSigner': string;
  readonly 'bundleProblem.version': (found: string, supported: string) => string;
  readonly 'bundleProblem.manifestJson': string;
  readonly 'bundleProblem.listedTwice': Named;
  readonly 'bundleProblem.listsItself': Named;
  readonly 'bundleProblem.manifest': Named;
  readonly 'bundleProblem.missing': Named;
  readonly 'bundleProblem.size': Named;
  readonly 'bundleProblem.altered': Named;
  readonly 'bundleProblem.unlisted': Named;
  readonly 'bundleProblem.utf8': string;
  readonly 'bundleProblem.lineJson': Named;
  readonly 'bundleProblem.lineTwice': (line: string, id: string) => string;
  readonly 'bundleProblem.lineField': (line: string, field: string, reason: string) => string;
  readonly 'bundleProblem.count': (found: string, listed: string) => string;
  readonly 'bundleProblem.graphml': string;
  readonly 'bundleProblem.bomb': string;
  readonly 'bundleProblem.zip': string;
  readonly 'bundleProblem.noFile': string;
  readonly 'bundleProblem.tooBig': Named;
  readonly 'bundleProblem.tooMany': Named;
  readonly 'bundleProblem.tooLarge': string;
  readonly 'bundleProblem.path': Named;
  readonly 'bundleProblem.notFile': Named;
  readonly 'bundleProblem.encrypted': Named;
  readonly 'bundleProblem.duplicate': Named;
  readonly 'bundleProblem.entry': (name: string, problem: string) => string;
}

export type BundlesMessages = BundlesTexts & Keyed<'redaction', BundleRedaction>;
