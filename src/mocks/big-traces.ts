/**
 * Big traces generated on demand from their id, span by span, so a 1M-span trace (~500 MB of
 * JSON) is never one string: `bigTraceChunks` yields a few thousand spans at a time. Ids encode
 * the shape and size (see README.md), e.g. 'b16' + 29 decimal digits = that many spans.
 */
import type { DemoSpan } from './demo-trace';
import { deriveSeed, mulberry32 } from './prng';
import type { SpanShape } from './realistic-spans';
import { realisticLinks, realisticLogs, realisticTags } from './realistic-spans';

export type BigShape = 'random' | 'deep' | 'wide';
/**
 * 'light': a handful of tags a span (~280 bytes in OTLP JSON). 'realistic': the attributes,
 * resources, events and links of auto-instrumented services (realistic-spans.ts, ~750 bytes).
 */
export type BigProfile = 'light' | 'realistic';
export interface BigTraceSpec {
  readonly traceId: string;
  readonly shape: BigShape;
  readonly profile: BigProfile;
  /** Span count for every shape (a wide trace of width w has w + 1 spans). */
  readonly spanCount: number;
}

/** Id prefixes (hex, so ids stay valid trace ids); the light ones predate the profiles. */
const PREFIXES: readonly { prefix: string; shape: BigShape; profile: BigProfile }[] = [
  { prefix: 'b16', shape: 'random', profile: 'light' },
  { prefix: 'bea1', shape: 'random', profile: 'realistic' },
  { prefix: 'dee9', shape: 'deep', profile: 'light' },
  { prefix: 'dea1', shape: 'deep', profile: 'realistic' },
  { prefix: 'f1d0', shape: 'wide', profile: 'light' },
];
/** Beyond this a generated response would take minutes; nobody needs it for a demo or benchmark. */
export const MAX_BIG_SPANS = 5_000_000;

export function bigTraceId(shape: BigShape, size: number, profile: BigProfile = 'light'): string {
  const entry = PREFIXES.find((p) => p.shape === shape && p.profile === profile);
  if (entry === undefined) throw new Error(`No ${profile} big traces of shape ${shape}`);
  return entry.prefix + String(size).padStart(32 - entry.prefix.length, '0');
}

export const BIG_TRACE_IDS = {
  big10k: bigTraceId('random', 10_000),
  big100k: bigTraceId('random', 100_000),
  big1m: bigTraceId('random', 1_000_000),
  real10k: bigTraceId('random', 10_000, 'realistic'),
  real100k: bigTraceId('random', 100_000, 'realistic'),
  real1m: bigTraceId('random', 1_000_000, 'realistic'),
  deep5000: bigTraceId('deep', 5_000),
  wide100k: bigTraceId('wide', 100_000),
} as const;

export function parseBigTraceId(id: string): BigTraceSpec | undefined {
  const lower = id.toLowerCase();
  for (const { prefix, shape, profile } of PREFIXES) {
    if (lower.length !== 32 || !lower.startsWith(prefix)) continue;
    const digits = lower.slice(prefix.length);
    if (!/^\d+$/.test(digits)) continue;
    const size = Number(digits);
    if (size < 1 || size > MAX_BIG_SPANS) return undefined;
    return { traceId: lower, shape, profile, spanCount: shape === 'wide' ? size + 1 : size };
  }
  return undefined;
}

/** Services and who may call whom: the HotROD edges, so /api/dependencies already lists them. */
const CALLEES: Record<string, readonly string[]> = {
  frontend: ['customer', 'driver', 'route'],
  customer: ['mysql'],
  driver: ['redis-manual'],
  mysql: [],
  'redis-manual': [],
  route: [],
};
const SERVER_OPS: Record<string, string> = {
  frontend: 'HTTP GET /dispatch',
  customer: 'HTTP GET /customer',
  driver: '/driver.DriverService/FindNearest',
  mysql: 'SQL SELECT',
  'redis-manual': 'GetDriver',
  route: 'HTTP GET /route',
};
const INTERNAL_OPS = [
  'compute',
  'serialize',
  'cache lookup',
  'validate',
  'marshal response',
] as const;
export const BIG_EXTRA_EDGES = [
  { parent: 'frontend', child: 'resolver' },
  { parent: 'batch-scheduler', child: 'batch-worker' },
] as const;

interface Open {
  readonly span: DemoSpan;
  readonly depth: number;
  childrenLeft: number;
  cursor: number;
}

