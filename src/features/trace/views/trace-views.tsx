import { lazy, Suspense, useCallback, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import type { LoadedTrace } from '../../../worker/messages';
import { useUiSettings } from '../../../api/ui-settings-context';
import {
  offeredViews,
  panelId,
  parseViewKind,
  tabId,
  VIEW_PARAM,
  type TraceViewKind,
} from './view-kinds';
import { ViewSwitcher } from './view-switcher';
import './views.css';

// Each view is its own chunk: a user who only reads the timeline never downloads d3-zoom glue,
// the flame painter or the JSON pager.
const StatisticsView = lazy(() =>
  import('./statistics/statistics-view').then((m) => ({ default: m.StatisticsView })),
);
const SpanTableView = lazy(() =>
  import('./span-table/span-table-view').then((m) => ({ default: m.SpanTableView })),
);
const FlameGraphView = lazy(() =>
  import('./flame/flame-graph-view').then((m) => ({ default: m.FlameGraphView })),
);
const TraceGraphView = lazy(() =>
  import('./graph/trace-graph-view').then((m) => ({ default: m.TraceGraphView })),
);
const JsonView = lazy(() => import('./json/json-view').then((m) => ({ default: m.JsonView })));

interface TraceViewsProps {
  readonly trace: LoadedTrace;
  /** The timeline (waterfall with its find bar and details): the default view. */
  readonly children: ReactNode;
}

/** The view switcher (`?view=`, shareable) and the selected view's panel. */
export function TraceViews({ trace, children }: TraceViewsProps) {
  const [params, setParams] = useSearchParams();
  const views = offeredViews(useUiSettings().config.disableJsonView);
  const view = parseViewKind(params.get(VIEW_PARAM), views);
  const change = useCallback(
    (kind: TraceViewKind) =>
      setParams((previous) => {
        const next = new URLSearchParams(previous);
        if (kind === 'timeline') next.delete(VIEW_PARAM);
        else next.set(VIEW_PARAM, kind);
        return next;
      }),
    [setParams],
  );
  return (
    <>
      <ViewSwitcher value={view} onChange={change} views={views} />
      <div
        className="trace-view-panel"
        role="tabpanel"
        id={panelId(view)}
        aria-labelledby={tabId(view)}
        data-view={view}
      >
        {view === 'timeline' ? (
          children
        ) : (
          // Keyed per view: navigation runs in a transition, and a boundary that already shows
          // content would keep showing the old view until the new chunk loads; a fresh boundary
          // shows its fallback at once, so the tab and its panel always agree.
          <Suspense key={view} fallback={<p className="trace-view-note">Loading the view…</p>}>
            {otherView(view, trace)}
          </Suspense>
        )}
      </div>
    </>
  );
}

function otherView(view: Exclude<TraceViewKind, 'timeline'>, trace: LoadedTrace): ReactNode {
  switch (view) {
    case 'statistics':
      return <StatisticsView trace={trace} />;
    case 'spans':
      return <SpanTableView trace={trace} />;
    case 'flame':
      return <FlameGraphView trace={trace} />;
    case 'graph':
      return <TraceGraphView trace={trace} />;
    case 'json':
      return <JsonView trace={trace} />;
  }
}
