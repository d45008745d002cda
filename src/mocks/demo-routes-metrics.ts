/**
 * `/api/metrics/...` of the demo backend, with jaeger-query's parameters, defaults and 400 answers
 * (the spec: jaeger's docker-compose/monitor README, see ../shared/fixtures/real/jaeger-query/).
 */
import type { DemoRoute } from './demo-context';
import { jsonResponse } from './demo-context';
import type { DemoMetricKind } from './demo-metrics';
import { demoMetricFamily, MAX_POINTS } from './demo-metrics';
import { encodeV1Envelope } from './encode-v1';

const failure = (status: number, msg: string) =>
  jsonResponse(status, encodeV1Envelope('null', 0, [{ code: status, msg }]));

const KINDS = new Set(['latencies', 'calls', 'errors']);
const TRUE = new Set(['1', 't', 'T', 'true', 'TRUE', 'True']);
const FALSE = new Set(['0', 'f', 'F', 'false', 'FALSE', 'False']);
const SPAN_KINDS = new Set(['unspecified', 'internal', 'server', 'client', 'producer', 'consumer']);

/** A whole number of milliseconds, or jaeger-query's complaint about it. */
function millisParam(url: URL, name: string, fallback: number): number | string {
  const text = url.searchParams.get(name);
  if (text === null || text === '') return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value))
    return `unable to parse param '${name}': strconv.ParseInt: parsing "${text}": invalid syntax`;
  return value;
}

export const metricsRoute: DemoRoute = ({ segments, store, url, method }) => {
  if (segments[0] !== 'metrics' || segments.length !== 2 || method !== 'GET') return undefined;
  const kind = segments[1] ?? '';
  if (kind === 'minstep') return jsonResponse(200, encodeV1Envelope('1000', 0));
  if (!KINDS.has(kind)) return undefined;
  const services = url.searchParams.getAll('service').filter((service) => service !== '');
  if (services.length === 0) return failure(400, 'please provide at least one service name');
  const group = url.searchParams.get('groupByOperation') ?? 'false';
  if (!TRUE.has(group) && !FALSE.has(group))
    return failure(400, `unable to parse param 'groupByOperation': invalid syntax`);
  const spanKinds = url.searchParams.getAll('spanKind');
  const unknownKind = spanKinds.find((spanKind) => !SPAN_KINDS.has(spanKind));
  if (unknownKind !== undefined) return failure(400, `unsupported span kind: '${unknownKind}'`);
  let quantile = 0.95;
  if (kind === 'latencies') {
    const text = url.searchParams.get('quantile') ?? '';
    quantile = Number(text);
    if (text === '' || !(quantile > 0 && quantile <= 1))
      return failure(400, 'quantile must be in the range (0, 1]');
  }
  const parsed = [
    millisParam(url, 'endTs', Math.round(store.now / 1000)),
    millisParam(url, 'lookback', 3_600_000),
    millisParam(url, 'step', 5_000),
    millisParam(url, 'ratePer', 600_000),
  ];
  const problem = parsed.find((value) => typeof value === 'string');
  if (typeof problem === 'string') return failure(400, problem);
  const [endTs = 0, lookback = 0, step = 0, ratePer = 0] = parsed as number[];
  if (step === 0 || ratePer === 0) return failure(400, 'step and ratePer must be positive');
  if (lookback / step > MAX_POINTS)
    return failure(400, 'exceeded maximum resolution of 11,000 points per timeseries');
  const family = demoMetricFamily(store, {
    kind: kind as DemoMetricKind,
    services,
    spanKinds: spanKinds.length > 0 ? spanKinds : ['server'],
    groupByOperation: TRUE.has(group),
    quantile,
    endTs,
    lookback,
    step,
    ratePer,
  });
  return jsonResponse(200, family);
};
