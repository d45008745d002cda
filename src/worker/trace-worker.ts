/**
 * The trace worker's entry: wires TraceEngine to the worker scope. All logic lives in
 * trace-engine.ts so it can be tested without a Worker.
 */
import { parseTraceDocument } from '../model/parse-document';
import { createStreamingParser } from '../model/stream/streaming-parser';
import type { WorkerRequest, WorkerResponse } from './messages';
import { runFind } from './run-find';
import { TraceEngine } from './trace-engine';
import { WarmMemory } from './warm-memory';

// A module worker's global scope; the DOM lib types `self` as Window, so narrow the one method used.
const scope = self as unknown as {
  postMessage(message: WorkerResponse, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
};

const warmMemory = new WarmMemory();
const engine = new TraceEngine((message, transfer) => scope.postMessage(message, transfer ?? []), {
  parseText: parseTraceDocument,
  createStreamingParser,
  find: runFind,
  bodyMemory: (bytesTotal, loadsAtOnce) => warmMemory.forBody(bytesTotal, loadsAtOnce),
  blockMemory: warmMemory,
});

// How many traces this worker holds, read by leak checks from outside the page (the hostile e2e
// suite through Playwright's worker handle, benchmarks through CDP). Nothing in the app reads it, and
// a worker's scope is reachable only by debugging tools, so it exposes nothing to a page.
Object.defineProperty(self, 'cairnHeldTraces', { get: () => engine.handleCount });

scope.onmessage = (event) => {
  void engine.handle(event.data);
};
