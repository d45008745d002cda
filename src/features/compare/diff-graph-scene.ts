/**
 * The structural diff graph (model/diff/diff-graph.ts) as the app's canvas graph view draws it
 * (ui/graph-view): boxes at the diff graph's tidy-tree places, edges routed from a parent's right
 * side to its child's left side, each node coloured by how it changed.
 */
import type { DiffGraph } from '../../model/diff/diff-graph';
import type { TraceDiff } from '../../model/diff/trace-diff';
import type { IndexedGraph } from '../../model/graph/indexed-graph';
import { formatCount } from '../../ui/format-count';
import { formatDuration } from '../../ui/format-duration';
import { edgeWidthOf, type GraphScene, type ScenePositions } from '../../ui/graph-view/graph-scene';
import { rowChange, type Threshold } from './diff-row-model';
import type { GraphWindow } from './diff-graph-window';

const NODE_W = 280;
const NODE_H = 44;
const COLUMN = 330;
const ROW = 56;

export type NodeChange = 'added' | 'removed' | 'more' | 'fewer' | 'slower' | 'faster' | 'same';

export const CHANGES: readonly [NodeChange, string][] = [
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

/** Outline and fill of each kind of change, as canvas colours. */
export type ChangeColors = Readonly<Record<NodeChange, { stroke: string; fill: string }>>;

/** The drawn nodes and their places: they depend on the diff and the window, not the threshold. */
export interface DiffGraphLayout {
  readonly graph: IndexedGraph;
  readonly positions: ScenePositions;
  /** Drawn node i is diff graph node `window.nodes[i]`. */
  readonly window: GraphWindow;
}

export function layOutDiffGraph(diff: DiffGraph, window: GraphWindow): DiffGraphLayout {
  const { nodes, drawnAt } = window;
  const n = nodes.length;
  const x = new Float32Array(n);
  const y = new Float32Array(n);
  nodes.forEach((v, i) => {
    x[i] = (diff.depth[v] ?? 0) * COLUMN + NODE_W / 2;
    y[i] = (diff.slot[v] ?? 0) * ROW + NODE_H / 2;
  });
  // An edge to each drawn node whose parent is drawn too.
  const parentAt = (i: number) => drawnAt[diff.parent[nodes[i] ?? 0] ?? -1] ?? -1;
  let edges = 0;
  for (let i = 0; i < n; i++) if (parentAt(i) >= 0) edges++;
  const source = new Int32Array(edges);
  const target = new Int32Array(edges);
  const weight = new Float64Array(edges);
  const offsets = new Int32Array(edges + 1);
  const points = new Float32Array(edges * 8);
  let e = 0;
  for (let i = 0; i < n; i++) {
    const p = parentAt(i);
    if (p < 0) continue;
    const v = nodes[i] ?? 0;
    source[e] = p;
    target[e] = i;
    weight[e] = Math.max(diff.countA[v] ?? 0, diff.countB[v] ?? 0);
    const x1 = (x[p] ?? 0) + NODE_W / 2;
    const x2 = (x[i] ?? 0) - NODE_W / 2;
    const mid = (x1 + x2) / 2;
    points.set([x1, y[p] ?? 0, mid, y[p] ?? 0, mid, y[i] ?? 0, x2, y[i] ?? 0], e * 8);
    offsets[e + 1] = (e + 1) * 4;
    e++;
  }
  return {
    graph: {
      nodeCount: n,
      ids: Array.from(nodes, String),
      width: new Float32Array(n).fill(NODE_W),
      height: new Float32Array(n).fill(NODE_H),
      source,
      target,
      weight,
    },
    positions: { x, y, routes: { offsets, points } },
    window,
  };
}

/** Service, operation and the two sides' numbers of a node. */
export function nodeText(diff: TraceDiff, node: number) {
  const { graph } = diff;
  const name = graph.name[node] ?? 0;
  return {
    service: diff.services[diff.nameService[name] ?? 0] ?? '',
    operation: diff.nameOperation[name] ?? '',
    counts: `×${formatCount(graph.countA[node] ?? 0)} → ×${formatCount(graph.countB[node] ?? 0)}`,
    durations: `${formatDuration(graph.durationA[node] ?? 0)} → ${formatDuration(graph.durationB[node] ?? 0)}`,
  };
}

export function diffGraphScene(
  diff: TraceDiff,
  layout: DiffGraphLayout,
  threshold: Threshold,
  colors: ChangeColors,
): GraphScene {
  const { graph } = diff;
  const { nodes } = layout.window;
  const labels: string[] = [];
  const details: string[] = [];
  const stroke: string[] = [];
  const fill: string[] = [];
  const errors = new Uint8Array(nodes.length);
  nodes.forEach((v, i) => {
    const text = nodeText(diff, v);
    const color = colors[nodeChange(graph, v, threshold)];
    labels.push(text.operation);
    details.push(`${text.service} · ${text.durations} · ${text.counts}`);
    stroke.push(color.stroke);
    fill.push(color.fill);
    if ((graph.errorsA[v] ?? 0) + (graph.errorsB[v] ?? 0) > 0) errors[i] = 1;
  });
  return {
    graph: layout.graph,
    labels,
    details,
    stroke,
    fill,
    errors,
    edgeWidth: edgeWidthOf(layout.graph.weight),
  };
}
