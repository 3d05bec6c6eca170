// UI texts of the case files, audit log, ignore list and case-bundle screens (and the sharing
// settings). Part of `Messages`: every language implements these keys too.

import type { BundleRedaction, CaseStatus } from '../../../common/api';
import type { AuditAction } from '../audit/audit-actions';

type Keyed<Prefix extends string, K extends string> = { readonly [P in K as `${Prefix}.${P}`]: string };
type Named = (name: string) => string;

interface CaseworkTexts {
  readonly 'nav.cases': string;
  readonly 'nav.audit': string;

  readonly 'cases.title': string;
  readonly 'cases.intro': string;
  readonly 'cases.new': string;
  readonly 'cases.filter': string;
  readonly 'cases.status': string;
  readonly 'cases.statusAll': string;
  readonly 'cases.empty': string;
  readonly 'cases.emptyFiltered': string;
  readonly 'cases.caseTitle': string;
  readonly 'cases.assignee': string;
  readonly 'cases.assigneeHint': string;
  readonly 'cases.unassigned': string;
  readonly 'cases.series': string;
  readonly 'cases.reports': string;
  readonly 'cases.loss': string;
  readonly 'cases.notes': string;
  readonly 'cases.updated': string;
  readonly 'cases.back': string;
  readonly 'cases.newTitle': string;
  readonly 'cases.seriesIds': string;
  readonly 'cases.seriesIdsHint': string;
  readonly 'cases.seriesMissing': string;
  readonly 'cases.titleMissing': string;
  readonly 'cases.create': string;
  readonly 'cases.creating': string;

  readonly 'case.notFoundTitle': string;
  readonly 'case.facts': string;
  readonly 'case.created': string;
  readonly 'case.saveFacts': string;
  readonly 'case.series': string;
  readonly 'case.followed': (recorded: string, now: string) => string;
  readonly 'case.noSeries': string;
  readonly 'case.seriesId': string;
  readonly 'case.victims': string;
  readonly 'case.threshold': string;
  readonly 'case.over': string;
  readonly 'case.under': string;
  readonly 'case.period': string;
  readonly 'case.actions': string;
  readonly 'case.removeSeries': Named;
  readonly 'case.addSeries': string;
  readonly 'case.add': string;
  readonly 'case.notes': string;
  readonly 'case.notesNone': string;
  readonly 'case.newNote': string;
  readonly 'case.addNote': string;
  readonly 'case.exports': string;
  readonly 'case.exportsNone': string;
  readonly 'case.exportAt': string;
  readonly 'case.exportBy': string;
  readonly 'case.exportFile': string;
  readonly 'case.redaction': string;
  readonly 'case.size': string;

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
  readonly 'export.download': Named;
  readonly 'export.savedTo': string;
  readonly 'export.sha': string;

  readonly 'audit.title': string;
  readonly 'audit.intro': string;
  readonly 'audit.filters': string;
  readonly 'audit.action': string;
  readonly 'audit.actionAll': string;
  readonly 'audit.actor': string;
  readonly 'audit.text': string;
  readonly 'audit.from': string;
  readonly 'audit.to': string;
  readonly 'audit.apply': string;
  readonly 'audit.empty': string;
  readonly 'audit.at': string;
  readonly 'audit.subject': string;
  readonly 'audit.detail': string;

  readonly 'ignore.title': string;
  readonly 'ignore.intro': string;
  readonly 'ignore.empty': string;
  readonly 'ignore.domain': string;
  readonly 'ignore.state': string;
  readonly 'ignore.on': string;
  readonly 'ignore.off': string;
  readonly 'ignore.origin': string;
  readonly 'ignore.shipped': string;
  readonly 'ignore.local': string;
  readonly 'ignore.addedAt': Named;
  readonly 'ignore.note': string;
  readonly 'ignore.turnOff': Named;
  readonly 'ignore.turnOn': Named;
  readonly 'ignore.remove': Named;
  readonly 'ignore.add': string;
  readonly 'ignore.valueMissing': string;

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
  readonly 'bundle.provenance': string;
  readonly 'bundle.importedAt': string;
  readonly 'bundle.trusted': string;
  readonly 'bundle.untrusted': string;
}

export type CaseworkMessages = CaseworkTexts & Keyed<'caseStatus', CaseStatus> & Keyed<'redaction', BundleRedaction> & Keyed<'audit.action', AuditAction>;
