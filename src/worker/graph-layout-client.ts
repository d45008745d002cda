import type { GraphLayout, LayoutEdge, LayoutNode } from '../model/graph/layered-layout';
import type { GraphLayoutRequest, GraphLayoutResponse } from './messages';
import graphLayoutWorkerUrl from './graph-layout-worker.ts?worker&url';
import { createModuleWorker } from './worker-script-url';

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<
  number,
  { resolve: (layout: GraphLayout) => void; reject: (error: Error) => void }
>();

function layoutWorker(): Worker {
  if (!worker) {
    worker = createModuleWorker(graphLayoutWorkerUrl);
    worker.onmessage = (event: MessageEvent<GraphLayoutResponse>) => {
      const reply = event.data;
      const waiter = pending.get(reply.id);
      pending.delete(reply.id);
      if (!waiter) return;
      if (reply.type === 'layout') waiter.resolve(reply.layout);
      else waiter.reject(new Error(reply.error.message));
    };
  }
  return worker;
}

/**
 * Lays out a graph off the main thread. Latest wins: a newer request rejects older ones still
 * waiting with an AbortError, so a page that re-renders fast never draws a stale layout.
 */
export function layoutGraph(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  direction: 'LR' | 'TB' = 'LR',
): Promise<GraphLayout> {
  const id = nextId++;
  for (const [staleId, waiter] of pending) {
    pending.delete(staleId);
    waiter.reject(new DOMException('superseded by a newer layout', 'AbortError'));
  }
  const request: GraphLayoutRequest = { type: 'layout', id, nodes, edges, direction };
  return new Promise<GraphLayout>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    layoutWorker().postMessage(request);
  });
}
