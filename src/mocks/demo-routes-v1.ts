/** v1 routes of the demo backend (Jaeger 1.x `/api/...` with the `{data, errors}` envelope). */
import type { DemoContext, DemoRoute } from './demo-context';
import { findTrace, jsonResponse, streamBigTrace } from './demo-context';
import type { DemoTrace } from './demo-trace';
import { bigTraceSpans, parseBigTraceId } from './big-traces';
import { generateDependencies } from './big-dependencies';
import { parseAttributeMap, parseGoDuration, parseTagParams } from './demo-params';
import { searchTraces } from './demo-search';
import { encodeV1Envelope, encodeV1Trace } from './encode-v1';

/** A big trace inside a multi-id answer is built as one string; past this, ask for it alone. */
const MAX_INLINE_BIG_SPANS = 20_000;

const envelope = (data: unknown, total = Array.isArray(data) ? data.length : 0) =>
  jsonResponse(200, encodeV1Envelope(JSON.stringify(data), total));
const failure = (status: number, msg: string, traceID?: string) =>
  jsonResponse(
    status,
    encodeV1Envelope('null', 0, [{ code: status, msg, ...(traceID ? { traceID } : {}) }]),
  );

const services: DemoRoute = ({ segments, store }) =>
  segments.length === 1 && segments[0] === 'services' ? envelope(store.services) : undefined;

const serviceOperations: DemoRoute = ({ segments, store }) =>
  segments.length === 3 && segments[0] === 'services' && segments[2] === 'operations'
    ? envelope(store.operations(segments[1] ?? '').map((op) => op.name))
    : undefined;

const operations: DemoRoute = ({ segments, store, url }) => {
  if (segments.length !== 1 || segments[0] !== 'operations') return undefined;
  const service = url.searchParams.get('service');
  if (!service) return failure(400, "parameter 'service' is required");
  return envelope(store.operations(service, url.searchParams.get('spanKind') ?? ''));
};

function tracesEnvelope(
  traces: readonly DemoTrace[],
  errors: { code: number; msg: string; traceID?: string }[] = [],
) {
  return jsonResponse(
    200,
    encodeV1Envelope(`[${traces.map(encodeV1Trace).join(',')}]`, traces.length, errors),
  );
}

/** A big trace as an ordinary DemoTrace, for multi-id answers; undefined when not a big id. */
function inlineBigTrace(context: DemoContext, id: string): DemoTrace | 'too-big' | undefined {
  const spec = parseBigTraceId(id);
  if (!spec) return undefined;
  if (spec.spanCount > MAX_INLINE_BIG_SPANS) return 'too-big';
  return {
    traceId: spec.traceId,
    scenario: 'big',
    spans: [...bigTraceSpans(spec, context.store.seed, context.bigStart)],
  };
}

function lookup(context: DemoContext, ids: readonly string[]): Response {
  const found: DemoTrace[] = [];
  const errors: { code: number; msg: string; traceID: string }[] = [];
  for (const id of ids) {
    const trace = findTrace(context, id) ?? inlineBigTrace(context, id);
    if (trace === 'too-big')
      errors.push({
        code: 413,
        msg: 'trace too big for a multi-id lookup; open it alone',
        traceID: id,
      });
    else if (trace) found.push(trace);
    else errors.push({ code: 404, msg: 'trace not found', traceID: id });
  }
  return tracesEnvelope(found, errors);
}

const search: DemoRoute = (context) => {
  const { segments, url } = context;
  if (segments.length !== 1 || segments[0] !== 'traces') return undefined;
  const ids = url.searchParams.getAll('traceID');
  if (ids.length > 0) return lookup(context, ids);
  // No service: every service (the demo advertises searchWithoutServiceName for both APIs).
  const service = url.searchParams.get('service') || undefined;
  const tags = parseAttributeMap(url.searchParams.get('tags'));
  if (tags === null) return failure(400, 'malformed tags parameter: not a JSON map');
  const durations: { durationMin?: number; durationMax?: number } = {};
  for (const [name, key] of [
    ['minDuration', 'durationMin'],
    ['maxDuration', 'durationMax'],
  ] as const) {
    const text = url.searchParams.get(name);
    if (!text) continue;
    const value = parseGoDuration(text);
    if (value === undefined)
      return failure(400, `cannot parse ${name}: time: invalid duration "${text}"`);
    durations[key] = value;
  }
  const start = url.searchParams.get('start');
  const end = url.searchParams.get('end');
  const found = searchTraces(context.store.traces, {
    ...(service ? { service } : {}),
    operation: url.searchParams.get('operation') ?? '',
    tags: { ...parseTagParams(url.searchParams.getAll('tag')), ...tags },
    ...(start ? { startMin: Number(start) } : {}),
    ...(end ? { startMax: Number(end) } : {}),
    ...durations,
    limit: Number(url.searchParams.get('limit') ?? '20'),
  });
  return jsonResponse(
    200,
    context.remembered(`v1 ${url.search}`, () =>
      encodeV1Envelope(`[${found.map(encodeV1Trace).join(',')}]`, found.length),
    ),
  );
};

const getTrace: DemoRoute = (context) => {
  const id = context.segments[1];
  if (context.segments.length !== 2 || context.segments[0] !== 'traces' || id === undefined)
    return undefined;
  const trace = findTrace(context, id);
  if (trace) return tracesEnvelope([trace]);
  return streamBigTrace(context, id, 'v1') ?? failure(404, 'trace not found');
};

const dependencies: DemoRoute = ({ segments, store, url }) => {
  if (segments.length !== 1 || segments[0] !== 'dependencies') return undefined;
  const endTs = Number(url.searchParams.get('endTs') ?? Date.now());
  const lookback = Number(url.searchParams.get('lookback') ?? 86_400_000);
  if (!Number.isFinite(endTs) || !Number.isFinite(lookback))
    return failure(400, 'malformed endTs or lookback');
  // The corpus spans the two hours before `now` (µs); a window missing it has no calls.
  const overlaps =
    endTs * 1000 >= store.now - 2 * 3600 * 1_000_000 && (endTs - lookback) * 1000 <= store.now;
  // The demo's size knob: a generated production-scale topology instead of the corpus's links.
  const demoServices = Number(url.searchParams.get('demoServices') ?? Number.NaN);
  if (demoServices > 0) return envelope(overlaps ? generateDependencies(demoServices) : []);
  return envelope(overlaps ? store.dependencies : []);
};

const archive: DemoRoute = (context) => {
  const id = context.segments[1];
  if (context.segments.length !== 2 || context.segments[0] !== 'archive' || id === undefined)
    return undefined;
  return findTrace(context, id) || parseBigTraceId(id)
    ? envelope([])
    : failure(404, 'trace not found');
};

const method =
  (verb: string, route: DemoRoute): DemoRoute =>
  (context) =>
    context.method === verb ? route(context) : undefined;

export const V1_ROUTES: readonly DemoRoute[] = [
  ...[services, serviceOperations, operations, search, getTrace, dependencies].map((route) =>
    method('GET', route),
  ),
  method('POST', archive),
];
