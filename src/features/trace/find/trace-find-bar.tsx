import { useCallback } from 'react';
import type { MinimapBins } from '../../../model/minimap-bins';
import { TraceMinimap } from '../minimap/trace-minimap';
import { useTracePage, useTracePageStore } from '../state/trace-page-store-context';
import { FindBox } from './find-box';
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

/** Find box and minimap above the waterfall, wired to the trace page's store. */
export function TraceFindBar({ trace, find, minimapBins, hideMinimap }: TraceFindBarProps) {
  const viewStart = useTracePage((s) => s.viewStart);
  const viewEnd = useTracePage((s) => s.viewEnd);
  const setViewWindow = useTracePage((s) => s.setViewWindow);
  const focused = useTracePage((s) => s.focused);
  const showOnlyMatches = useTracePage((s) => s.showOnlyMatches);
  const setShowOnlyMatches = useTracePage((s) => s.setShowOnlyMatches);
  const setMatches = useTracePage((s) => s.setMatches);
  const page = useTracePageStore();

  const onCurrentMatch = useCallback(
    (index: number, reason: 'results' | 'navigate') => {
      const store = page.getState();
      store.reveal(index);
      // A deep link (?uiFind=<span id>) finds one span: open it, in place of the link's history
      // entry (Back should leave the page, not land on a link that selects it again). Typing
      // only moves the focus.
      if (reason === 'navigate') store.select(index);
      else if (store.matches.length === 1) store.select(index, 'replace');
      else store.focus(index);
    },
    [page],
  );

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
