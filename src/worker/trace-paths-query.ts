/**
 * The traces behind a deep dependency graph as a React Query (where: api/queries.ts's
 * tracePathsRequest). The DDG page reads it, and the search results' "View as dependency graph"
 * link starts it on click, so the worker downloads and parses while the page changes
 * (unmounting 1,500 result rows and loading the DDG's code took 0.3–0.8 s before the request
 * went out).
 */
import { queryOptions } from '@tanstack/react-query';
import { loadTracePaths, type TracePathsLoader } from './trace-paths-load';

export interface TracePathsRequest {
  readonly key: readonly unknown[];
  readonly urls: readonly string[];
  readonly emptyIsNone: boolean;
}

export const tracePathsQuery = (loader: TracePathsLoader, request: TracePathsRequest) =>
  queryOptions({
    queryKey: request.key,
    staleTime: Infinity,
    queryFn: ({ signal }) =>
      loadTracePaths(loader, request.urls, { signal, emptyIsNone: request.emptyIsNone }),
  });