/** The spans of a big trace, in depth-first order, one at a time (memory: the open path only). */
export function* bigTraceSpans(
  spec: BigTraceSpec,
  seed: number,
  start: number,
): Generator<DemoSpan> {
  const rng = mulberry32(deriveSeed(seed, spec.traceId));
  // The realistic profile's attributes draw from a stream of their own: the tree stays the one
  // the same rng calls would give.
  const attrRng = mulberry32(deriveSeed(seed, `${spec.traceId}:attributes`));
  const prefix = rng.hex(8);
  const id = (index: number) => prefix + index.toString(16).padStart(8, '0');
  const make = (
    index: number,
    parent: string,
    service: string,
    operation: string,
    s: number,
    d: number,
    kind: DemoSpan['kind'],
  ): DemoSpan => {
    const error = index > 0 && rng.chance(0.01);
    if (spec.profile === 'realistic') {
      const shape: SpanShape = {
        index,
        service,
        operation,
        kind,
        error,
        start: Math.round(s),
        duration: Math.max(1, Math.round(d)),
        traceId: spec.traceId,
      };
      return {
        traceId: spec.traceId,
        spanId: id(index),
        parentSpanId: parent,
        service,
        operation,
        start: shape.start,
        duration: shape.duration,
        kind,
        error,
        tags: realisticTags(attrRng, shape),
        logs: realisticLogs(attrRng, shape),
        links: realisticLinks(attrRng, shape, id),
      };
    }
    const tags: DemoSpan['tags'] = [
      { key: 'span.kind', value: kind },
      ...(service === 'mysql'
        ? [
            {
              key: 'db.statement',
              value: `SELECT * FROM customer WHERE customer_id=${index % 1000}`,
            },
          ]
        : []),
      ...(kind === 'server' ? [{ key: 'http.status_code', value: error ? 500 : 200 }] : []),
      ...(error ? [{ key: 'error', value: true }] : []),
    ];
    return {
      traceId: spec.traceId,
      spanId: id(index),
      parentSpanId: parent,
      service,
      operation,
      start: Math.round(s),
      duration: Math.max(1, Math.round(d)),
      kind,
      error,
      tags,
      logs: [],
    };
  };
  const n = spec.spanCount;
  if (spec.shape === 'deep') {
    yield make(0, '', 'frontend', 'HTTP GET /resolve', start, n * 20 + 100, 'server');
    for (let i = 1; i < n; i++)
      yield make(
        i,
        id(i - 1),
        'resolver',
        'resolve',
        start + i * 10,
        (n - i) * 20,
        i === 1 ? 'server' : 'internal',
      );
    return;
  }
  if (spec.shape === 'wide') {
    yield make(0, '', 'batch-scheduler', 'POST /batch', start, (n / 1000 + 1) * 50_000, 'server');
    for (let i = 1; i < n; i++)
      yield make(
        i,
        id(0),
        'batch-worker',
        'process item',
        start + Math.floor(i / 1000) * 50_000 + rng.range(0, 5_000),
        rng.range(1_000, 40_000),
        'server',
      );
    return;
  }
  const rootDuration = Math.max(2_000_000, n * 1_000);
  const root = make(0, '', 'frontend', SERVER_OPS.frontend ?? '', start, rootDuration, 'server');
  yield root;
  const stack: Open[] = [
    { span: root, depth: 0, childrenLeft: Number.POSITIVE_INFINITY, cursor: start },
  ];
  for (let index = 1; index < n;) {
    const top = stack[stack.length - 1];
    if (!top) break;
    if (top.childrenLeft <= 0) {
      stack.pop();
      continue;
    }
    top.childrenLeft--;
    const parent = top.span;
    const callees = CALLEES[parent.service] ?? [];
    const remote = callees.length > 0 && rng.chance(0.5);
    const service = remote ? rng.pick(callees) : parent.service;
    const operation = remote ? (SERVER_OPS[service] ?? service) : rng.pick(INTERNAL_OPS);
    let s: number;
    let d: number;
    if (top.depth === 0) {
      // Root children are spread over the root's window in emission order.
      s = start + (rootDuration * index) / n;
      d = rootDuration * Math.min(0.5, 40 / n) * rng.range(0.5, 1.5);
    } else {
      const end = parent.start + parent.duration;
      const room = Math.max(0, end - top.cursor);
      s = top.cursor + room * rng.range(0, 0.1);
      d = ((end - s) * rng.range(0.2, 0.9)) / Math.max(1, top.childrenLeft + 1);
      top.cursor = s + d;
    }
    const span = make(
      index++,
      parent.spanId,
      service,
      operation,
      s,
      d,
      remote ? 'server' : 'internal',
    );
    yield span;
    const depth = top.depth + 1;
    const roll = rng.next();
    const children =
      depth >= 20
        ? 0
        : roll < 0.45
          ? 0
          : roll < 0.65
            ? 1
            : roll < 0.8
              ? 2
              : roll < 0.9
                ? 3
                : rng.int(4, 8);
    stack.push({ span, depth, childrenLeft: children, cursor: span.start });
  }
}

/** Services a big trace of this shape uses, in a fixed order (v1 process ids are assigned from it). */
export function bigTraceServices(shape: BigShape): string[] {
  if (shape === 'deep') return ['frontend', 'resolver'];
  if (shape === 'wide') return ['batch-scheduler', 'batch-worker'];
  return Object.keys(CALLEES);
}
