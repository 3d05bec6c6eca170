// The review queue's texts (#/suggestions and the series workspace's suggestions panel).
// Part of `Messages` (i18n/messages.ts): every language implements these keys exactly.

import type { Suggestion } from '../../../common/api';
import type { Count, Keyed } from '../i18n/message-kit';

interface SuggestionTexts {
  readonly 'suggestions.title': string;
  readonly 'suggestions.intro': string;
  readonly 'suggestions.filter': string;
  readonly 'suggestions.status': string;
  readonly 'suggestions.total': (status: Suggestion['status'], n: number, shown: string) => string;
  readonly 'suggestions.crossing': Count;
  readonly 'suggestions.list': string;
  readonly 'suggestions.and': string;
  readonly 'suggestions.single': (reportId: string) => string;
  readonly 'suggestions.reports': Count;
  readonly 'suggestions.together': string;
  readonly 'suggestions.ofThreshold': (loss: string, threshold: string) => string;
  readonly 'suggestions.wouldReach': string;
  readonly 'suggestions.wouldNotReach': string;
  readonly 'suggestions.probability': string;
  readonly 'suggestions.probabilityValue': (percent: string, bits: string) => string;
  readonly 'suggestions.carriedBy': string;
  readonly 'suggestions.evidence': string;
  readonly 'suggestions.accept': string;
  readonly 'suggestions.acceptDone': string;
  readonly 'suggestions.reject': string;
  readonly 'suggestions.rejectDone': string;
  readonly 'suggestions.revoke': string;
  readonly 'suggestions.revokeDone': string;
  readonly 'suggestions.decidedBy': (status: 'accepted' | 'rejected', actor: string, when: string) => string;
  readonly 'suggestions.reason': string;
  readonly 'suggestions.correction': (id: string) => string;
  readonly 'suggestions.toOpen': string;
  readonly 'suggestions.partingFirst': string;
  readonly 'suggestions.nowOne': string;
  readonly 'suggestions.relinking': string;
  readonly 'suggestions.panelTitle': string;
  readonly 'suggestions.panelIntro': string;
  readonly 'suggestions.openQueue': string;
}

export type SuggestionStatus = Suggestion['status'];

export type SuggestionMessages = SuggestionTexts &
  Keyed<'suggestions.status', SuggestionStatus> &
  Keyed<'suggestions.empty', SuggestionStatus>;
