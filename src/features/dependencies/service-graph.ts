import type { DependencyLink } from '../../api/types';
import {
  adjacencyOf,
  indexGraph,
  type Adjacency,
  type IndexedGraph,
} from '../../model/graph/indexed-graph';
import { fitWidth } from '../../ui/graph-view/node-box';

const NODE_HEIGHT = 30;

export interface ServiceGraph {
  /** Nodes are services sorted by name; each distinct caller→callee pair is one edge. */
  readonly graph: IndexedGraph;
  readonly adjacency: Adjacency;
}

/**
 * Services and their call links, merged: storage backends may report the same pair more than once
 * (their counts add up). Node width follows the name so labels fit, within limits.
 */
export function buildServiceGraph(links: readonly DependencyLink[]): ServiceGraph {
  const names = new Set<string>();
  for (const link of links) {
    names.add(link.parent);
    names.add(link.child);
  }
  const graph = indexGraph(
    [...names].sort().map((id) => ({
      id,
      width: fitWidth([id.length], { min: 80, max: 260, padding: 20 }),
      height: NODE_HEIGHT,
    })),
    links.map((link) => ({ from: link.parent, to: link.child, weight: link.callCount })),
  );
  return { graph, adjacency: adjacencyOf(graph) };
}
