// The left navigation: product name and one link per top-level view; the review queue's entry
// carries the number of open suggestions.

import { useI18n } from '../i18n/I18nContext';
import { NAV_ITEMS } from './nav-items';
import type { View } from './routes';
import { useDataVersion } from './ServicesContext';
import { useApiResource } from './use-api-resource';

/** The open suggestions' count: a number on screen, a sentence for screen readers; none at zero. */
function OpenSuggestionsBadge() {
  const { m, fmt } = useI18n();
  const [open] = useApiResource('suggestions.query', { offset: 0, limit: 1 }, useDataVersion());
  if (open.status !== 'ok' || open.value.total === 0) return null;
  const n = open.value.total;
  return (
    <span className="nav-badge" data-testid="nav-suggestions-count">
      <span aria-hidden="true">{fmt.count(n)}</span>
      <span className="visually-hidden"> {m['nav.suggestionsOpen'](n, fmt.count(n))}</span>
    </span>
  );
}

export function Nav({ view }: { readonly view: View }) {
  const { m } = useI18n();
  return (
    <nav className="sidebar" aria-label={m['nav.label']}>
      <p className="brand">
        <span className="brand-zh" lang="zh-CN">
          案件图谱
        </span>
        <span className="brand-en" lang="en">
          Casegraph
        </span>
      </p>
      <ul className="nav-list">
        {NAV_ITEMS.map((item) => {
          const current = item.views.includes(view);
          const Icon = item.icon;
          return (
            <li key={item.href}>
              <a href={item.href} className="nav-link" aria-current={current ? 'page' : undefined}>
                <Icon />
                <span>{m[item.label]}</span>
                {item.badge === 'openSuggestions' ? <OpenSuggestionsBadge /> : null}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
