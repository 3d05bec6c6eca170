// The audit log's texts (#/audit).
// Part of `Messages` (i18n/messages.ts): every language implements these keys exactly.

import type { AuditAction } from './audit-actions';
import type { AuditKey, AuditValue } from './audit-detail';
import type { Keyed } from '../i18n/message-kit';

interface AuditTexts {
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

  readonly 'auditValue.yes': string;
  readonly 'auditValue.no': string;

  /** Audit subjects the backend writes in a fixed form (audit-detail.ts auditSubjectText). */
  readonly 'auditSubject.seed': (seed: string) => string;
  readonly 'auditSubject.correction': (id: string) => string;
  readonly 'auditSubject.linkFull': string;
  readonly 'auditSubject.linkIncremental': string;
  readonly 'auditSubject.sharingKey': string;
}

export type AuditMessages = AuditTexts & Keyed<'audit.action', AuditAction> & Keyed<'auditKey', AuditKey> & Keyed<'auditValue', AuditValue>;
