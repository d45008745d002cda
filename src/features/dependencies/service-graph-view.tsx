import { useMemo } from 'react';
import { useUiSettings } from '../../api/ui-settings-context';
import { neighbourhood } from '../../model/graph/neighbourhood';
import { formatCount } from '../../ui/format-count';
import { GraphView } from '../../ui/graph-view/graph-view';
import { edgeWidthOf, type GraphScene } from '../../ui/graph-view/graph-scene';
import { useGraphLayout } from '../../ui/graph-view/use-graph-layout';
import { serviceColor } from '../../ui/service-colors';
import { HopsSelect } from '../../ui/graph-view/hops-select';
import type { ServiceGraph } from './service-graph';

interface Props {
  readonly service: ServiceGraph;
  readonly focused: string | undefined;
  readonly up: number;
  readonly down: number;
  readonly onFocus: (service: string | undefined) => void;
  readonly onHops: (up: number, down: number) => void;
}

/**
 * The service graph: laid out in the layout worker (dagre when small, force-directed past
 * `dependencies.dagMaxNumServices`), drawn on canvas. Focusing a service dims all but the
 * services within the chosen hops upstream and downstream of it.
 */
export function ServiceGraphView({ service, focused, up, down, onFocus, onHops }: Props) {
  const { graph, adjacency } = service;
  const { dagMaxNumServices } = useUiSettings().config.dependencies;
  const layout = useGraphLayout(graph, dagMaxNumServices);
  const scene = useMemo((): GraphScene => {
    return {
      graph,
      labels: graph.ids,
      stroke: graph.ids.map(serviceColor),
      edgeWidth: edgeWidthOf(graph.weight),
    };
  }, [graph]);
  const focal = focused === undefined ? -1 : graph.ids.indexOf(focused);
  const mask = useMemo(
    () =>
      focal < 0 ? undefined : neighbourhood(graph.nodeCount, graph, adjacency, focal, up, down),
    [graph, adjacency, focal, up, down],
  );
  const dimmed = useMemo(() => mask?.map((inside) => (inside ? 0 : 1)), [mask]);
  const inFocus = mask?.reduce((sum, inside) => sum + inside, 0) ?? 0;

  const describe = (node: number) => {
    const callers = (adjacency.inStart[node + 1] ?? 0) - (adjacency.inStart[node] ?? 0);
    const callees = (adjacency.outStart[node + 1] ?? 0) - (adjacency.outStart[node] ?? 0);
    return `Service ${graph.ids[node] ?? ''}: ${callers} callers, ${callees} callees`;
  };

  if (layout.error) return <p role="alert">Could not lay out the graph: {layout.error}</p>;
  return (
    <GraphView
      scene={scene}
      positions={layout.positions}
      settled={layout.settled}
      label={`Service graph: ${formatCount(graph.nodeCount)} services, ${formatCount(graph.source.length)} links`}
      noun="service"
      dimmed={dimmed}
      selected={focal}
      onActivate={(node) => onFocus(node === focal ? undefined : graph.ids[node])}
      onEscape={focused ? () => onFocus(undefined) : undefined}
      describe={describe}
    >
      <HopsSelect label="Upstream hops" value={up} onChange={(value) => onHops(value, down)} />
      <HopsSelect label="Downstream hops" value={down} onChange={(value) => onHops(up, value)} />
      <span className="dependencies-count" role="status">
        {!layout.positions
          ? `Laying out ${formatCount(graph.nodeCount)} services…`
          : !layout.settled
            ? `Arranging (${Math.round(layout.progress * 100)}%)…`
            : focused
              ? `${formatCount(inFocus)} services within reach of ${focused}`
              : layout.engine === 'force'
                ? 'Force-directed layout'
                : 'Layered layout'}
      </span>
    </GraphView>
  );
}
