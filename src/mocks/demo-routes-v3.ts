/** api_v3 routes of the demo backend (Jaeger 2.x HTTP gateway shapes, camelCase parameters). */
import type { DemoContext, DemoRoute } from './demo-context';
import { findTrace, jsonResponse, streamBigTrace } from './demo-context';
import { parseAttributeMap, parseGoDuration, parseRfc3339 } from './demo-params';
import type { DemoQuery } from './demo-search';
import { searchTraces, summarizeDemoTrace } from './demo-search';
import { encodeOtlpDocument } from './encode-otlp';

const error = (status: number, message: string): Response =>
  jsonResponse(status, `${JSON.stringify({ error: { httpCode: status, message } })}\n`);
const noTraces = (): Response => error(404, 'No traces found');

/** Canonical name first, then Jaeger's deprecated snake_case alias. */
function param(context: DemoContext, canonical: string, deprecated: string): string {
  return context.url.searchParams.get(canonical) || context.url.searchParams.get(deprecated) || '';
}

function parseQuery(context: DemoContext): DemoQuery | Response {
  const service = param(context, 'query.serviceName', 'query.service_name');
  const min = param(context, 'query.startTimeMin', 'query.start_time_min');
  const max = param(context, 'query.startTimeMax', 'query.start_time_max');
  if (!min || !max) return error(400, 'query.startTimeMin and query.startTimeMax are required');
  const startMin = parseRfc3339(min);
  const startMax = parseRfc3339(max);
  if (startMin === undefined) return error(400, `malformed parameter query.startTimeMin: ${min}`);
  if (startMax === undefined) return error(400, `malformed parameter query.startTimeMax: ${max}`);
  const durations: Record<'durationMin' | 'durationMax', number | undefined> = {
    durationMin: undefined,
    durationMax: undefined,
  };
  for (const [key, snake] of [
    ['durationMin', 'duration_min'],
    ['durationMax', 'duration_max'],
  ] as const) {
    const text = param(context, `query.${key}`, `query.${snake}`);
    if (!text) continue;
    const value = parseGoDuration(text);
    if (value === undefined)
      return error(400, `malformed parameter query.${key}: time: invalid duration "${text}"`);
    durations[key] = value;
  }
  const tags = parseAttributeMap(context.url.searchParams.get('query.attributes'));
  if (tags === null) return error(400, 'malformed parameter query.attributes');
  const depth =
    param(context, 'query.searchDepth', 'query.search_depth') ||
    context.url.searchParams.get('query.num_traces') ||
    '';
  return {
    // Without a service name the search spans every service, as on a backend that reports
    // searchWithoutServiceName (the demo advertises it).
    ...(service ? { service } : {}),
    operation: param(context, 'query.operationName', 'query.operation_name'),
    ...(tags ? { tags } : {}),
    startMin,
    startMax,
    ...(durations.durationMin === undefined ? {} : { durationMin: durations.durationMin }),
    ...(durations.durationMax === undefined ? {} : { durationMax: durations.durationMax }),
    limit: depth ? Number(depth) : 100,
  };
}

const services: DemoRoute = ({ segments, store }) =>
  segments.length === 2 && segments[1] === 'services'
    ? jsonResponse(200, JSON.stringify({ services: store.services }))
    : undefined;

const operations: DemoRoute = (context) => {
  if (context.segments.length !== 2 || context.segments[1] !== 'operations') return undefined;
  const service = context.url.searchParams.get('service') ?? '';
  const kind = param(context, 'spanKind', 'span_kind');
  return jsonResponse(200, JSON.stringify({ operations: context.store.operations(service, kind) }));
};

const summaries: DemoRoute = (context) => {
  if (context.segments.length !== 2 || context.segments[1] !== 'trace-summaries') return undefined;
  const query = parseQuery(context);
  if (query instanceof Response) return query;
  const found = searchTraces(context.store.traces, query);
  return jsonResponse(200, JSON.stringify({ summaries: found.map(summarizeDemoTrace) }));
};

const findTraces: DemoRoute = (context) => {
  if (context.segments.length !== 2 || context.segments[1] !== 'traces') return undefined;
  const query = parseQuery(context);
  if (query instanceof Response) return query;
  const found = searchTraces(context.store.traces, query);
  if (found.length === 0) return noTraces();
  const key = `v3 ${context.url.search}`;
  return jsonResponse(
    200,
    context.remembered(key, () => encodeOtlpDocument(found)),
  );
};

const getTrace: DemoRoute = (context) => {
  const id = context.segments[2];
  if (context.segments.length !== 3 || context.segments[1] !== 'traces' || id === undefined)
    return undefined;
  if (!/^[0-9a-fA-F]{1,32}$/.test(id)) return error(400, `malformed parameter trace_id: ${id}`);
  const trace = findTrace(context, id);
  if (trace) return jsonResponse(200, encodeOtlpDocument([trace]));
  return streamBigTrace(context, id, 'otlp') ?? noTraces();
};

const onlyGet =
  (route: DemoRoute): DemoRoute =>
  (context) =>
    context.method === 'GET' ? route(context) : undefined;

export const V3_ROUTES: readonly DemoRoute[] = [
  services,
  operations,
  summaries,
  findTraces,
  getTrace,
].map(onlyGet);
