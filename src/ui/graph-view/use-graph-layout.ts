import { useEffect, useState } from 'react';
import type { IndexedGraph } from '../../model/graph/indexed-graph';
import { startLayout } from '../../worker/graph-layout-client';
import type { LayoutEngine } from '../../worker/graph-layout-messages';
import type { ScenePositions } from './graph-scene';

export interface LayoutState {
  readonly positions?: ScenePositions;
  readonly engine?: LayoutEngine;
  readonly settled: boolean;
  readonly progress: number;
  readonly error?: string;
}

/**
 * Lays `graph` out in the layout worker and follows its streamed frames. A new graph (or
 * unmounting) cancels the layout in flight; frames of an older graph never reach the state.
 */
export function useGraphLayout(graph: IndexedGraph, layeredMaxNodes: number): LayoutState {
  const [state, setState] = useState<{ for: IndexedGraph; layout: LayoutState }>();
  useEffect(
    () =>
      startLayout(
        graph,
        { layeredMaxNodes },
        (reply) =>
          setState({
            for: graph,
            layout: {
              positions: { x: reply.x, y: reply.y, routes: reply.routes },
              engine: reply.engine,
              settled: reply.done,
              progress: reply.progress,
            },
          }),
        (error) => setState({ for: graph, layout: { settled: true, progress: 1, error } }),
      ),
    [graph, layeredMaxNodes],
  );
  return state?.for === graph ? state.layout : { settled: false, progress: 0 };
}
