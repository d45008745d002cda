import { forceLayout } from '../model/graph/force-layout';
import type { IndexedGraph } from '../model/graph/indexed-graph';
import { layeredFits, layeredLayout } from '../model/graph/layered-layout';
import type { GraphLayoutRequest, GraphLayoutResponse } from './graph-layout-messages';

type LayoutRequest = Extract<GraphLayoutRequest, { type: 'layout' }>;

/** Ticks per slice, and how often positions are streamed while the force layout settles. */
const SLICE_MS = 12;
const STREAM_MS = 60;

/**
 * Runs one layout, posting positions as it goes. dagre only where it fits (layeredFits); if it
 * still throws (a RangeError from its recursion, or anything else), the force layout takes over.
 * The force layout ticks in ~12 ms slices and yields between them, so a newer request's message
 * is seen and `isCurrent` turns false: the run then stops without posting.
 */
export async function runLayout(
  request: LayoutRequest,
  post: (reply: GraphLayoutResponse, transfer: Transferable[]) => void,
  isCurrent: () => boolean,
  yieldToEvents: () => Promise<void>,
  now: () => number = () => performance.now(),
): Promise<void> {
  const { id, direction } = request;
  const graph: IndexedGraph = { ...request.graph, ids: [], weight: new Float64Array(0) };
  if (layeredFits(graph.nodeCount, graph.source.length, request.layeredMaxNodes)) {
    try {
      const { x, y, routes } = layeredLayout(graph, direction);
      post({ type: 'positions', id, engine: 'layered', x, y, routes, done: true, progress: 1 }, [
        x.buffer,
        y.buffer,
        routes.offsets.buffer,
        routes.points.buffer,
      ]);
      return;
    } catch {
      // Falls through to the force layout, which cannot overflow.
    }
  }
  const layout = forceLayout(graph);
  const send = (done: boolean, progress: number) => {
    const x = layout.x.slice();
    const y = layout.y.slice();
    post({ type: 'positions', id, engine: 'force', x, y, done, progress }, [x.buffer, y.buffer]);
  };
  // The starting placement is already a readable drawing: show it at once.
  send(false, 0);
  let ticked = 0;
  let lastSent = now();
  for (;;) {
    const sliceStart = now();
    let done = false;
    let ticks = 0;
    while (!done && now() - sliceStart < SLICE_MS) {
      done = layout.step(1);
      ticks++;
    }
    ticked += ticks;
    if (done) {
      send(true, 1);
      return;
    }
    if (now() - lastSent >= STREAM_MS) {
      send(false, Math.min(0.99, ticked / layout.totalTicks));
      lastSent = now();
    }
    await yieldToEvents();
    if (!isCurrent()) return;
  }
}
