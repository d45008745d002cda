import { useMemo } from 'react';
import { formatCount } from '../../../../ui/format-count';
import type { LoadedTrace } from '../../../../worker/messages';
import { useFlameTree } from '../flame/use-flame-tree';
import { pairTotalsOf } from '../trace-aggregates';
import type { PairNames } from './graph-nodes';
import { TraceGraphDrawing } from './trace-graph-drawing';
import './trace-graph.css';

type Source = Pick<LoadedTrace, 'handle' | 'columns' | 'services' | 'operations'>;

/**
 * Jaeger UI's trace graph: spans aggregated by service+operation along their path from the root
 * (the merged call tree the worker builds for the flame graph), with counts, total and self
 * time and error marks; coloured by service or by self time. Selecting a node selects its spans
 * in the timeline (as find matches, the first one opened).
 */
export function TraceGraphView({ trace }: { trace: Source }) {
  const state = useFlameTree(trace);
  const names = useMemo((): PairNames => {
    const { pairs } = pairTotalsOf(trace);
    const service: string[] = [];
    const operation: string[] = [];
    for (let p = 0; p < pairs.pairCount; p++) {
      service.push(trace.services[pairs.pairService[p] ?? 0] ?? '');
      operation.push(trace.operations[pairs.pairOperation[p] ?? 0] ?? '');
    }
    return { service, operation };
  }, [trace]);
  if (!state.tree) {
    return (
      <p className="trace-view-note" role="status">
        {state.error === null
          ? `Aggregating ${formatCount(trace.columns.spanCount)} spans…`
          : `The trace graph failed: ${state.error}`}
      </p>
    );
  }
  return <TraceGraphDrawing trace={trace} tree={state.tree} names={names} />;
}
