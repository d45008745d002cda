import { useMemo, useState } from 'react';
import { useUiSettings } from '../../../../api/ui-settings-context';
import { buildTraceGraph } from '../../../../model/graph/trace-graph';
import { neighbourhood } from '../../../../model/graph/neighbourhood';
import { formatCount } from '../../../../ui/format-count';
import { formatDuration } from '../../../../ui/format-duration';
import { GraphView } from '../../../../ui/graph-view/graph-view';
import { edgeWidthOf, type GraphScene } from '../../../../ui/graph-view/graph-scene';
import { useGraphLayout } from '../../../../ui/graph-view/use-graph-layout';
import { serviceColor } from '../../../../ui/service-colors';
import type { LoadedTrace } from '../../../../worker/messages';
import { pairTotalsOf } from '../trace-aggregates';
import { drawableGraph } from './graph-nodes';
import './trace-graph.css';

type Source = Pick<LoadedTrace, 'columns' | 'services' | 'operations'>;

/**
 * Spans folded by service+operation into nodes, parent → child calls as edges (thicker for more
 * calls); laid out in the layout worker and drawn by the shared canvas graph view. Selecting a
 * node lights it with its callers and callees.
 */
export function TraceGraphView({ trace }: { trace: Source }) {
  const drawable = useMemo(
    () =>
      drawableGraph(
        buildTraceGraph(trace.columns, pairTotalsOf(trace), trace.services, trace.operations),
      ),
    [trace],
  );
  const { nodes, graph, adjacency } = drawable;
  const layout = useGraphLayout(graph, useUiSettings().config.dependencies.dagMaxNumServices);
  const scene = useMemo((): GraphScene => {
    const errors = new Uint8Array(graph.nodeCount);
    nodes.forEach((node, i) => (errors[i] = node.errors > 0 ? 1 : 0));
    return {
      graph,
      labels: nodes.map((node) => node.operation),
      details: nodes.map(
        (node) =>
          `${node.service} · ${formatCount(node.count)}× · ${formatDuration(node.total)}${node.errors > 0 ? ` · ${node.errors} err` : ''}`,
      ),
      stroke: nodes.map((node) => serviceColor(node.service)),
      errors,
      edgeWidth: edgeWidthOf(graph.weight),
    };
  }, [graph, nodes]);
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
  const describe = (i: number) => {
    const node = nodes[i];
    if (!node) return '';
    return `${node.service}: ${node.operation}, ${formatCount(node.count)} spans, total ${formatDuration(node.total)}, self ${formatDuration(node.selfTotal)}, ${node.errors} errors`;
  };

  if (layout.error) return <p role="alert">Could not lay out the trace graph: {layout.error}</p>;
  return (
    <div className="trace-graph-view">
      <GraphView
        scene={scene}
        positions={layout.positions}
        settled={layout.settled}
        label={`Trace graph: ${formatCount(nodes.length)} operations`}
        noun="operation"
        dimmed={dimmed}
        selected={chosen}
        onActivate={(i) => setSelected(i === chosen ? -1 : i)}
        onEscape={() => setSelected(-1)}
        describe={describe}
      >
        <span className="trace-view-count" role="status">
          {formatCount(nodes.length)} operations · {formatCount(graph.source.length)} call edges
          {drawable.omitted > 0
            ? ` · ${formatCount(drawable.omitted)} smaller operations left out`
            : ''}
          {!layout.positions ? ' · laying out…' : !layout.settled ? ' · arranging…' : ''}
        </span>
        {chosen >= 0 && (
          <span className="trace-view-count">
            Selected: {nodes[chosen]?.service}: {nodes[chosen]?.operation}
          </span>
        )}
      </GraphView>
    </div>
  );
}
