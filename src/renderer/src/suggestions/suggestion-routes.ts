// The review queue's address: #/suggestions, #/suggestions?status=accepted&page=2.

import type { SuggestionStatus } from './messages';

export const SUGGESTION_STATUSES: readonly SuggestionStatus[] = ['open', 'accepted', 'rejected'];

/** Suggestions on one page of the queue. */
export const SUGGESTIONS_PAGE = 50;

export function parseSuggestionStatus(text: string | null): SuggestionStatus {
  return (SUGGESTION_STATUSES as readonly (string | null)[]).includes(text) ? (text as SuggestionStatus) : 'open';
}

export function suggestionsSearch(status: SuggestionStatus, page: number): string {
  const q = new URLSearchParams();
  if (status !== 'open') q.set('status', status);
  if (page > 1) q.set('page', String(page));
  return q.toString();
}
