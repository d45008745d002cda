import type {
  GraphLayoutInput,
  GraphLayoutRequest,
  GraphLayoutResponse,
} from './graph-layout-messages';

let worker: Worker | undefined;
let nextId = 1;
let active: { id: number; listener: (reply: GraphLayoutResponse) => void } | undefined;

function layoutWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./graph-layout-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<GraphLayoutResponse>) => {
      // Latest wins: replies of a superseded layout are dropped here as well as in the worker.
      if (active && event.data.id === active.id) active.listener(event.data);
    };
  }
  return worker;
}

export type PositionsReply = Extract<GraphLayoutResponse, { type: 'positions' }>;

/**
 * Starts a layout in the layout worker; `onPositions` gets each streamed frame (the last has
 * `done`). Starting another layout supersedes this one; the returned function cancels it.
 * The graph's arrays are copied, not transferred: the caller keeps drawing with them.
 */
export function startLayout(
  graph: GraphLayoutInput,
  options: { readonly direction?: 'LR' | 'TB'; readonly layeredMaxNodes: number },
  onPositions: (reply: PositionsReply) => void,
  onError: (message: string) => void,
): () => void {
  const id = nextId++;
  active = {
    id,
    listener: (reply) => {
      if (reply.type === 'positions') onPositions(reply);
      else onError(reply.error.message);
    },
  };
  const request: GraphLayoutRequest = {
    type: 'layout',
    id,
    graph: {
      nodeCount: graph.nodeCount,
      width: graph.width,
      height: graph.height,
      source: graph.source,
      target: graph.target,
    },
    direction: options.direction ?? 'LR',
    layeredMaxNodes: options.layeredMaxNodes,
  };
  layoutWorker().postMessage(request);
  return () => {
    if (active?.id !== id) return;
    active = undefined;
    layoutWorker().postMessage({ type: 'cancel', id } satisfies GraphLayoutRequest);
  };
}
