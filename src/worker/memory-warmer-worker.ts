/**
 * Maps memory in on its own thread for the trace worker's body reads (warm-memory.ts): writes
 * one byte a page of each buffer, so the page faults (~11 µs a page on this kind of virtual
 * machine) are paid here, on the other core, and not by the thread that parses, then transfers
 * the buffer (no copy within the process).
 */
import type { WarmerReply, WarmerRequest } from './warm-memory';
import { yieldToEvents } from './yield-to-events';

const PAGE_BYTES = 4096;

const scope = self as unknown as {
  postMessage(message: WarmerReply, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<WarmerRequest>) => void) | null;
};

let load = 0;
let left = 0;
let pieceBytes = 0;
let running = false;

scope.onmessage = (event) => {
  const request = event.data;
  if (request.type === 'block') {
    const buffer = mappedIn(request.bytes);
    scope.postMessage({ load: -1, buffer, block: request.block }, [buffer]);
    return;
  }
  if (request.type !== 'warm') {
    if (request.load === load) left = Math.max(0, left + (request.type === 'more' ? 1 : -1));
    if (!running && left > 0) void warm();
    return;
  }
  load = request.load;
  left = request.pieces;
  pieceBytes = request.pieceBytes;
  if (!running) void warm();
};

async function warm(): Promise<void> {
  running = true;
  while (left > 0) {
    left -= 1;
    const buffer = mappedIn(pieceBytes);
    scope.postMessage({ load, buffer }, [buffer]);
    // Lets a newer load, or "one fewer", through between pieces.
    await yieldToEvents();
  }
  running = false;
}

/** A buffer with every page written once. */
function mappedIn(bytes: number): ArrayBuffer {
  const buffer = new ArrayBuffer(bytes);
  const view = new Uint8Array(buffer);
  for (let at = 0; at < view.length; at += PAGE_BYTES) view[at] = 0;
  return buffer;
}
