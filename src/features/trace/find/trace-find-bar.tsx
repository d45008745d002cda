import { useCallback } from 'react';
import type { MinimapBins } from '../../../model/minimap-bins';
import { TraceMinimap } from '../minimap/trace-minimap';
import { useTraceViewStore } from '../trace-view-store';
import { FindBox } from './find-box';
import { useFindStore } from './find-store';
import './trace-find-bar.css';

export interface TraceFindBarProps {
  readonly trace: {
    readonly services: readonly string[];
  };
  /** The worker client's find for this trace. */
  readonly find: (query: string) => Promise<Int32Array>;
  /** The worker client's minimap binning for this trace. */
  readonly minimapBins: (width: number, height: number) => Promise<MinimapBins>;
  /** Embedded mode (uiTimelineHideMinimap, or a collapsed header): no minimap. */
  readonly hideMinimap?: boolean;
}

/** Find box and minimap above the waterfall, wired to the view store and the find store. */
export function TraceFindBar({ trace, find, minimapBins, hideMinimap }: TraceFindBarProps) {
  const viewStart = useTraceViewStore((s) => s.viewStart);
  const viewEnd = useTraceViewStore((s) => s.viewEnd);
  const setViewWindow = useTraceViewStore((s) => s.setViewWindow);
  const focused = useTraceViewStore((s) => s.focused);
  const showOnlyMatches = useTraceViewStore((s) => s.showOnlyMatches);
  const setShowOnlyMatches = useTraceViewStore((s) => s.setShowOnlyMatches);
  const setMatches = useFindStore((s) => s.setMatches);

  const onCurrentMatch = useCallback((index: number, reason: 'results' | 'navigate') => {
    const store = useTraceViewStore.getState();
    store.reveal(index);
    // A deep link (?uiFind=<span id>) finds one span: open it. Typing only moves the focus.
    if (reason === 'navigate' || useFindStore.getState().matches.length === 1) store.select(index);
    else store.focus(index);
  }, []);

  return (
    <div className="trace-find-bar">
      <FindBox
        find={find}
        onMatchesChange={setMatches}
        onCurrentMatch={onCurrentMatch}
        activeSpan={focused}
        showOnlyMatches={showOnlyMatches}
        onShowOnlyMatchesChange={setShowOnlyMatches}
      />
      {!hideMinimap && (
        <TraceMinimap
          services={trace.services}
          loadBins={minimapBins}
          viewStart={viewStart}
          viewEnd={viewEnd}
          onViewWindowChange={setViewWindow}
        />
      )}
    </div>
  );
}
