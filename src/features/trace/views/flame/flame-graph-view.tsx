import { useMemo, useState } from 'react';
import type { LoadedTrace } from '../../../../worker/messages';
import { formatDuration } from '../../../../ui/format-duration';
import { serviceColor } from '../../../../ui/service-colors';
import { pairTotalsOf } from '../trace-aggregates';
import { FlameCanvas } from './flame-canvas';
import { useFlameTree } from './use-flame-tree';
import './flame.css';
import { formatCount } from '../../../../ui/format-count';

type Source = Pick<LoadedTrace, 'handle' | 'columns' | 'services' | 'operations'>;

/**
 * The merged flame graph ("call tree"): spans with the same service+operation under the same
 * merged parent are one frame, width = total duration of its spans (children of parallel work
 * share their parent's width, see flame-tree.ts). Drawn as an icicle, root on top.
 */
export function FlameGraphView({ trace }: { trace: Source }) {
  const state = useFlameTree(trace);
  const [zoom, setZoom] = useState(0);
  const labels = useMemo(() => {
    const { pairs } = pairTotalsOf(trace);
    const pairLabel: string[] = [];
    const pairColor: string[] = [];
    for (let p = 0; p < pairs.pairCount; p++) {
      const service = trace.services[pairs.pairService[p] ?? 0] ?? '';
      pairLabel.push(`${service}: ${trace.operations[pairs.pairOperation[p] ?? 0] ?? ''}`);
      pairColor.push(serviceColor(service));
    }
    return { pairLabel, pairColor };
  }, [trace]);

  if (!state.tree) {
    return (
      <p className="trace-view-note" role="status">
        {state.error === null
          ? `Merging ${formatCount(trace.columns.spanCount)} spans…`
          : `The flame graph failed: ${state.error}`}
      </p>
    );
  }
  const { tree } = state;
  const zoomed = zoom > 0 && zoom < tree.frameCount ? zoom : 0;
  return (
    <div className="flame-view">
      <div className="trace-view-toolbar">
        <button type="button" onClick={() => setZoom(0)} disabled={zoomed === 0}>
          Reset zoom
        </button>
        <span className="trace-view-count">
          {zoomed === 0
            ? `${formatCount(tree.frameCount - 1)} frames from ${formatCount(trace.columns.spanCount)} spans · width = total duration · click a frame (or focus the graph and press Enter) to zoom`
            : `Zoomed into ${labels.pairLabel[tree.pair[zoomed] ?? 0] ?? ''} (${formatDuration(tree.total[zoomed] ?? 0)})`}
        </span>
      </div>
      <FlameCanvas
        tree={tree}
        zoom={zoomed}
        onZoom={setZoom}
        pairLabel={labels.pairLabel}
        pairColor={labels.pairColor}
      />
    </div>
  );
}
