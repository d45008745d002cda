import { Suspense, type ReactNode } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import { useTraceIdOfRoute } from '../ui/trace-path';
import { Shell } from './shell';

import { preloadablePage } from './preloadable-page';
import { traceIdOfRoute } from './prefetch';

// Each page is its own chunk: opening a trace link does not download the search page's d3 code.
const search = preloadablePage(
  () => import('../features/search/search-page'),
  (m) => m.SearchPage,
);
const trace = preloadablePage(
  () => import('../features/trace/trace-page'),
  (m) => m.TracePage,
);
const compare = preloadablePage(
  () => import('../features/compare/compare-page'),
  (m) => m.ComparePage,
);
const dependencies = preloadablePage(
  () => import('../features/dependencies/dependencies-page'),
  (m) => m.DependenciesPage,
);
const monitor = preloadablePage(
  () => import('../features/monitor/monitor-page'),
  (m) => m.MonitorPage,
);
const SearchPage = search.Page;
const TracePage = trace.Page;
const ComparePage = compare.Page;
const DependenciesPage = dependencies.Page;
const MonitorPage = monitor.Page;
const deepDependencies = preloadablePage(
  () => import('../features/deep-dependencies/ddg-page'),
  (m) => m.DdgPage,
);
const DdgPage = deepDependencies.Page;

/** Loads the code of the page at `path` (relative to the base, e.g. `/trace/abc`), if any. */
export function preloadPageFor(path: string): Promise<unknown> {
  if (traceIdOfRoute(path) !== undefined) return trace.preload();
  if (path === '/' || path.startsWith('/search')) return search.preload();
  if (path.startsWith('/compare')) return compare.preload();
  if (path.startsWith('/dependencies')) return dependencies.preload();
  if (path.startsWith('/monitor')) return monitor.preload();
  if (path.startsWith('/deep-dependencies')) return deepDependencies.preload();
  return Promise.resolve();
}

function Page({ children }: { readonly children: ReactNode }) {
  return <Suspense fallback={<p className="page-loading">Loading…</p>}>{children}</Suspense>;
}

/** Jaeger UI's comparison URL `/trace/a...b` keeps working. */
function TraceOrComparison() {
  const id = useTraceIdOfRoute();
  const pair = id.split('...');
  if (pair.length === 2 && pair[0] && pair[1]) {
    return (
      <Navigate
        replace
        to={`/compare?cohort=${encodeURIComponent(pair[0])}&cohort=${encodeURIComponent(pair[1])}`}
      />
    );
  }
  return (
    <Page>
      <TracePage />
    </Page>
  );
}

/** Jaeger UI's paths, so existing links and bookmarks keep working. */
export function appRoutes(demo: boolean): RouteObject[] {
  return [
    {
      element: <Shell demo={demo} />,
      children: [
        { index: true, element: <Navigate replace to="/search" /> },
        {
          path: 'search',
          element: (
            <Page>
              <SearchPage />
            </Page>
          ),
        },
        { path: 'trace/:id', element: <TraceOrComparison /> },
        {
          path: 'compare',
          element: (
            <Page>
              <ComparePage />
            </Page>
          ),
        },
        {
          path: 'dependencies',
          element: (
            <Page>
              <DependenciesPage />
            </Page>
          ),
        },
        {
          path: 'monitor',
          element: (
            <Page>
              <MonitorPage />
            </Page>
          ),
        },
        {
          path: 'deep-dependencies',
          element: (
            <Page>
              <DdgPage />
            </Page>
          ),
        },
        { path: '*', element: <NotFound /> },
      ],
    },
  ];
}

function NotFound() {
  return (
    <div className="page-crash">
      <h1>Page not found</h1>
      <p>
        Cairn has no page at this address. <a href="./search">Go to search</a>.
      </p>
    </div>
  );
}
