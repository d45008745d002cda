import type { DependencyLink } from '../../api/types';
import type { LayoutEdge, LayoutNode } from '../../model/graph/layered-layout';

const CHAR_WIDTH = 7.5;
const NODE_HEIGHT = 34;

export interface ServiceGraph {
  readonly nodes: readonly LayoutNode[];
  readonly edges: readonly LayoutEdge[];
  /** Calls per "parent→child", summed over duplicate links. */
  readonly calls: ReadonlyMap<string, number>;
}

export const edgeKey = (from: string, to: string): string => `${from}\u0000${to}`;

/**
 * Services and their call links, merged: storage backends may report the same pair more than once.
 * Node width follows the name so labels fit.
 */
export function buildServiceGraph(links: readonly DependencyLink[]): ServiceGraph {
  const calls = new Map<string, number>();
  const names = new Set<string>();
  for (const link of links) {
    names.add(link.parent);
    names.add(link.child);
    const key = edgeKey(link.parent, link.child);
    calls.set(key, (calls.get(key) ?? 0) + link.callCount);
  }
  const nodes = [...names]
    .sort()
    .map((id) => ({ id, width: Math.max(80, id.length * CHAR_WIDTH + 24), height: NODE_HEIGHT }));
  const edges = [...calls.keys()].map((key) => {
    const [from = '', to = ''] = key.split('\u0000');
    return { from, to };
  });
  return { nodes, edges, calls };
}
