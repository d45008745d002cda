/**
 * One trace worker's end of the channel to its peer (peer-messages.ts): it answers the peer's
 * requests for columns from its own traces, and asks the peer for the columns of the peer's.
 *
 * The answer is a copy made in the answering worker (a memcpy of ~50 bytes a span) whose buffers
 * are transferred: the main thread copies nothing, and both workers keep what they hold.
 */
import type { DiffInput } from '../model/diff/span-names';
import { columnBuffers, copyColumns } from './loaded-trace';
import type { PeerMessage } from './peer-messages';

/** What the link needs of a MessagePort (a fake in tests). */
export interface PortLike {
  postMessage(message: PeerMessage, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<PeerMessage>) => void) | null;
}

export class PeerLink {
  private nextRef = 1;
  private readonly waiting = new Map<number, (input: DiffInput | undefined) => void>();

  constructor(
    private readonly port: PortLike,
    /** This worker's own trace of `handle`, if loaded. */
    lookup: (handle: number) => DiffInput | undefined,
  ) {
    port.onmessage = ({ data }) => {
      if (data.type === 'columns-wanted') {
        const own = lookup(data.handle);
        if (!own) {
          port.postMessage({ type: 'columns', ref: data.ref, input: null }, []);
          return;
        }
        const columns = copyColumns(own.columns);
        const input = { columns, services: own.services, operations: own.operations };
        port.postMessage({ type: 'columns', ref: data.ref, input }, columnBuffers(columns));
      } else {
        const resolve = this.waiting.get(data.ref);
        this.waiting.delete(data.ref);
        resolve?.(data.input ?? undefined);
      }
    };
  }

  /** The peer's trace `handle` (a copy), or undefined when the peer does not hold it. */
  columns(handle: number): Promise<DiffInput | undefined> {
    const ref = this.nextRef++;
    return new Promise((resolve) => {
      this.waiting.set(ref, resolve);
      this.port.postMessage({ type: 'columns-wanted', ref, handle }, []);
    });
  }

  /** A replaced link answers nothing more: its waiters get undefined (not loaded). */
  close(): void {
    this.port.onmessage = null;
    for (const resolve of this.waiting.values()) resolve(undefined);
    this.waiting.clear();
  }
}
