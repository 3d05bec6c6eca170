// One English sentence per evidence term, naming the term and its contribution in bits (log2 of
// its Bayes factor): "near-identical message text (similarity 0.93): +4.1 bits". The command line
// prints these (explain, suggestions, bundles); the UI says the same in the investigator's language (GraphDetails.tsx).
import type { LinkEvidence } from '../../common/api';
import { NEAR_IDENTICAL_TEXT, signedBits } from '../../common/evidence-format';

const words = (code: string): string => code.replace(/_/g, ' ');
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
const groups = (n: number | undefined, what: string): string => (n === undefined ? '' : `, ${what} ${plural(n, 'group')} of reports`);

/** What the term says, without its bits. */
export function evidenceTerm(e: LinkEvidence): string {
  switch (e.type) {
    case 'identifier': {
      const where = e.origin === 'message' ? " (in the fraudster's message)" : e.origin === 'narrative' ? ' (in a narrative)' : '';
      return `same ${words(e.kind)} ${e.value}${where}${groups(e.groups, 'carried by')}${e.wrong ? ' (marked wrong by an investigator)' : ''}`;
    }
    case 'domain':
      return `same domain ${e.domain}, different addresses`;
    case 'text':
      return `${e.similarity >= NEAR_IDENTICAL_TEXT ? 'near-identical' : 'similar'} message text (similarity ${e.similarity.toFixed(2)})${groups(e.groups, 'a template seen in')}`;
    case 'category_time':
      return e.days === 0
        ? `same category (${words(e.category)}) on the same day`
        : `same category (${words(e.category)}) within ${plural(e.days, 'day')}`;
    case 'category':
      return e.same ? `same category (${words(e.category)})` : `different categories (${words(e.category)})`;
    case 'brand':
      return `same brand 【${e.brand}】${groups(e.groups, 'used by')}`;
    case 'sender':
      return `same sender pattern ${e.pattern}`;
    case 'prior':
      return `prior odds of one gang among ${plural(e.groups, 'group')} of reports`;
    case 'bridge':
      return `the only tie between two groups of ${e.sides.slice(0, 2).join(' and ')} reports that other evidence holds together: for an investigator to decide`;
    case 'correction':
      return `an investigator's merge (correction #${e.correction})`;
  }
}

export function evidenceSentence(e: LinkEvidence): string {
  return `${evidenceTerm(e)}: ${signedBits(e.weight)} bits`;
}
