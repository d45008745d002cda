import { useCallback, useState } from 'react';
import { adjacentMatch } from '../state/find-slice';
import type { TracePageStore } from '../state/trace-page-store';
import { useTracePageStore } from '../state/trace-page-store-context';
import { useUiSettings } from '../../../api/ui-settings-context';
import { KeyboardHelp } from './keyboard-help';
import { TraceActions } from './trace-actions';
import { TraceHeader, type TraceHeaderProps } from './trace-header';
import { useTraceAnalysis, type AnalysisInput } from './use-trace-analysis';
import { panZoom, useTraceShortcuts, type TraceShortcut } from './use-trace-shortcuts';

export interface TracePageHeaderProps extends Pick<
  TraceHeaderProps,
  'collapsed' | 'onToggleCollapsed' | 'hideSummary'
> {
  readonly trace: TraceHeaderProps['trace'] & AnalysisInput;
}

/** Selects a span after making its row visible; the one way panels jump to a span. */
export function jumpToSpan(page: TracePageStore, index: number): void {
  const store = page.getState();
  store.reveal(index);
  store.select(index);
}

/**
 * The header wired to the page: analysis (critical-path share, clock skew), jumps to finding
 * examples, the shortcuts dialog, and the page-wide Jaeger UI keys acting on the page's store.
 */
export function TracePageHeader({ trace, ...embedProps }: TracePageHeaderProps) {
  const analysis = useTraceAnalysis(trace);
  const { config } = useUiSettings();
  const [helpOpen, setHelpOpen] = useState(false);
  const page = useTracePageStore();
  const onJumpToSpan = useCallback((index: number) => jumpToSpan(page, index), [page]);
  const openHelp = useCallback(() => setHelpOpen(true), []);
  const closeHelp = useCallback(() => setHelpOpen(false), []);

  useTraceShortcuts((action: TraceShortcut) => {
    const store = page.getState();
    switch (action) {
      case 'help':
        setHelpOpen(true);
        return true;
      case 'next':
      case 'previous': {
        const direction = action === 'next' ? 1 : -1;
        let target = adjacentMatch(store.matches, store.focused, direction);
        if (target < 0) {
          const rows = store.visibleRows;
          const at = rows.indexOf(store.focused);
          target = rows[Math.min(rows.length - 1, Math.max(0, at + direction))] ?? -1;
        }
        if (target < 0) return false;
        store.reveal(target);
        store.focus(target);
        return true;
      }
      case 'collapse-all':
        store.collapseAll();
        return true;
      case 'expand-all':
        store.expandAll();
        return true;
      case 'collapse-one':
        store.collapseOneLevel();
        return true;
      case 'expand-one':
        store.expandOneLevel();
        return true;
      case 'escape':
        if (store.selected < 0) return false;
        store.select(-1);
        return true;
      default: {
        const [start, end] = panZoom(store.viewStart, store.viewEnd, action);
        store.setViewWindow(start, end);
        return true;
      }
    }
  });

  return (
    <>
      <TraceHeader
        trace={trace}
        {...(analysis
          ? { criticalShare: analysis.criticalShare, skewAdjustedCount: analysis.skew.shiftedCount }
          : {})}
        onJumpToSpan={onJumpToSpan}
        onShowShortcuts={openHelp}
        idLength={config.traceIdDisplayLength}
        actions={<TraceActions trace={trace} />}
        {...embedProps}
      />
      <KeyboardHelp open={helpOpen} onClose={closeHelp} />
    </>
  );
}
