import {
  forceCollide,
  forceLink,
  forceSimulation,
  forceX,
  forceY,
  type Simulation,
  type SimulationLinkDatum,
  type SimulationNodeDatum,
} from 'd3-force';
import { columnPlacement, COLUMN_GAP, ROW_GAP } from './column-placement';
import { adjacencyOf, type Adjacency, type IndexedGraph } from './indexed-graph';

/**
 * Force-directed layout (d3-force) for graphs too big or too tangled for dagre (docs/adr/0010).
 * Every step is a loop over typed arrays or d3's own iterative quadtree visits: nothing recurses
 * with graph size. Ticked in slices by the caller (the layout worker) so it can stream positions
 * and stop when superseded.
 *
 * Calls flow left to right as in the layered drawing: each node starts in the column of its
 * breadth-first depth from the entry services (those nobody calls; in a graph that is all cycles,
 * the most-calling node) and an x force keeps it near there. Self-loops are not links here.
 */
export interface ForceLayout {
  /** Runs up to `ticks` ticks; true once the simulation has cooled. */
  step(ticks: number): boolean;
  readonly x: Float32Array;
  readonly y: Float32Array;
  readonly totalTicks: number;
}

interface Node extends SimulationNodeDatum {
  readonly r: number;
  readonly homeX: number;
  readonly homeY: number;
}

export function forceLayout(graph: IndexedGraph): ForceLayout {
  const n = graph.nodeCount;
  const adjacency = adjacencyOf(graph);
  const depth = depthsFromEntries(graph, adjacency);
  const start = columnPlacement(graph, adjacency, depth);
  const nodes: Node[] = [];
  for (let i = 0; i < n; i++) {
    const homeX = start.x[i] ?? 0;
    const homeY = start.y[i] ?? 0;
    // Collision by the half height plus a margin: columns keep nodes apart sideways.
    nodes.push({ r: (graph.height[i] ?? 34) / 2 + ROW_GAP / 2, homeX, homeY, x: homeX, y: homeY });
  }
  const links: SimulationLinkDatum<Node>[] = [];
  for (let e = 0; e < graph.source.length; e++) {
    const s = graph.source[e] ?? 0;
    const t = graph.target[e] ?? 0;
    if (s !== t) links.push({ source: s, target: t });
  }
  // The start is already readable; the simulation only relaxes it (short columns drift toward
  // their callers and callees, crowded ones spread), so it starts cool and stops early.
  const simulation: Simulation<Node, undefined> = forceSimulation(nodes)
    .stop()
    .alpha(0.3)
    .alphaMin(0.01)
    .alphaDecay(0.05)
    .force(
      'link',
      forceLink<Node, SimulationLinkDatum<Node>>(links)
        .distance((link) => {
          const s = link.source as Node;
          const t = link.target as Node;
          return Math.abs(t.homeX - s.homeX) || COLUMN_GAP;
        })
        .strength(0.05)
        .iterations(1),
    )
    .force('collide', forceCollide<Node>((node) => node.r).strength(0.8))
    .force('x', forceX<Node>((node) => node.homeX).strength(0.5))
    .force('y', forceY<Node>((node) => node.homeY).strength(0.05));
  const totalTicks = Math.ceil(
    Math.log(simulation.alphaMin() / simulation.alpha()) / Math.log(1 - simulation.alphaDecay()),
  );
  const x = new Float32Array(n);
  const y = new Float32Array(n);
  let ticked = 0;
  const copy = () => {
    for (let i = 0; i < n; i++) {
      x[i] = nodes[i]?.x ?? 0;
      y[i] = nodes[i]?.y ?? 0;
    }
  };
  copy();
  return {
    x,
    y,
    totalTicks,
    step(ticks) {
      const run = Math.max(0, Math.min(ticks, totalTicks - ticked));
      if (run > 0) simulation.tick(run);
      ticked += run;
      copy();
      return ticked >= totalTicks;
    },
  };
}

/** Breadth-first depth from the entry nodes; unreached nodes (cycles only) start from the busiest. */
export function depthsFromEntries(
  graph: IndexedGraph,
  adjacency: Adjacency = adjacencyOf(graph),
): Int32Array {
  const n = graph.nodeCount;
  const { outStart, outEdges, inStart, inEdges } = adjacency;
  const depth = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  const drain = () => {
    while (head < tail) {
      const node = queue[head++] ?? 0;
      for (let i = outStart[node] ?? 0; i < (outStart[node + 1] ?? 0); i++) {
        const next = graph.target[outEdges[i] ?? 0] ?? 0;
        if (depth[next] !== -1) continue;
        depth[next] = (depth[node] ?? 0) + 1;
        queue[tail++] = next;
      }
    }
  };
  for (let i = 0; i < n; i++) {
    const callers = (inStart[i + 1] ?? 0) - (inStart[i] ?? 0);
    let selfCalls = 0;
    for (let k = inStart[i] ?? 0; k < (inStart[i + 1] ?? 0); k++) {
      // A self-loop does not make a node called by others.
      if (graph.source[inEdges[k] ?? 0] === i) selfCalls++;
    }
    if (callers - selfCalls === 0) {
      depth[i] = 0;
      queue[tail++] = i;
    }
  }
  drain();
  while (tail < n) {
    let best = -1;
    let bestOut = -1;
    for (let i = 0; i < n; i++) {
      const out = (outStart[i + 1] ?? 0) - (outStart[i] ?? 0);
      if (depth[i] === -1 && out > bestOut) {
        best = i;
        bestOut = out;
      }
    }
    depth[best] = 0;
    queue[tail++] = best;
    drain();
  }
  return depth;
}
