import { select, zoom, zoomIdentity, type ZoomBehavior } from 'd3';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { GraphLayout } from '../../../../model/graph/layered-layout';
import { buildTraceGraph } from '../../../../model/graph/trace-graph';
import { formatDuration } from '../../../../ui/format-duration';
import { serviceColor } from '../../../../ui/service-colors';
import { useGraphKeys } from '../../../../ui/use-graph-keys';
import { layoutGraph } from '../../../../worker/graph-layout-client';
import type { LoadedTrace } from '../../../../worker/messages';
import { pairTotalsOf } from '../trace-aggregates';
import { drawableGraph, fitText } from './graph-nodes';
import './trace-graph.css';
import { ArrowMarker, edgePath } from '../../../../ui/graph-svg';
import { formatCount } from '../../../../ui/format-count';

type Source = Pick<LoadedTrace, 'columns' | 'services' | 'operations'>;

/**
 * Spans folded by service+operation into nodes, parent → child calls as edges; laid out by dagre
 * in the layout worker, drawn as SVG with d3-zoom (wheel/drag, plus buttons for the keyboard).
 * Nodes are one Tab stop; arrows move between them, Enter selects one and lights its edges.
 */
export function TraceGraphView({ trace }: { trace: Source }) {
  const graph = useMemo(
    () =>
      drawableGraph(
        buildTraceGraph(trace.columns, pairTotalsOf(trace), trace.services, trace.operations),
      ),
    [trace],
  );
  const [layout, setLayout] = useState<
    { for: unknown; layout: GraphLayout } | { for: unknown; error: string }
  >();
  const svgRef = useRef<SVGSVGElement>(null);
  const sceneRef = useRef<SVGGElement>(null);
  const zoomRef = useRef<ZoomBehavior<SVGSVGElement, unknown>>(null);

  useEffect(() => {
    let live = true;
    layoutGraph(graph.layoutNodes, graph.layoutEdges).then(
      (result) => live && setLayout({ for: graph, layout: result }),
      (failure: unknown) => {
        if (live && !(failure instanceof DOMException && failure.name === 'AbortError'))
          setLayout({ for: graph, error: String(failure) });
      },
    );
    return () => {
      live = false;
    };
  }, [graph]);

  const placed = layout?.for === graph && 'layout' in layout ? layout.layout : undefined;
  const fit = () => {
    const svg = svgRef.current;
    const behaviour = zoomRef.current;
    if (!svg || !behaviour || !placed) return;
    const scale = Math.min(
      1,
      svg.clientWidth / (placed.width || 1),
      svg.clientHeight / (placed.height || 1),
    );
    select(svg).call(behaviour.transform, zoomIdentity.scale(scale > 0 ? scale : 1));
  };
  useEffect(() => {
    const svg = svgRef.current;
    const scene = sceneRef.current;
    if (!svg || !scene || !placed) return;
    const behaviour = zoom<SVGSVGElement, unknown>()
      .scaleExtent([0.05, 4])
      .on('zoom', (event: { transform: { toString(): string } }) =>
        scene.setAttribute('transform', event.transform.toString()),
      );
    zoomRef.current = behaviour;
    const selection = select(svg).call(behaviour);
    const scale = Math.min(
      1,
      svg.clientWidth / (placed.width || 1),
      svg.clientHeight / (placed.height || 1),
    );
    selection.call(behaviour.transform, zoomIdentity.scale(scale > 0 ? scale : 1));
    return () => {
      selection.on('.zoom', null);
    };
  }, [placed]);
  const [selected, setSelected] = useState<string>();
  const nodeKeys = useGraphKeys({
    points: useMemo(() => placed?.nodes.map(({ id, x, y }) => ({ id, x, y })) ?? [], [placed]),
    onActivate: (id) => setSelected((was) => (was === id ? undefined : id)),
    onEscape: () => setSelected(undefined),
    onMoved: (id, element) => {
      const svg = svgRef.current;
      const place = placed?.nodes.find((node) => node.id === id);
      if (!svg || !zoomRef.current || !place) return;
      // Focus does not scroll a transformed SVG scene: pan when the node left the viewport.
      const box = element.getBoundingClientRect();
      const view = svg.getBoundingClientRect();
      if (
        box.left < view.left ||
        box.right > view.right ||
        box.top < view.top ||
        box.bottom > view.bottom
      ) {
        select(svg).call(zoomRef.current.translateTo, place.x, place.y);
      }
    },
  });
  const scaleBy = (factor: number) => {
    const svg = svgRef.current;
    if (svg && zoomRef.current) select(svg).call(zoomRef.current.scaleBy, factor);
  };

  if (layout?.for === graph && 'error' in layout)
    return <p role="alert">Could not lay out the trace graph: {layout.error}</p>;
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const callsOf = new Map(graph.edges.map((edge) => [`${edge.from}>${edge.to}`, edge.calls]));
  const chosen = selected !== undefined && byId.has(selected) ? selected : undefined;
  // With a node selected, it, its callers and callees and the edges between them stay lit.
  const touches = (from: string, to: string) => from === chosen || to === chosen;
  const lit = (id: string) =>
    !chosen || id === chosen || callsOf.has(`${chosen}>${id}`) || callsOf.has(`${id}>${chosen}`);
  return (
    <div className="trace-graph-view">
      <div className="trace-view-toolbar">
        <button type="button" onClick={() => scaleBy(1.25)} disabled={!placed}>
          Zoom in
        </button>
        <button type="button" onClick={() => scaleBy(0.8)} disabled={!placed}>
          Zoom out
        </button>
        <button type="button" onClick={fit} disabled={!placed}>
          Fit
        </button>
        <span className="trace-view-count">
          {formatCount(graph.nodes.length)} operations · {formatCount(graph.edges.length)} call
          edges
          {graph.omitted > 0 ? ` · ${formatCount(graph.omitted)} smaller operations left out` : ''}
        </span>
      </div>
      {!placed ? (
        <p className="trace-view-note" role="status">
          Laying out {formatCount(graph.nodes.length)} operations…
        </p>
      ) : null}
      <svg
        ref={svgRef}
        className="trace-graph"
        role="group"
        aria-label={`Trace graph: ${graph.nodes.length} operations`}
      >
        <ArrowMarker id="trace-graph-arrow" />
        <g ref={sceneRef}>
          {placed?.edges.map((edge) => {
            const calls = callsOf.get(`${edge.from}>${edge.to}`) ?? 0;
            const middle = edge.points[Math.floor(edge.points.length / 2)];
            return (
              <g
                key={`${edge.from}>${edge.to}`}
                className={
                  !chosen
                    ? 'trace-graph-edge'
                    : touches(edge.from, edge.to)
                      ? 'trace-graph-edge lit'
                      : 'trace-graph-edge dimmed'
                }
              >
                <path d={edgePath(edge.points)} markerEnd="url(#trace-graph-arrow)" />
                {middle ? (
                  <text x={middle.x} y={middle.y - 4} textAnchor="middle">
                    {formatCount(calls)}×
                  </text>
                ) : null}
                <title>{`${byId.get(edge.from)?.operation ?? ''} → ${byId.get(edge.to)?.operation ?? ''}: ${formatCount(calls)} calls`}</title>
              </g>
            );
          })}
          {placed?.nodes.map((place) => {
            const node = byId.get(place.id);
            if (!node) return null;
            const self = graph.selfCalls.get(node.id);
            const line2 = `${node.service} · ${formatCount(node.count)}× · ${formatDuration(node.total)}`;
            // The name comes from <title> (service, operation, count, total): an aria-label would have to
            // repeat the visible, possibly cut, text to pass label-content-name-mismatch.
            return (
              <g
                key={node.id}
                className={`trace-graph-node${node.errors > 0 ? ' has-errors' : ''}${lit(node.id) ? '' : ' dimmed'}`}
                transform={`translate(${place.x - place.width / 2},${place.y - place.height / 2})`}
                role="button"
                aria-pressed={chosen === node.id}
                onClick={() => setSelected(chosen === node.id ? undefined : node.id)}
                {...nodeKeys(node.id)}
              >
                <rect
                  width={place.width}
                  height={place.height}
                  rx={5}
                  style={{ stroke: serviceColor(node.service) }}
                />
                <rect
                  width={6}
                  height={place.height}
                  rx={2}
                  style={{ fill: serviceColor(node.service) }}
                />
                <text x={12} y={16}>
                  {fitText(node.operation, place.width)}
                </text>
                <text x={12} y={34} className="trace-graph-meta">
                  {fitText(
                    `${line2}${node.errors > 0 ? ` · ${node.errors} err` : ''}${self ? ` · ↻${self}` : ''}`,
                    place.width,
                  )}
                </text>
                <title>{`${node.service}: ${node.operation}\n${formatCount(node.count)} spans, total ${formatDuration(node.total)}, self ${formatDuration(node.selfTotal)}, ${node.errors} errors${self ? `, calls itself ${self}×` : ''}`}</title>
              </g>
            );
          })}
        </g>
      </svg>
    </div>
  );
}
