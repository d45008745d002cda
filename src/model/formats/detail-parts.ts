import type { SpanDetail } from '../span-detail';

/** The part of a SpanDetail only the format adapter knows; the document adds tree and timing. */
export type DetailParts = Pick<
  SpanDetail,
  | 'traceId'
  | 'spanId'
  | 'parentSpanId'
  | 'kind'
  | 'statusCode'
  | 'statusMessage'
  | 'attributes'
  | 'resource'
  | 'scope'
  | 'events'
  | 'references'
  | 'warnings'
>;

export interface DetailEnv {
  /** Absolute trace start, µs since the epoch: event times become offsets from it. */
  readonly traceStart: number;
  /** Tree index of a span id in this trace, or -1. */
  indexOfSpanId(spanId: string): number;
}

/** Span kind words → the kind flags the waterfall draws. */
export function kindFlag(kind: string, server: number, client: number): number {
  if (kind === 'server' || kind === 'consumer') return server;
  if (kind === 'client' || kind === 'producer') return client;
  return 0;
}
