import type { TraceColumns } from '../trace';

/**
 * The deep dependency graph (Jaeger UI's DDG) of a focal service (and optionally operation), from
 * the paths of a set of traces through it: everything upstream of a focal span (its ancestors, up
 * to the root) and downstream (its subtree). Nodes are positions on those paths relative to the
 * focal node, merged by path: the caller two hops up through a given caller is one node, however
 * many traces pass there. `distance` is negative upstream, positive downstream, 0 for the focal.
 *
 * Iterative and linear: downstream from the pre-order (a subtree is `i+1 .. subtreeEnd[i]`),
 * upstream by walking `parent` (a chain; normalized traces have no parent cycles, and the walk is
 * bounded by the trace's depth anyway).
 */
export interface DdgTrace {
  readonly traceId: string;
  readonly columns: Pick<
    TraceColumns,
    'spanCount' | 'parent' | 'subtreeEnd' | 'service' | 'operation'
  >;
  readonly services: readonly string[];
  readonly operations: readonly string[];
}

export interface DdgFocal {
  readonly service: string;
  /** Undefined or '' for every operation of the service. */
  readonly operation?: string;
}

export type DdgMode = 'service' | 'operation';

export interface DdgNode {
  readonly service: string;
  /** '' in service mode. */
  readonly operation: string;
  readonly distance: number;
  /** Node one hop nearer the focal (-1 for the focal node). */
  readonly toward: number;
  /** Traces through this node, by index in the input. */
  readonly traces: readonly number[];
}

export interface Ddg {
  readonly nodes: readonly DdgNode[];
  /** Focal spans found (0: the focal service/operation is in none of the traces). */
  readonly focalSpans: number;
}

const SEP = '\u0000';

export function buildDdg(traces: readonly DdgTrace[], focal: DdgFocal, mode: DdgMode): Ddg {
  const nodes: (DdgNode & { traces: number[] })[] = [];
  const index = new Map<string, number>();
  const labelOf = (trace: DdgTrace, span: number) => {
    const service = trace.services[trace.columns.service[span] ?? 0] ?? '';
    const operation =
      mode === 'operation' ? (trace.operations[trace.columns.operation[span] ?? 0] ?? '') : '';
    return { service, operation };
  };
  const nodeFor = (
    toward: number,
    distance: number,
    service: string,
    operation: string,
    t: number,
  ) => {
    const key = `${toward}${SEP}${distance}${SEP}${service}${SEP}${operation}`;
    let id = index.get(key);
    if (id === undefined) {
      id = nodes.length;
      index.set(key, id);
      nodes.push({ service, operation, distance, toward, traces: [] });
    }
    const node = nodes[id];
    if (node && node.traces.at(-1) !== t) node.traces.push(t);
    return id;
  };
  const focalOperation = mode === 'operation' ? (focal.operation ?? '') : '';
  let focalSpans = 0;
  traces.forEach((trace, t) => {
    const { columns } = trace;
    const nodeOfSpan = new Int32Array(columns.spanCount).fill(-1);
    for (let f = 0; f < columns.spanCount; f++) {
      if (trace.services[columns.service[f] ?? 0] !== focal.service) continue;
      if (focal.operation && trace.operations[columns.operation[f] ?? 0] !== focal.operation)
        continue;
      // A focal span inside another focal span's subtree is already on that path.
      if (nodeOfSpan[f] !== -1) continue;
      focalSpans++;
      const root = nodeFor(-1, 0, focal.service, focal.operation ? focalOperation : '', t);
      nodeOfSpan[f] = root;
      const end = columns.subtreeEnd[f] ?? f + 1;
      for (let i = f + 1; i < end; i++) {
        const parentNode = nodeOfSpan[columns.parent[i] ?? -1] ?? root;
        const label = labelOf(trace, i);
        const parent = nodes[parentNode];
        // In service mode, a span of the same service as its parent's node stays in that node.
        if (mode === 'service' && parent && parent.service === label.service) {
          nodeOfSpan[i] = parentNode;
          continue;
        }
        const distance = (parent?.distance ?? 0) + 1;
        nodeOfSpan[i] = nodeFor(parentNode, distance, label.service, label.operation, t);
      }
      let toward = root;
      let lastService = focal.service;
      for (let a = columns.parent[f] ?? -1; a >= 0; a = columns.parent[a] ?? -1) {
        const label = labelOf(trace, a);
        if (mode === 'service' && label.service === lastService) continue;
        const distance = (nodes[toward]?.distance ?? 0) - 1;
        toward = nodeFor(toward, distance, label.service, label.operation, t);
        lastService = label.service;
      }
    }
  });
  return { nodes, focalSpans };
}

/** Nodes within `up` hops upstream and `down` downstream, minus hidden ones and all beyond them. */
/**
 * A node's name for shareable URLs: `service`, or `service::operation` in operation mode. Names
 * survive new data (node numbers do not: they follow the order paths were found in).
 */
export function ddgNodeName(node: Pick<DdgNode, 'service' | 'operation'>): string {
  return node.operation ? `${node.service}::${node.operation}` : node.service;
}

/**
 * The nodes carrying any of `names`, wherever on the paths they are; never the focal node
 * (hiding it would hide everything). Names matching nothing hide nothing: a service gone from
 * the data, or an older link's node numbers.
 */
export function ddgNodesNamed(ddg: Ddg, names: readonly string[]): Set<number> {
  const wanted = new Set(names);
  const nodes = new Set<number>();
  ddg.nodes.forEach((node, i) => {
    if (node.distance !== 0 && wanted.has(ddgNodeName(node))) nodes.add(i);
  });
  return nodes;
}

export function visibleDdgNodes(
  ddg: Ddg,
  up: number,
  down: number,
  hidden: ReadonlySet<number>,
): Uint8Array {
  const visible = new Uint8Array(ddg.nodes.length);
  // `toward` is always a smaller index (created first), so one forward pass sees it decided.
  ddg.nodes.forEach((node, i) => {
    const inRange = node.distance >= -up && node.distance <= down;
    const parentOk = node.toward < 0 || visible[node.toward] === 1;
    visible[i] = inRange && parentOk && !hidden.has(i) ? 1 : 0;
  });
  return visible;
}
