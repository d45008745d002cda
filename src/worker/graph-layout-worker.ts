/// <reference lib="webworker" />
import { buildDdg } from '../model/graph/ddg';
import type { GraphLayoutRequest, GraphLayoutResponse } from './graph-layout-messages';
import { runLayout } from './graph-layout-run';
import { yieldToEvents } from './yield-to-events';

// One layout at a time: a newer request (or a cancel) makes the running one stop at its next
// slice boundary.
let current = 0;

self.onmessage = (event: MessageEvent<GraphLayoutRequest>) => {
  const request = event.data;
  if (request.type === 'ddg') {
    let reply: GraphLayoutResponse;
    try {
      reply = {
        type: 'ddg',
        id: request.id,
        ddg: buildDdg(request.traces, request.focal, request.mode),
      };
    } catch (error) {
      reply = {
        type: 'error',
        id: request.id,
        error: { kind: 'ddg', message: error instanceof Error ? error.message : String(error) },
      };
    }
    self.postMessage(reply);
    return;
  }
  if (request.type === 'cancel') {
    if (request.id === current) current = 0;
    return;
  }
  current = request.id;
  const post = (reply: GraphLayoutResponse, transfer: Transferable[]) =>
    self.postMessage(reply, transfer);
  runLayout(request, post, () => current === request.id, yieldToEvents).catch((error: unknown) =>
    post(
      {
        type: 'error',
        id: request.id,
        error: { kind: 'layout', message: error instanceof Error ? error.message : String(error) },
      },
      [],
    ),
  );
};
