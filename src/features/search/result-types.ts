import type { TraceSummary } from '../../model/trace-summary';

/** A result row: a server summary, or a trace opened from a file (held by the worker). */
export interface ResultTrace extends TraceSummary {
  /** Set for traces loaded from a file; the value names the file. */
  readonly localFile?: string;
}

/** Jaeger UI's compare URL: `compare?cohort=a&cohort=b`. */
export function comparePath(ids: readonly string[]): string {
  const params = new URLSearchParams();
  for (const id of ids) params.append('cohort', id);
  return `/compare?${params.toString()}`;
}
