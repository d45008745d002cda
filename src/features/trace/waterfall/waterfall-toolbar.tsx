import { useTracePage } from '../state/trace-page-store-context';
import { saveFoldRepeats } from '../state/fold-preference';
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
  const expandAll = useTracePage((s) => s.expandAll);
  const collapseAll = useTracePage((s) => s.collapseAll);
  const expandOneLevel = useTracePage((s) => s.expandOneLevel);
  const collapseOneLevel = useTracePage((s) => s.collapseOneLevel);
  const rowCount = useTracePage((s) => s.visibleRows.length);
  const spanCount = useTracePage((s) => s.columns?.spanCount ?? 0);
  const showCritical = useTracePage((s) => s.showCriticalPath);
  const criticalPathEnabled = useUiSettings().config.criticalPathEnabled;
  const setShowCritical = useTracePage((s) => s.setShowCriticalPath);
  const foldRepeats = useTracePage((s) => s.foldRepeats);
  const setFoldRepeats = useTracePage((s) => s.setFoldRepeats);
  const timeMode = useTracePage((s) => s.timeMode);
  const setTimeMode = useTracePage((s) => s.setTimeMode);
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
