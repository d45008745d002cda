import type { Ddg, DdgFocal, DdgMode, DdgTrace } from '../model/graph/ddg';
import type {
  GraphLayoutInput,
  GraphLayoutRequest,
  GraphLayoutResponse,
} from './graph-layout-messages';
import graphLayoutWorkerUrl from './graph-layout-worker.ts?worker&url';
import { createModuleWorker } from './worker-script-url';

let worker: Worker | undefined;
let nextId = 1;
let active: { id: number; listener: (reply: GraphLayoutResponse) => void } | undefined;
let ddgPending:
  { id: number; resolve: (ddg: Ddg) => void; reject: (error: Error) => void } | undefined;

function layoutWorker(): Worker {
  if (!worker) {
    worker = createModuleWorker(graphLayoutWorkerUrl);
    worker.onmessage = (event: MessageEvent<GraphLayoutResponse>) => {
      const reply = event.data;
      const ddgWaiter = ddgPending?.id === reply.id ? ddgPending : undefined;
      if (ddgWaiter) {
        ddgPending = undefined;
        if (reply.type === 'ddg') ddgWaiter.resolve(reply.ddg);
        else
          ddgWaiter.reject(
            new Error(reply.type === 'error' ? reply.error.message : 'unexpected reply'),
          );
        return;
      }
      // Latest wins: replies of a superseded layout are dropped here as well as in the worker.
      if (active && reply.id === active.id) active.listener(reply);
    };
  }
  return worker;
}

/** Starts the layout worker now, so its script loads while the page still waits for data. */
export function prewarmLayoutWorker(): void {
  layoutWorker();
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
      else if (reply.type === 'error') onError(reply.error.message);
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

/**
 * Builds a deep dependency graph in the layout worker. Latest wins: a newer request rejects the
 * one still waiting with an AbortError.
 */
export function buildDdgInWorker(
  traces: readonly DdgTrace[],
  focal: DdgFocal,
  mode: DdgMode,
): Promise<Ddg> {
  ddgPending?.reject(new DOMException('superseded by a newer graph', 'AbortError'));
  const id = nextId++;
  return new Promise<Ddg>((resolve, reject) => {
    ddgPending = { id, resolve, reject };
    // Only the columns the paths need travel: not the times, flags or self time.
    const request: GraphLayoutRequest = {
      type: 'ddg',
      id,
      focal,
      mode,
      traces: traces.map((trace) => ({
        traceId: trace.traceId,
        services: trace.services,
        operations: trace.operations,
        columns: {
          spanCount: trace.columns.spanCount,
          parent: trace.columns.parent,
          subtreeEnd: trace.columns.subtreeEnd,
          service: trace.columns.service,
          operation: trace.columns.operation,
        },
      })),
    };
    layoutWorker().postMessage(request);
  });
}
