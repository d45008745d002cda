/**
 * The trace worker's entry: wires TraceEngine to the worker scope. All logic lives in
 * trace-engine.ts so it can be tested without a Worker.
 */
import { parseTraceDocument } from '../model/parse-document';
import { createStreamingParser } from '../model/stream/streaming-parser';
import type { WorkerRequest, WorkerResponse } from './messages';
import { runFind } from './run-find';
import { TraceEngine } from './trace-engine';

// A module worker's global scope; the DOM lib types `self` as Window, so narrow the one method used.
const scope = self as unknown as {
  postMessage(message: WorkerResponse, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
};

const engine = new TraceEngine((message, transfer) => scope.postMessage(message, transfer ?? []), {
  parseText: parseTraceDocument,
  createStreamingParser,
  find: runFind,
});

scope.onmessage = (event) => {
  void engine.handle(event.data);
};
