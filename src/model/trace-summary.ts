import type { Micros } from './units';

/** What a search result row shows; enough to list and plot without loading the whole trace. */
export interface TraceSummary {
  readonly traceId: string;
  readonly rootService: string;
  readonly rootOperation: string;
  /** µs since the epoch. */
  readonly startTime: Micros;
  readonly duration: Micros;
  readonly spanCount: number;
  readonly errorCount: number;
  /** Span count per service, most spans first. */
  readonly services: readonly { readonly name: string; readonly spanCount: number }[];
}
