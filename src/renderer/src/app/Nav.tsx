// The left navigation: product name and one link per top-level view.

import { useI18n } from '../i18n/I18nContext';
import { NAV_ITEMS } from './nav-items';
import type { View } from './routes';

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
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
