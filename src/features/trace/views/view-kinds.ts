/**
 * The trace page's views, in tab order. `id` is what `?view=` holds (Timeline is the default and
 * leaves the parameter out, so existing links stay short and unchanged).
 */
export const TRACE_VIEWS = [
  { id: 'timeline', label: 'Timeline' },
  { id: 'statistics', label: 'Statistics' },
  { id: 'spans', label: 'Span table' },
  { id: 'flame', label: 'Flame graph' },
  { id: 'graph', label: 'Trace graph' },
  { id: 'json', label: 'JSON' },
] as const;

export type TraceViewKind = (typeof TRACE_VIEWS)[number]['id'];

export const VIEW_PARAM = 'view';

export type TraceViewOption = (typeof TRACE_VIEWS)[number];

/** The views this deployment offers: Jaeger UI's `disableJsonView` removes the JSON view. */
export function offeredViews(disableJsonView: boolean): readonly TraceViewOption[] {
  return disableJsonView ? TRACE_VIEWS.filter((view) => view.id !== 'json') : TRACE_VIEWS;
}

/** An unknown, missing or not offered `?view=` shows the timeline rather than an empty page. */
export function parseViewKind(
  value: string | null,
  views: readonly TraceViewOption[] = TRACE_VIEWS,
): TraceViewKind {
  return views.find((view) => view.id === value)?.id ?? 'timeline';
}

export const tabId = (kind: TraceViewKind): string => `trace-view-tab-${kind}`;
export const panelId = (kind: TraceViewKind): string => `trace-view-panel-${kind}`;
