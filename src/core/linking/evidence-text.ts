// Evidence terms as English sentences, each with its contribution in bits: `casegraph explain`,
// `casegraph suggestions` and their JSON say them this way (the UI says them in its own language).
import type { Evidence } from './link-graph';

const bits = (w: number): string => `${w >= 0 ? '+' : '−'}${Math.abs(w).toFixed(1)} bits`;
const where = { reported: 'listed by the citizen', message: "in the fraudster's message", narrative: 'mentioned in a narrative' } as const;
const carried = (groups: number | undefined): string => (groups !== undefined && groups >= 3 ? `, carried by ${groups} groups of reports` : '');

export function describeEvidence(ev: Evidence): string {
  switch (ev.type) {
    case 'identifier':
      return `same ${ev.kind} ${ev.value}${ev.origin ? ` (${where[ev.origin]}${carried(ev.groups)})` : carried(ev.groups)}: ${bits(ev.weight)}`;
    case 'domain':
      return `same domain ${ev.domain}, different pages: ${bits(ev.weight)}`;
    case 'text':
      return `near-identical message text (similarity ${ev.similarity.toFixed(2)}${carried(ev.groups)}): ${bits(ev.weight)}`;
    case 'category_time':
      return `same category ${ev.category}, ${ev.days} day${ev.days === 1 ? '' : 's'} apart: ${bits(ev.weight)}`;
    case 'category':
      return ev.same ? `same category ${ev.category}, more than a week apart: ${bits(ev.weight)}` : `different categories ${ev.category}: ${bits(ev.weight)}`;
    case 'brand':
      return `same brand tag 【${ev.brand}】${carried(ev.groups)}: ${bits(ev.weight)}`;
    case 'sender':
      return `same sender pattern ${ev.pattern}…: ${bits(ev.weight)}`;
    case 'prior':
      return `prior odds of two groups being one gang (1 in ${ev.groups}): ${bits(ev.weight)}`;
    case 'correction':
      return `joined by an investigator's merge (correction #${ev.correction})`;
  }
}
