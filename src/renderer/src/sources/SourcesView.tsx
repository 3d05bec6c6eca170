// #/sources — the precinct feeds: each with its last sync and its controls, and a form to add one.

import { ResourceState } from '../app/ResourceState';
import { useDataVersion } from '../app/ServicesContext';
import { useApiResource } from '../app/use-api-resource';
import { useI18n } from '../i18n/I18nContext';
import { AddSourceForm } from './AddSourceForm';
import { SourceCard } from './SourceCard';

export function SourcesView() {
  const { m } = useI18n();
  const [sources, retry] = useApiResource('sources.list', {}, useDataVersion());
  return (
    <div className="view view-sources">
      <header className="view-header">
        <h1>{m['sources.title']}</h1>
      </header>
      <p className="lead">{m['sources.intro']}</p>
      <section aria-labelledby="sources-heading">
        <h2 id="sources-heading" className="visually-hidden">
          {m['sources.list']}
        </h2>
        <ResourceState resource={sources} onRetry={retry} />
        {sources.status === 'ok' && sources.value.length === 0 ? <p className="notice">{m['sources.empty']}</p> : null}
        {sources.status === 'ok' ? sources.value.map((source) => <SourceCard key={source.id} source={source} />) : null}
      </section>
      <AddSourceForm />
    </div>
  );
}
