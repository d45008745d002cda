/**
 * React Query options for everything the API serves. Keys start with ['jaeger', version] so a
 * client of another version (demo `?api=v1`) never reads the other's cache.
 */
import { queryOptions } from '@tanstack/react-query';
import { traceQueryParams } from './trace-query-params';
import type { JaegerClient, TraceQuery } from './types';

/** Service and operation lists change slowly; refetching them on every mount is noise. */
const LIST_STALE_MS = 5 * 60_000;

export const jaegerKeys = {
  all: (client: JaegerClient) => ['jaeger', client.version] as const,
  services: (client: JaegerClient) => [...jaegerKeys.all(client), 'services'] as const,
  operations: (client: JaegerClient, service: string) =>
    [...jaegerKeys.all(client), 'operations', service] as const,
  search: (client: JaegerClient, query: TraceQuery) =>
    [...jaegerKeys.all(client), 'search', searchKey(query)] as const,
  traces: (client: JaegerClient, ids: readonly string[]) =>
    [
      ...jaegerKeys.all(client),
      'traces',
      [...new Set(ids.map((id) => id.toLowerCase()))].sort(),
    ] as const,
  dependencies: (client: JaegerClient, endTs: number, lookbackMs: number, demoServices?: string) =>
    [
      ...jaegerKeys.all(client),
      'dependencies',
      endTs,
      lookbackMs,
      ...(demoServices === undefined ? [] : [demoServices]),
    ] as const,
};

/** The query as plain, ordered data: absent and empty fields collapse so equal searches share a key. */
function searchKey(query: TraceQuery) {
  const attributes = Object.entries(query.attributes ?? {}).sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  return {
    service: query.service ?? null,
    operation: query.operation ?? '',
    attributes,
    start: query.start,
    end: query.end,
    minDuration: query.minDuration ?? null,
    maxDuration: query.maxDuration ?? null,
    limit: query.limit,
  };
}

export const servicesQuery = (client: JaegerClient) =>
  queryOptions({
    queryKey: jaegerKeys.services(client),
    queryFn: ({ signal }) => client.services(signal),
    staleTime: LIST_STALE_MS,
  });

export const operationsQuery = (client: JaegerClient, service: string) =>
  queryOptions({
    queryKey: jaegerKeys.operations(client, service),
    queryFn: ({ signal }) => client.operations(service, signal),
    enabled: service !== '',
    staleTime: LIST_STALE_MS,
  });

export const searchQuery = (client: JaegerClient, query: TraceQuery) =>
  queryOptions({
    queryKey: jaegerKeys.search(client, query),
    queryFn: ({ signal }) => client.search(query, signal),
    // An empty name asks for nothing; an absent one asks for every service.
    enabled: query.service !== '',
  });

export const findByIdsQuery = (client: JaegerClient, ids: readonly string[]) =>
  queryOptions({
    queryKey: jaegerKeys.traces(client, ids),
    queryFn: ({ signal }) => client.findByIds(ids, signal),
    enabled: ids.length > 0,
  });

/** `demoServices` is the demo backend's size knob (src/mocks/README.md); Jaeger ignores it. */
export const dependenciesQuery = (
  client: JaegerClient,
  endTs: number,
  lookbackMs: number,
  demoServices?: string,
) =>
  queryOptions({
    queryKey: jaegerKeys.dependencies(client, endTs, lookbackMs, demoServices),
    queryFn: ({ signal }) => client.dependencies(endTs, lookbackMs, signal, demoServices),
  });

/** The traces of a deep dependency graph: a search, or trace ids with no search to repeat. */
export type TracePathsSource =
  { readonly search: TraceQuery } | { readonly ids: readonly string[] };

/**
 * Where the trace worker fetches a DDG's traces: a search's full traces in ONE request (the
 * search response holds every span, as Jaeger UI's DDG uses it), ids by batch (v1) or one by
 * one (v3). The key names the search by its URL form (trace-query-params.ts), so the search
 * page's link and the DDG page's parse of that link share one cache entry.
 */
export function tracePathsRequest(client: JaegerClient, source: TracePathsSource) {
  return 'ids' in source
    ? {
        key: [...jaegerKeys.all(client), 'trace-paths', { ids: [...source.ids].sort() }] as const,
        urls: client.traceUrls(source.ids),
        // An id asked for and not found is a failure; a search finding nothing is not.
        emptyIsNone: false,
      }
    : {
        key: [
          ...jaegerKeys.all(client),
          'trace-paths',
          { search: new URLSearchParams(traceQueryParams(source.search)).toString() },
        ] as const,
        urls: [client.searchTracesUrl(source.search)],
        emptyIsNone: true,
      };
}
