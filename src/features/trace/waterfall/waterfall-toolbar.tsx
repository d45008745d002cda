import { useTraceViewStore } from '../trace-view-store';
import { saveFoldRepeats } from './fold-preference';
import { ServiceFilter } from './service-filter';
import { formatCount } from '../../../ui/format-count';
import { useUiSettings } from '../../../api/ui-settings-context';
import { preferenceStorage } from '../../../ui/safe-storage';

export interface WaterfallToolbarProps {
  readonly services: readonly string[];
  /** Analysis arrived (critical path, skew); its toggles are disabled before. */
  readonly analysisReady: boolean;
  /** Spans the clock-skew adjustment moved: the raw/adjusted toggle only matters when > 0. */
  readonly skewShifted: number;
}

/**
 * Collapse controls (the whole trace), the service filter, and what the bars show: critical path
 * and adjusted or raw times.
 */
export function WaterfallToolbar({ services, analysisReady, skewShifted }: WaterfallToolbarProps) {
  const expandAll = useTraceViewStore((s) => s.expandAll);
  const collapseAll = useTraceViewStore((s) => s.collapseAll);
  const expandOneLevel = useTraceViewStore((s) => s.expandOneLevel);
  const collapseOneLevel = useTraceViewStore((s) => s.collapseOneLevel);
  const rowCount = useTraceViewStore((s) => s.visibleRows.length);
  const spanCount = useTraceViewStore((s) => s.columns?.spanCount ?? 0);
  const showCritical = useTraceViewStore((s) => s.showCriticalPath);
  const criticalPathEnabled = useUiSettings().config.criticalPathEnabled;
  const setShowCritical = useTraceViewStore((s) => s.setShowCriticalPath);
  const foldRepeats = useTraceViewStore((s) => s.foldRepeats);
  const setFoldRepeats = useTraceViewStore((s) => s.setFoldRepeats);
  const timeMode = useTraceViewStore((s) => s.timeMode);
  const setTimeMode = useTraceViewStore((s) => s.setTimeMode);
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
      <ServiceFilter services={services} />
      <label
        className="wf-toggle-option"
        title="Runs of 5 or more siblings with the same service and operation show as one row"
      >
        <input
          type="checkbox"
          checked={foldRepeats}
          onChange={(event) => {
            setFoldRepeats(event.target.checked);
            saveFoldRepeats(event.target.checked, preferenceStorage);
          }}
        />
        Fold repeated calls
      </label>
      {criticalPathEnabled && (
        <label className="wf-toggle-option">
          <input
            type="checkbox"
            checked={showCritical}
            disabled={!analysisReady}
            onChange={(event) => setShowCritical(event.target.checked)}
          />
          Critical path
        </label>
      )}
      <label className="wf-toggle-option" title="Bars at clock-skew-adjusted times, or as recorded">
        <input
          type="checkbox"
          checked={timeMode === 'raw'}
          disabled={!analysisReady || skewShifted === 0}
          onChange={(event) => setTimeMode(event.target.checked ? 'raw' : 'adjusted')}
        />
        Raw times{skewShifted > 0 ? ` (${formatCount(skewShifted)} skew-adjusted)` : ''}
      </label>
      <span className="wf-row-count" aria-live="polite">
        {formatCount(rowCount)} rows for {formatCount(spanCount)} spans
      </span>
    </div>
  );
}
