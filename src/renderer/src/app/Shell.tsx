// The window: navigation on the left, the current view in the middle, the status strip below.

import { useEffect, useRef } from 'react';
import type { StoreInfo } from '../../../common/api';
import { useI18n } from '../i18n/I18nContext';
import { ImportView } from '../import/ImportView';
import { QuarantineView } from '../import/QuarantineView';
import { ReportDetailView } from '../reports/ReportDetailView';
import { ReportsView } from '../reports/ReportsView';
import { SettingsView } from '../settings/SettingsView';
import { OfflineBanner } from '../sources/OfflineBanner';
import { SourcesView } from '../sources/SourcesView';
import { WelcomeView } from '../welcome/WelcomeView';
import { OverviewView } from '../overview/OverviewView';
import { SeriesListView } from '../series/SeriesListView';
import { SeriesWorkspace } from '../series/SeriesWorkspace';
import { SuggestionsView } from '../suggestions/SuggestionsView';
import { AuditView } from '../audit/AuditView';
import { CaseDetailView } from '../cases/CaseDetailView';
import { CasesView } from '../cases/CasesView';
import { NewCaseView } from '../cases/NewCaseView';
import { useRoute } from './navigation';
import { Nav } from './Nav';
import { NotFoundView } from './NotFoundView';
import { RootRedirect } from './RootRedirect';
import type { Route } from './routes';
import { useDataVersion } from './ServicesContext';
import { StatusStrip } from './StatusStrip';
import { useApiResource, type Resource } from './use-api-resource';

function CurrentView({
  route,
  info,
  retryInfo,
}: {
  readonly route: Route;
  readonly info: Resource<StoreInfo>;
  readonly retryInfo: () => void;
}) {
  switch (route.view) {
    case 'root':
      return <RootRedirect info={info} onRetry={retryInfo} />;
    case 'welcome':
      return <WelcomeView info={info} />;
    case 'reports':
      return <ReportsView filters={route.filters} />;
    case 'report':
      return <ReportDetailView key={route.id} id={route.id} />;
    case 'import':
      return <ImportView />;
    case 'quarantine':
      return <QuarantineView page={route.page} />;
    case 'sources':
      return <SourcesView />;
    case 'settings':
      return <SettingsView />;
    // Analysis views.
    case 'overview':
      return <OverviewView />;
    case 'series':
      return <SeriesListView filters={route.filters} />;
    case 'series-detail':
      return <SeriesWorkspace key={route.id} id={route.id} />;
    case 'suggestions':
      return <SuggestionsView key={`${route.status} ${route.page}`} status={route.status} page={route.page} />;
    // Case files and the audit log (wt-ui2).
    case 'cases':
      return <CasesView status={route.status} />;
    case 'case-new':
      return <NewCaseView key={route.series.join(',')} series={route.series} />;
    case 'case':
      return <CaseDetailView key={route.id} id={route.id} />;
    case 'audit':
      return <AuditView filters={route.filters} />;
    case 'not-found':
      return <NotFoundView />;
  }
}

/** Which screen is showing; filter edits within a list are not a new screen. */
function screenOf(route: Route): string {
  if (route.view === 'series-detail') return `series ${route.id}`;
  if (route.view === 'case') return `case ${route.id}`;
  return route.view === 'report' ? `report ${route.id}` : route.view;
}

export function Shell() {
  const { m } = useI18n();
  const route = useRoute();
  const [info, retryInfo] = useApiResource('store.info', {}, useDataVersion());
  const mainRef = useRef<HTMLElement>(null);
  const screen = screenOf(route);

  useEffect(() => {
    document.title = m['app.title'];
  }, [m]);

  // When a new screen replaced the element that had focus, start keyboard users at the top of it.
  useEffect(() => {
    const active = document.activeElement;
    if (active === null || active === document.body) mainRef.current?.focus({ preventScroll: true });
  }, [screen]);

  return (
    <div className="shell">
      <button type="button" className="skip-link" onClick={() => mainRef.current?.focus()}>
        {m['app.skipToMain']}
      </button>
      <Nav view={route.view} />
      <main ref={mainRef} id="main" className="main" tabIndex={-1}>
        <OfflineBanner />
        <CurrentView route={route} info={info} retryInfo={retryInfo} />
      </main>
      <StatusStrip info={info} />
    </div>
  );
}
