// English: the review queue.

import { plural } from '../i18n/message-kit';
import type { SuggestionMessages } from './messages';

export const suggestionsEn: SuggestionMessages = {
  'suggestions.title': 'Suggestions to review',
  'suggestions.intro':
    'Leads the linking engine does not act on alone: similar texts, times, brands or senders, a shared domain. Accept one and its two series become one (a merge, recorded with your reason and revocable); reject it and it is not suggested again between those series.',
  'suggestions.filter': 'Filter suggestions',
  'suggestions.status': 'Status',
  'suggestions.status.open': 'To review',
  'suggestions.status.accepted': 'Accepted',
  'suggestions.status.rejected': 'Rejected',
  'suggestions.total': (status, n, shown) =>
    status === 'open'
      ? plural(n, shown, 'suggestion to review', 'suggestions to review')
      : `${plural(n, shown, 'suggestion', 'suggestions')} ${status}`,
  'suggestions.crossing': (n, shown) => `${shown} would bring a series over the filing threshold`,
  'suggestions.list': 'Suggestions',
  'suggestions.empty.open': 'Nothing to review: no open suggestions.',
  'suggestions.empty.accepted': 'No suggestion has been accepted.',
  'suggestions.empty.rejected': 'No suggestion has been rejected.',
  'suggestions.and': 'and',
  'suggestions.single': (reportId) => `Report ${reportId}`,
  'suggestions.reports': (n, shown) => plural(n, shown, 'report', 'reports'),
  'suggestions.together': 'Together',
  'suggestions.ofThreshold': (loss, threshold) => `${loss} of the ${threshold} threshold`,
  'suggestions.wouldReach': 'Would reach the filing threshold',
  'suggestions.wouldNotReach': 'Would not bring a series over the threshold',
  'suggestions.probability': 'Probability',
  'suggestions.probabilityValue': (percent, bits) => `${percent}% (score ${bits})`,
  'suggestions.carriedBy': 'Carried by reports',
  'suggestions.evidence': 'Evidence',
  'suggestions.accept': 'Accept',
  'suggestions.acceptDone': 'Accepted: the two series become one; relinking.',
  'suggestions.reject': 'Reject',
  'suggestions.rejectDone': 'Rejected: not suggested again between these series.',
  'suggestions.revoke': 'Revoke the decision',
  'suggestions.revokeDone': 'Revoked: the suggestion is open again.',
  'suggestions.decidedBy': (status, actor, when) => `${status === 'accepted' ? 'Accepted' : 'Rejected'} by ${actor}, ${when}`,
  'suggestions.reason': 'Reason',
  'suggestions.correction': (id) => `merge correction ${id}`,
  'suggestions.toOpen': 'See it among the suggestions to review',
  'suggestions.partingFirst': 'The relink parts the two series again; decide once it has run.',
  'suggestions.nowOne': 'Now one series:',
  'suggestions.relinking': 'Relinking: the series change when it ends.',
  'suggestions.panelTitle': 'Suggestions',
  'suggestions.panelIntro': 'Leads that would join this series with another, for you to accept or reject.',
  'suggestions.openQueue': 'All suggestions',
};
