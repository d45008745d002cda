import { interpolateYlOrRd } from 'd3';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useUiSettings } from '../../../../api/ui-settings-context';
import type { FlameTree } from '../../../../model/analysis/flame-tree';
import { neighbourhood } from '../../../../model/graph/neighbourhood';
import { spansOfFrame } from '../../../../model/graph/trace-path-graph';
import { formatCount } from '../../../../ui/format-count';
import { formatDuration } from '../../../../ui/format-duration';
import { GraphView } from '../../../../ui/graph-view/graph-view';
import { edgeWidthOf, type GraphScene } from '../../../../ui/graph-view/graph-scene';
import { useGraphLayout } from '../../../../ui/graph-view/use-graph-layout';
import { serviceColor } from '../../../../ui/service-colors';
import type { LoadedTrace } from '../../../../worker/messages';
import { useTracePageStore } from '../../state/trace-page-store-context';
import { pairTotalsOf } from '../trace-aggregates';
import { drawableGraph, type PairNames } from './graph-nodes';

type Source = Pick<LoadedTrace, 'columns' | 'operations'>;
type ColorMode = 'service' | 'self';

interface Props {
  readonly trace: Source;
  readonly tree: FlameTree;
  readonly names: PairNames;
}

export function TraceGraphDrawing({ trace, tree, names }: Props) {
  const drawable = useMemo(() => drawableGraph(tree, names), [tree, names]);
  const { path, graph, adjacency } = drawable;
  const layout = useGraphLayout(graph, useUiSettings().config.dependencies.dagMaxNumServices);
  const [colorBy, setColorBy] = useState<ColorMode>('service');
  const scene = useMemo((): GraphScene => {
    const frames = [...path.frames];
    const pairOf = (frame: number) => tree.pair[frame] ?? 0;
    let maxSelf = 0;
    for (const frame of frames) maxSelf = Math.max(maxSelf, tree.selfTotal[frame] ?? 0);
    return {
      graph,
      labels: frames.map((frame) => names.operation[pairOf(frame)] ?? ''),
      details: frames.map((frame) => {
        const errors = tree.errors[frame] ?? 0;
        return `${names.service[pairOf(frame)] ?? ''} · ${formatCount(tree.count[frame] ?? 0)}× · ${formatDuration(tree.total[frame] ?? 0)} · self ${formatDuration(tree.selfTotal[frame] ?? 0)}${errors > 0 ? ` · ${errors} err` : ''}`;
      }),
      stroke: frames.map((frame) => serviceColor(names.service[pairOf(frame)] ?? '')),
      // Self time on a light-to-red scale, kept light enough for dark text.
      fill:
        colorBy === 'self'
          ? frames.map((frame) =>
              interpolateYlOrRd(0.05 + 0.55 * ((tree.selfTotal[frame] ?? 0) / (maxSelf || 1))),
            )
          : undefined,
      errors: Uint8Array.from(frames, (frame) => ((tree.errors[frame] ?? 0) > 0 ? 1 : 0)),
      edgeWidth: edgeWidthOf(graph.weight),
    };
  }, [graph, path, tree, names, colorBy]);
  const [selected, setSelected] = useState(-1);
  const chosen = selected < graph.nodeCount ? selected : -1;
  const dimmed = useMemo(
    () =>
      chosen < 0
        ? undefined
        : neighbourhood(graph.nodeCount, graph, adjacency, chosen, 1, 1).map((inside) =>
            inside ? 0 : 1,
          ),
    [graph, adjacency, chosen],
  );
  const [, setParams] = useSearchParams();
  const page = useTracePageStore();
  const describe = (node: number) => {
    const frame = path.frames[node] ?? 0;
    const pair = tree.pair[frame] ?? 0;
    return `${names.service[pair] ?? ''}: ${names.operation[pair] ?? ''}, ${formatCount(tree.count[frame] ?? 0)} spans, total ${formatDuration(tree.total[frame] ?? 0)}, self ${formatDuration(tree.selfTotal[frame] ?? 0)}, ${tree.errors[frame] ?? 0} errors`;
  };
  const select = (node: number) => {
    const next = node === chosen ? -1 : node;
    setSelected(next);
    if (next < 0) return;
    const { pairs } = pairTotalsOf(trace);
    const spans = spansOfFrame(
      tree,
      trace.columns,
      pairs.pairOfSpan,
      pairs.pairCount,
      path.frames[next] ?? 0,
    );
    const pair = tree.pair[path.frames[next] ?? 0] ?? 0;
    // As find matches: highlighted in the timeline, "f"/"b" step through them.
    const store = page.getState();
    store.setMatches(spans, `${names.service[pair] ?? ''}: ${names.operation[pair] ?? ''}`);
    const first = spans[0];
    if (first !== undefined) {
      store.reveal(first);
      store.select(first);
    }
  };
  const chosenFrame = chosen >= 0 ? (path.frames[chosen] ?? 0) : -1;

  if (layout.error) return <p role="alert">Could not lay out the trace graph: {layout.error}</p>;
  return (
    <div className="trace-graph-view">
      <GraphView
        scene={scene}
        positions={layout.positions}
        settled={layout.settled}
        label={`Trace graph: ${formatCount(graph.nodeCount)} operations`}
        noun="operation"
        dimmed={dimmed}
        selected={chosen}
        onActivate={select}
        onEscape={() => setSelected(-1)}
        describe={describe}
      >
        <label>
          Colour by{' '}
          <select value={colorBy} onChange={(event) => setColorBy(event.target.value as ColorMode)}>
            <option value="service">service</option>
            <option value="self">self time</option>
          </select>
        </label>
        <span className="trace-view-count" role="status">
          {formatCount(graph.nodeCount)} operations · {formatCount(graph.source.length)} call edges
          {path.omitted > 0 ? ` · ${formatCount(path.omitted)} smaller operations left out` : ''}
          {!layout.positions ? ' · laying out…' : !layout.settled ? ' · arranging…' : ''}
        </span>
        {chosenFrame >= 0 && (
          <span className="trace-view-count">
            Selected: {names.service[tree.pair[chosenFrame] ?? 0]}:{' '}
            {names.operation[tree.pair[chosenFrame] ?? 0]} (
            {formatCount(tree.count[chosenFrame] ?? 0)} spans){' '}
            <button
              type="button"
              onClick={() =>
                setParams((old) => {
                  const next = new URLSearchParams(old);
                  next.delete('view');
                  return next;
                })
              }
            >
              Show in timeline
            </button>
          </span>
        )}
      </GraphView>
    </div>
  );
}
