import { useRef, useState, type KeyboardEvent } from 'react';
import type { DiffGraph } from '../../model/diff/diff-graph';
import type { TraceDiff } from '../../model/diff/trace-diff';
import { formatCount } from '../../ui/format-count';
import { formatDuration } from '../../ui/format-duration';
import { useElementSize } from '../../ui/use-element-size';
import { rowChange, type Threshold } from './diff-row-model';

const NODE_W = 210;
const NODE_H = 44;
const COLUMN = 250;
const ROW = 54;
const PAD = 12;
/** Nodes this far outside the viewport are still drawn, so edges and scrolling look whole. */
const MARGIN = 300;

export type NodeChange = 'added' | 'removed' | 'more' | 'fewer' | 'slower' | 'faster' | 'same';

const LEGEND: readonly [NodeChange, string][] = [
  ['removed', 'only in A'],
  ['added', 'only in B'],
  ['more', 'more calls in B'],
  ['fewer', 'fewer calls in B'],
  ['slower', 'slower in B'],
  ['faster', 'faster in B'],
  ['same', 'no difference'],
];

export function nodeChange(graph: DiffGraph, node: number, threshold: Threshold): NodeChange {
  const change = rowChange(graph, node, threshold);
  if (change === 'calls')
    return (graph.countB[node] ?? 0) > (graph.countA[node] ?? 0) ? 'more' : 'fewer';
  if (change === 'errors') return 'same';
  return change;
}

const box = (graph: DiffGraph, node: number) => ({
  x: PAD + (graph.depth[node] ?? 0) * COLUMN,
  y: PAD + (graph.slot[node] ?? 0) * ROW,
});

function nodeText(diff: TraceDiff, node: number): [string, string, string] {
  const { graph } = diff;
  const name = graph.name[node] ?? 0;
  const counts = `×${formatCount(graph.countA[node] ?? 0)} → ×${formatCount(graph.countB[node] ?? 0)}`;
  const durations = `${formatDuration(graph.durationA[node] ?? 0)} → ${formatDuration(graph.durationB[node] ?? 0)}`;
  return [
    diff.services[diff.nameService[name] ?? 0] ?? '',
    diff.nameOperation[name] ?? '',
    `${counts} · ${durations}`,
  ];
}

/**
 * The merged call tree of both traces (model/diff/diff-graph.ts), coloured by how each node
 * changed. Only nodes near the viewport are drawn. Selecting a node selects its first row in the
 * table and the other way round; arrow keys walk the nodes in depth-first order.
 */
export function DiffGraphView({
  diff,
  threshold,
  selected,
  onSelect,
}: {
  readonly diff: TraceDiff;
  readonly threshold: Threshold;
  /** Selected node, -1 for none. */
  readonly selected: number;
  readonly onSelect: (node: number) => void;
}) {
  const { graph } = diff;
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const [sizeRef, size] = useElementSize<HTMLDivElement>({ initial: { width: 1000, height: 360 } });
  const [scroll, setScroll] = useState({ left: 0, top: 0 });
  const width = PAD * 2 + graph.maxDepth * COLUMN + NODE_W;
  const height = PAD * 2 + Math.max(graph.slotCount - 1, 0) * ROW + NODE_H;

  const inView = (node: number) => {
    const { x, y } = box(graph, node);
    return (
      x + NODE_W >= scroll.left - MARGIN &&
      x <= scroll.left + size.width + MARGIN &&
      y + NODE_H >= scroll.top - MARGIN &&
      y <= scroll.top + size.height + MARGIN
    );
  };
  const select = (node: number) => {
    onSelect(node);
    const element = scrollRef.current;
    if (!element) return;
    const { x, y } = box(graph, node);
    if (x < element.scrollLeft || x + NODE_W > element.scrollLeft + element.clientWidth)
      element.scrollLeft = x - PAD;
    if (y < element.scrollTop || y + NODE_H > element.scrollTop + element.clientHeight)
      element.scrollTop = y - element.clientHeight / 2;
  };
  const position = selected >= 0 ? graph.order.indexOf(selected) : -1;
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = { ArrowDown: 1, ArrowUp: -1 }[event.key];
    let next = -1;
    if (step !== undefined)
      next = graph.order[Math.min(Math.max(position + step, 0), graph.nodeCount - 1)] ?? -1;
    else if (event.key === 'ArrowLeft' && selected >= 0) next = graph.parent[selected] ?? -1;
    else if (event.key === 'Home') next = graph.order[0] ?? -1;
    else return;
    event.preventDefault();
    if (next >= 0) select(next);
  };

  const edges = [];
  const nodes = [];
  for (let v = 0; v < graph.nodeCount; v++) {
    const p = graph.parent[v] ?? -1;
    const visible = inView(v);
    if (p >= 0 && (visible || inView(p))) {
      const from = box(graph, p);
      const to = box(graph, v);
      const x1 = from.x + NODE_W;
      const y1 = from.y + NODE_H / 2;
      const x2 = to.x;
      const y2 = to.y + NODE_H / 2;
      const mid = (x1 + x2) / 2;
      edges.push(
        <path
          key={`e${v}`}
          className="graph-edge"
          d={`M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}`}
        />,
      );
    }
    if (!visible) continue;
    const { x, y } = box(graph, v);
    const [service, operation, numbers] = nodeText(diff, v);
    const errors = (graph.errorsA[v] ?? 0) + (graph.errorsB[v] ?? 0) > 0;
    nodes.push(
      <g
        key={v}
        transform={`translate(${x},${y})`}
        className={`graph-node node-${nodeChange(graph, v, threshold)}${v === selected ? ' selected' : ''}`}
        onClick={() => select(v)}
      >
        <rect width={NODE_W} height={NODE_H} rx={4} />
        <text x={8} y={15} className="graph-service">
          {service.length > 28 ? `${service.slice(0, 27)}…` : service}
          {errors ? ` ⚠ ${graph.errorsA[v] ?? 0} → ${graph.errorsB[v] ?? 0}` : ''}
        </text>
        <text x={8} y={28} className="graph-operation">
          {operation.length > 32 ? `${operation.slice(0, 31)}…` : operation}
        </text>
        <text x={8} y={40} className="graph-numbers">
          {numbers}
        </text>
      </g>,
    );
  }
  const label = selected >= 0 ? nodeText(diff, selected).join(', ') : 'none';
  return (
    <section className="diff-graph" aria-labelledby="diff-graph-title">
      <div className="diff-graph-head">
        <h2 id="diff-graph-title">Structural diff</h2>
        <ul className="graph-legend" aria-label="Node colours">
          {LEGEND.map(([change, text]) => (
            <li key={change}>
              <span className={`legend-swatch node-${change}`} /> {text}
            </li>
          ))}
        </ul>
      </div>
      <div
        ref={(node) => {
          scrollRef.current = node;
          sizeRef(node);
        }}
        className="diff-graph-scroll"
        role="group"
        aria-label={`Merged call tree, ${formatCount(graph.nodeCount)} nodes; arrow keys move the selection`}
        aria-describedby="diff-graph-selection"
        tabIndex={0}
        onKeyDown={onKeyDown}
        onScroll={(event) =>
          setScroll({ left: event.currentTarget.scrollLeft, top: event.currentTarget.scrollTop })
        }
      >
        <svg width={width} height={height} aria-hidden="true">
          {edges}
          {nodes}
        </svg>
      </div>
      <p id="diff-graph-selection" className="visually-hidden" aria-live="polite">
        Selected node: {label}
      </p>
    </section>
  );
}
