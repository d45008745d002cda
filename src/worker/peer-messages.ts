/**
 * The compare page's two trace workers (compare-workers.ts) talk to each other over a
 * MessageChannel: the worker running a diff asks its peer for the columns of a trace the peer
 * loaded. Kept apart from messages.ts, which only lists `connect-peer` in its union.
 */
import type { DiffInput } from '../model/diff/span-names';

/**
 * Main thread → worker: the port to the peer worker. 'helper' also makes the worker number its
 * handles evenly (the primary's are odd), so a handle names its worker (see ownerOfHandle).
 * Sent before anything else to a new helper.
 */
export interface ConnectPeerRequest {
  readonly type: 'connect-peer';
  readonly id: number;
  readonly port: MessagePort;
  readonly role: 'primary' | 'helper';
}

/** Worker ↔ worker, over the peer port. */
export type PeerMessage =
  | { readonly type: 'columns-wanted'; readonly ref: number; readonly handle: number }
  /** A copy of the trace's columns (buffers transferred); null when the handle is not loaded. */
  | { readonly type: 'columns'; readonly ref: number; readonly input: DiffInput | null };

/** Which worker holds a handle: the helper numbers its traces 2, 4, 6 …, the primary 1, 3, 5 … */
export const ownerOfHandle = (handle: number): 'primary' | 'helper' =>
  handle % 2 === 0 ? 'helper' : 'primary';
