/// <reference lib="webworker" />
import { layeredLayout } from '../model/graph/layered-layout';
import type { GraphLayoutRequest, GraphLayoutResponse } from './messages';

// Layered layout is super-linear in graph size; it runs here so a big service graph never blocks
// the page.
self.onmessage = (event: MessageEvent<GraphLayoutRequest>) => {
  const { id, nodes, edges, direction } = event.data;
  let reply: GraphLayoutResponse;
  try {
    reply = { type: 'layout', id, layout: layeredLayout(nodes, edges, direction) };
  } catch (error) {
    reply = {
      type: 'error',
      id,
      error: { kind: 'layout', message: error instanceof Error ? error.message : String(error) },
    };
  }
  self.postMessage(reply);
};
