/**
 * The metrics worker's protocol: fetch one `/api/metrics` URL, answer with columns. A grouped answer
 * for a service with 1,000 operations is ~5 MB of JSON; parsing and validating it took 150–400 ms of
 * the page's main thread, so the worker does it and hands over typed arrays.
 */
import type { ApiErrorKind } from '../api/api-error';

export type MetricsWorkerRequest =
  | {
      readonly type: 'fetch';
      readonly id: number;
      readonly url: string;
      readonly timeoutMs?: number;
    }
  | { readonly type: 'cancel'; readonly id: number };

/** One series; `values` holds NaN for a missing number (a gap). Buffers are transferred. */
export interface WireSeries {
  readonly service: string;
  readonly operation: string;
  readonly times: Float64Array;
  readonly values: Float64Array;
  /** The series' mean over its points (MetricSeries.mean), worked out here, off the page. */
  readonly mean: number | null;
}

/** An ApiError's fields, serverMessage included (it tells "metrics disabled" apart). */
export interface WireApiError {
  readonly kind: ApiErrorKind;
  readonly message: string;
  readonly url: string;
  readonly status?: number;
  readonly bodyExcerpt: string;
  readonly serverMessage: string;
}

export type MetricsWorkerResponse =
  | { readonly type: 'series'; readonly id: number; readonly series: readonly WireSeries[] }
  | { readonly type: 'error'; readonly id: number; readonly error: WireApiError };
