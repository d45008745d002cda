import { useCallback } from 'react';
import type { TraceColumns } from '../../../model/trace';
import { TraceMinimap } from '../minimap/trace-minimap';
import { useTraceViewStore } from '../trace-view-store';
import { FindBox } from './find-box';
import { useFindStore } from './find-store';
import './trace-find-bar.css';

export interface TraceFindBarProps {
  readonly trace: {
    readonly columns: TraceColumns;
    readonly services: readonly string[];
    readonly duration: number;
  };
  /** The worker client's find for this trace. */
  readonly find: (query: string) => Promise<Int32Array>;
}

/** Find box and minimap above the waterfall, wired to the view store and the find store. */
export function TraceFindBar({ trace, find }: TraceFindBarProps) {
  const viewStart = useTraceViewStore((s) => s.viewStart);
  const viewEnd = useTraceViewStore((s) => s.viewEnd);
  const setViewWindow = useTraceViewStore((s) => s.setViewWindow);
  const focused = useTraceViewStore((s) => s.focused);
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
      <FindBox find={find} onMatchesChange={setMatches} onCurrentMatch={onCurrentMatch} activeSpan={focused} />
      <TraceMinimap
        columns={trace.columns}
        services={trace.services}
        duration={trace.duration}
        viewStart={viewStart}
        viewEnd={viewEnd}
        onViewWindowChange={setViewWindow}
      />
    </div>
  );
}
