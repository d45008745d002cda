/** How the trace worker's failures reach the page: as errors that keep the wire's details. */
import type { WireError } from './messages';

/** A failure reported by the worker, with the HTTP details when there were any. */
export class TraceWorkerError extends Error implements WireError {
  override readonly name = 'TraceWorkerError';
  readonly kind: string;
  readonly status?: number;
  readonly url?: string;
  readonly bodyExcerpt?: string;
  constructor(wire: WireError) {
    super(wire.message);
    this.kind = wire.kind;
    if (wire.status !== undefined) this.status = wire.status;
    if (wire.url !== undefined) this.url = wire.url;
    if (wire.bodyExcerpt !== undefined) this.bodyExcerpt = wire.bodyExcerpt;
  }
}

export const isAbortError = (error: unknown): boolean =>
  (error instanceof DOMException && error.name === 'AbortError') ||
  (error instanceof TraceWorkerError && error.kind === 'aborted');
