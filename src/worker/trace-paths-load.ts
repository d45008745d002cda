import { serverMessage } from '../api/api-error';
import type { DdgTrace } from '../model/graph/ddg';
import { traceIdKey } from '../model/ids';
import type { TracePaths } from './trace-paths-messages';
import { TraceWorkerError } from './trace-worker-client';

/** What the DDG's load needs of the trace worker client (trace-worker-client.ts). */
export interface TracePathsLoader {
  loadPaths(
    url: string,
    signal: AbortSignal | undefined,
    channel: string,
  ): Promise<{ readonly paths: TracePaths }>;
}

/** DDG loads supersede each other, not the page's other loads. */
const CHANNEL = 'ddg';

/**
 * The traces behind a DDG, parsed in the trace worker from `urls` (a search's one document of
 * full traces, or the documents of a lookup by id), one request at a time. The worker answers
 * with the paths only, packed, and keeps nothing; each trace here is a view into those packed
 * columns (no copy), and all traces of a document share its string tables.
 *
 * `emptyIsNone`: a search that finds nothing answers 404 (v3) or an empty document (v1); that is
 * "no traces", not a failure. An id that is not found stays a failure: the link asked for it.
 */
export async function loadTracePaths(
  loader: TracePathsLoader,
  urls: readonly string[],
  { signal, emptyIsNone }: { readonly signal?: AbortSignal; readonly emptyIsNone: boolean },
): Promise<DdgTrace[]> {
  const traces: DdgTrace[] = [];
  const seen = new Set<string>();
  for (const url of urls) {
    let paths: TracePaths;
    try {
      ({ paths } = await loader.loadPaths(url, signal, CHANNEL));
    } catch (error) {
      if (emptyIsNone && isNothingFound(error)) continue;
      throw error;
    }
    paths.traceIds.forEach((traceId, t) => {
      // A trace the backend lists twice (or an id asked for twice) counts once.
      const key = traceIdKey(traceId) || traceId;
      if (seen.has(key)) return;
      seen.add(key);
      traces.push(tracePaths(paths, t));
    });
  }
  return traces;
}

/** Trace `t` of a packed answer, as the DDG model reads a trace. */
export function tracePaths(paths: TracePaths, t: number): DdgTrace {
  const from = paths.offset[t] ?? 0;
  const to = paths.offset[t + 1] ?? from;
  return {
    traceId: paths.traceIds[t] ?? '',
    columns: {
      spanCount: to - from,
      parent: paths.parent.subarray(from, to),
      subtreeEnd: paths.subtreeEnd.subarray(from, to),
      service: paths.service.subarray(from, to),
      operation: paths.operation.subarray(from, to),
    },
    services: paths.services,
    operations: paths.operations,
  };
}

/**
 * Jaeger's own "No traces found" (a 404 with its JSON error body), or a document without spans;
 * not a 404 from a proxy or router that does not know the path — that one is a failure.
 */
function isNothingFound(error: unknown): boolean {
  if (!(error instanceof TraceWorkerError)) return false;
  if (error.kind === 'not-found') return true;
  if (error.status !== 404 || error.bodyExcerpt === undefined) return false;
  try {
    return serverMessage(JSON.parse(error.bodyExcerpt) as unknown) !== '';
  } catch {
    return false;
  }
}
