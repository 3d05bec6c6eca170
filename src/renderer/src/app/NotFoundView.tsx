// Any address no view answers to.

import { useI18n } from '../i18n/I18nContext';

export function NotFoundView() {
  const { m } = useI18n();
  return (
    <div className="view">
      <h1>{m['notFound.title']}</h1>
      <p>{m['notFound.body']}</p>
      <p>
        <a href="#/reports">{m['detail.back']}</a>
      </p>
    </div>
  );
}
