import { useTraceViewStore } from '../trace-view-store';

const counts = new Intl.NumberFormat();

/** Collapse controls; the one-level and subtree actions act on the whole trace or the focused span. */
export function WaterfallToolbar() {
  const expandAll = useTraceViewStore((s) => s.expandAll);
  const collapseAll = useTraceViewStore((s) => s.collapseAll);
  const expandOneLevel = useTraceViewStore((s) => s.expandOneLevel);
  const collapseOneLevel = useTraceViewStore((s) => s.collapseOneLevel);
  const rowCount = useTraceViewStore((s) => s.visibleRows.length);
  const spanCount = useTraceViewStore((s) => s.columns?.spanCount ?? 0);
  return (
    <div className="wf-toolbar" role="toolbar" aria-label="Waterfall">
      <button type="button" onClick={collapseAll}>
        Collapse all
      </button>
      <button type="button" onClick={expandAll}>
        Expand all
      </button>
      <button type="button" onClick={collapseOneLevel} title="Collapse the deepest open level">
        Collapse one level
      </button>
      <button type="button" onClick={expandOneLevel} title="Expand the shallowest closed level">
        Expand one level
      </button>
      <span className="wf-row-count" aria-live="polite">
        {counts.format(rowCount)} of {counts.format(spanCount)} spans shown
      </span>
    </div>
  );
}
