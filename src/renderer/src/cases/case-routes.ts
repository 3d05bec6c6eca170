// Address parts of the case-file and audit views: pure, so they are tested without a browser.

import type { CaseStatus } from '../../../common/api';
import { CASE_STATUSES } from '../../../common/model';

export { CASE_STATUSES };

export function isCaseStatus(text: string): text is CaseStatus {
  return (CASE_STATUSES as readonly string[]).includes(text);
}

export function parseCaseStatus(text: string | null): CaseStatus | null {
  return CASE_STATUSES.find((s) => s === text) ?? null;
}

/** What the audit log is filtered by; empty strings mean "any". */
export interface AuditFilters {
  readonly action: string;
  readonly actor: string;
  readonly text: string;
  /** YYYY-MM-DD, inclusive. */
  readonly from: string;
  readonly to: string;
  readonly page: number;
}

export const NO_AUDIT_FILTERS: AuditFilters = { action: '', actor: '', text: '', from: '', to: '', page: 1 };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function parseAudit(query: URLSearchParams): AuditFilters {
  const page = Number(query.get('page'));
  const day = (key: string): string => {
    const value = query.get(key) ?? '';
    return DAY.test(value) ? value : '';
  };
  return {
    action: query.get('action') ?? '',
    actor: query.get('actor') ?? '',
    text: query.get('q') ?? '',
    from: day('from'),
    to: day('to'),
    page: Number.isSafeInteger(page) && page >= 1 ? page : 1,
  };
}

export function auditToSearch(filters: AuditFilters): string {
  const query = new URLSearchParams();
  if (filters.action !== '') query.set('action', filters.action);
  if (filters.actor !== '') query.set('actor', filters.actor);
  if (filters.text !== '') query.set('q', filters.text);
  if (filters.from !== '') query.set('from', filters.from);
  if (filters.to !== '') query.set('to', filters.to);
  if (filters.page > 1) query.set('page', String(filters.page));
  return query.toString();
}

/** Series ids typed by the investigator: separated by commas, spaces or new lines, each once. */
export function parseSeriesIds(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,，、;；]+/)
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    ),
  ];
}
