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

/** An unknown or missing `?view=` shows the timeline rather than an empty page. */
export function parseViewKind(value: string | null): TraceViewKind {
  return TRACE_VIEWS.find((view) => view.id === value)?.id ?? 'timeline';
}

export const tabId = (kind: TraceViewKind): string => `trace-view-tab-${kind}`;
export const panelId = (kind: TraceViewKind): string => `trace-view-panel-${kind}`;
