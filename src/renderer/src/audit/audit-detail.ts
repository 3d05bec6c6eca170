// An audit entry's detail is a small JSON object written by the backend ({"event":"update",
// "status":{"from":"new","to":"filed"}}). On screen it reads as "Event: update · Status: New → Filed"
// in the UI language; keys and values the UI does not know are shown as stored.

import { IDENTIFIER_KINDS, REFERENCE_CATEGORIES, type IdentifierKind, type ReferenceCategory } from '../../../common/model';
import { bundleProblemText } from '../bundles/bundle-problem-text';
import { isCaseStatus } from '../cases/case-routes';
import type { Format } from '../format/formatter';
import type { Messages } from '../i18n/messages';
import { isSyncErrorCode } from '../i18n/vocabulary';
import { isAuditAction } from './audit-actions';

export const AUDIT_KEYS = [
  'event',
  'series',
  'assignee',
  'title',
  'status',
  'added',
  'removed',
  'note',
  'correction',
  'kind',
  'value',
  'reason',
  'action',
  'source',
  'changed',
  'relink',
  'op',
  'name',
  'set',
  'bureau',
  'signer',
  'trusted',
  'reports',
  'new',
  'updated',
  'unchanged',
  'withdrawn',
  'rejected',
  'cancelled',
  'error',
  'pages',
  'received',
  'quarantined',
  'caseId',
  'file',
  'redaction',
  'hashes',
  'manifestSha256',
  'suggestion',
  'between',
  'score',
  'decision',
  'category',
] as const;
export type AuditKey = (typeof AUDIT_KEYS)[number];

export const AUDIT_VALUES = ['create', 'update', 'add', 'remove', 'shipped', 'investigator', 'accepted', 'rejected'] as const;
export type AuditValue = (typeof AUDIT_VALUES)[number];

function isIdentifierKind(text: string): text is IdentifierKind {
  return (IDENTIFIER_KINDS as readonly string[]).includes(text);
}

function isReferenceCategory(text: string): text is ReferenceCategory {
  return (REFERENCE_CATEGORIES as readonly string[]).includes(text);
}

function isKey(key: string): key is AuditKey {
  return (AUDIT_KEYS as readonly string[]).includes(key);
}

function isValue(value: string): value is AuditValue {
  return (AUDIT_VALUES as readonly string[]).includes(value);
}

export interface DetailPart {
  readonly label: string;
  readonly value: string;
}

function valueText(key: string, value: unknown, m: Messages, fmt: Format): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? m['auditValue.yes'] : m['auditValue.no'];
  if (typeof value === 'number') return fmt.count(value);
  // A refused bundle's problems, as the verifier wrote them.
  if (key === 'rejected' && Array.isArray(value)) return value.map((v) => bundleProblemText(String(v), m).text).join(' ');
  if (Array.isArray(value)) return value.map((v) => valueText(key, v, m, fmt)).join(', ');
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if ('from' in o && 'to' in o) return `${valueText(key, o['from'], m, fmt)} → ${valueText(key, o['to'], m, fmt)}`;
    return JSON.stringify(value);
  }
  const text = String(value);
  if (key === 'status' && isCaseStatus(text)) return m[`caseStatus.${text}`];
  if (key === 'action' && isAuditAction(text)) return m[`audit.action.${text}`];
  if (key === 'error' && isSyncErrorCode(text)) return m[`syncError.${text}`];
  if (key === 'redaction' && (text === 'none' || text === 'victims')) return m[`redaction.${text}`];
  if (key === 'category' && isReferenceCategory(text)) return m[`referenceCategory.${text}`];
  if (key === 'hashes') return text === 'none' ? m['auditValue.no'] : text.toUpperCase();
  if (isValue(text)) return m[`auditValue.${text}`];
  return text;
}

/**
 * An entry's subject in the UI language. Most subjects are ids, names and files, shown as
 * stored; a few are written by the backend in a fixed English form (the demo's seed, a revoked
 * correction, the kind of relink, the sharing key, an ignored value's kind), and those are read.
 */
export function auditSubjectText(action: string, subject: string | null, m: Messages): string {
  if (subject === null) return '';
  let match: RegExpExecArray | null;
  if (action === 'demo' && (match = /^seed (\d+)$/.exec(subject))) return m['auditSubject.seed'](match[1] as string);
  if (action === 'revoke' && (match = /^correction #(\d+)$/.exec(subject))) return m['auditSubject.correction'](match[1] as string);
  if (action === 'link' && subject === 'full') return m['auditSubject.linkFull'];
  if (action === 'link' && subject === 'incremental') return m['auditSubject.linkIncremental'];
  if (action === 'settings' && subject === 'sharingKey') return m['auditSubject.sharingKey'];
  if (
    (action === 'ignore_add' || action === 'ignore_remove') &&
    (match = /^([a-z_]+) ([\s\S]+)$/.exec(subject)) &&
    isIdentifierKind(match[1] as string)
  ) {
    return `${m[`kind.${match[1] as IdentifierKind}`]} ${match[2] as string}`;
  }
  return subject;
}

/** The parts of a detail, or null when it is not a JSON object (then it is shown as stored). */
export function auditDetailParts(detail: string, m: Messages, fmt: Format): readonly DetailPart[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(detail);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  return Object.entries(parsed as Record<string, unknown>).map(([key, value]) => ({
    label: isKey(key) ? m[`auditKey.${key}`] : key,
    value: valueText(key, value, m, fmt),
  }));
}
