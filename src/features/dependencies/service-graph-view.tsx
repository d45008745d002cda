import { select, zoom, zoomIdentity } from 'd3';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { GraphLayout } from '../../model/graph/layered-layout';
import { layoutGraph } from '../../worker/graph-layout-client';
import { serviceColor } from '../../ui/service-colors';
import { useGraphKeys } from '../../ui/use-graph-keys';
import { edgeKey, type ServiceGraph } from './service-graph';
import { ArrowMarker, edgePath } from '../../ui/graph-svg';
import { formatCount } from '../../ui/format-count';

interface Props {
  readonly graph: ServiceGraph;
  readonly focused: string | undefined;
  readonly onFocus: (service: string | undefined) => void;
}

/**
 * The service graph, laid out in a worker, drawn as SVG with pan and zoom (d3-zoom). Nodes are one
 * Tab stop; arrows move between them and Enter focuses a service.
 */
export function ServiceGraphView({ graph, focused, onFocus }: Props) {
  const [layout, setLayout] = useState<GraphLayout>();
  const [error, setError] = useState<string>();
  const svgRef = useRef<SVGSVGElement>(null);
  const sceneRef = useRef<SVGGElement>(null);

  useEffect(() => {
    let live = true;
    layoutGraph(graph.nodes, graph.edges).then(
      (result) => live && setLayout(result),
      (failure: unknown) => {
        if (live && !(failure instanceof DOMException && failure.name === 'AbortError'))
          setError(String(failure));
      },
    );
    return () => {
      live = false;
    };
  }, [graph]);

  useEffect(() => {
    const svg = svgRef.current;
    const scene = sceneRef.current;
    if (!svg || !scene || !layout) return;
    const behaviour = zoom<SVGSVGElement, unknown>()
      .scaleExtent([0.1, 4])
      .on('zoom', (event: { transform: { toString(): string } }) =>
        scene.setAttribute('transform', event.transform.toString()),
      );
    const selection = select(svg).call(behaviour);
    const scale = Math.min(
      1,
      svg.clientWidth / (layout.width || 1),
      svg.clientHeight / (layout.height || 1),
    );
    selection.call(behaviour.transform, zoomIdentity.scale(scale > 0 ? scale : 1));
    return () => {
      selection.on('.zoom', null);
    };
  }, [layout]);

  const nodeKeys = useGraphKeys({
    points: useMemo(() => layout?.nodes.map(({ id, x, y }) => ({ id, x, y })) ?? [], [layout]),
    onActivate: (id) => onFocus(focused === id ? undefined : id),
    onEscape: focused ? () => onFocus(undefined) : undefined,
  });

  if (error) return <p role="alert">Could not lay out the graph: {error}</p>;
  if (!layout) return <p className="page-loading">Laying out {graph.nodes.length} services…</p>;
  const touches = (from: string, to: string) => !focused || from === focused || to === focused;
  // With a service focused, it and its direct callers and callees stay lit.
  const lit = (service: string) =>
    !focused ||
    service === focused ||
    graph.calls.has(edgeKey(focused, service)) ||
    graph.calls.has(edgeKey(service, focused));

  return (
    <svg
      ref={svgRef}
      className="service-graph"
      role="group"
      aria-label={`Service graph: ${graph.nodes.length} services`}
    >
      <ArrowMarker id="service-graph-arrow" />
      <g ref={sceneRef}>
        {layout.edges.map((edge) => (
          <g
            key={edgeKey(edge.from, edge.to)}
            className={touches(edge.from, edge.to) ? 'edge' : 'edge dimmed'}
          >
            <path d={edgePath(edge.points)} markerEnd="url(#service-graph-arrow)" />
            <title>
              {edge.from} → {edge.to}:{' '}
              {formatCount(graph.calls.get(edgeKey(edge.from, edge.to)) ?? 0)} calls
            </title>
          </g>
        ))}
        {layout.nodes.map((node) => (
          <g
            key={node.id}
            className={lit(node.id) ? 'node' : 'node dimmed'}
            transform={`translate(${node.x - node.width / 2},${node.y - node.height / 2})`}
            role="button"
            aria-pressed={focused === node.id}
            aria-label={`Service ${node.id}`}
            onClick={() => onFocus(focused === node.id ? undefined : node.id)}
            {...nodeKeys(node.id)}
          >
            <rect
              width={node.width}
              height={node.height}
              rx={6}
              style={{ stroke: serviceColor(node.id) }}
            />
            <text
              x={node.width / 2}
              y={node.height / 2}
              dominantBaseline="central"
              textAnchor="middle"
            >
              {node.id}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
}
