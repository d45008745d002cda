/**
 * Traces that are wrong in the ways real ones are: each breaks exactly one rule, has a fixed trace
 * id (listed in README.md) and lives under the service 'edge-cases' so one search finds them all.
 */
import type { DemoTrace } from './demo-trace';
import type { Rng } from './prng';
import { TraceBuilder, httpTags, log } from './trace-builder';

export const HOSTILE = '<img src=x onerror=alert(1)>';
const SERVICE = 'edge-cases';
const DOWNSTREAM = 'edge-downstream';

export const BROKEN_IDS = {
  orphans: '0bad0000000000000000000000000001',
  cycle: '0bad0000000000000000000000000002',
  clockSkew: '0bad0000000000000000000000000003',
  duplicateIds: '0bad0000000000000000000000000004',
  badDurations: '0bad0000000000000000000000000005',
  hostileMarkup: '0bad0000000000000000000000000006',
  megabyteTag: '0bad0000000000000000000000000007',
} as const;
export type BrokenScenario = keyof typeof BROKEN_IDS;

function base(rng: Rng, scenario: BrokenScenario, start: number) {
  const b = new TraceBuilder(rng, BROKEN_IDS[scenario]);
  const root = b.span({
    service: SERVICE,
    operation: scenario,
    start,
    duration: 120_000,
    kind: 'server',
    tags: httpTags('GET', `/${scenario}`, 200),
  });
  return { b, root };
}

const build: Record<BrokenScenario, (rng: Rng, start: number) => TraceBuilder> = {
  /** Two spans whose parents were never received (sampling gap, lost batch). */
  orphans(rng, start) {
    const { b, root } = base(rng, 'orphans', start);
    b.call(root, DOWNSTREAM, 'kept child', start + 1_000, 20_000);
    b.span({
      parent: 'deadbeefdeadbeef',
      service: DOWNSTREAM,
      operation: 'orphan A',
      start: start + 30_000,
      duration: 10_000,
    });
    b.span({
      parent: 'feedfacefeedface',
      service: DOWNSTREAM,
      operation: 'orphan B',
      start: start + 50_000,
      duration: 5_000,
    });
    return b;
  },
  /** A → B → C → A: no span of the three is a root; a tree walk without cycle checks never ends. */
  cycle(rng, start) {
    const { b, root } = base(rng, 'cycle', start);
    const ids = ['c1c1c1c1c1c1c1c1', 'c2c2c2c2c2c2c2c2', 'c3c3c3c3c3c3c3c3'] as const;
    b.call(root, DOWNSTREAM, 'healthy call', start + 1_000, 10_000);
    ids.forEach((id, i) =>
      b.span({
        spanId: id,
        parent: ids[(i + 2) % 3],
        service: DOWNSTREAM,
        operation: `cycle ${'ABC'[i]}`,
        start: start + 20_000 + i * 1_000,
        duration: 30_000,
      }),
    );
    return b;
  },
  /** The callee's clock runs 50 ms behind: its server span starts before the client span that caused it. */
  clockSkew(rng, start) {
    const { b, root } = base(rng, 'clockSkew', start);
    const client = b.span({
      parent: root,
      service: SERVICE,
      operation: 'call skewed host',
      start: start + 10_000,
      duration: 60_000,
      kind: 'client',
    });
    const server = b.span({
      parent: client,
      service: DOWNSTREAM,
      operation: 'skewed handler',
      start: start + 10_000 - 50_000,
      duration: 55_000,
      kind: 'server',
    });
    b.span({
      parent: server,
      service: DOWNSTREAM,
      operation: 'skewed db call',
      start: server.start + 5_000,
      duration: 20_000,
      kind: 'client',
    });
    return b;
  },
  /** Two different spans share one span id (a buggy tracer, or a retried span re-sent). */
  duplicateIds(rng, start) {
    const { b, root } = base(rng, 'duplicateIds', start);
    b.span({
      spanId: 'd0d0d0d0d0d0d0d0',
      parent: root,
      service: DOWNSTREAM,
      operation: 'first of twins',
      start: start + 5_000,
      duration: 20_000,
    });
    b.span({
      spanId: 'd0d0d0d0d0d0d0d0',
      parent: root,
      service: DOWNSTREAM,
      operation: 'second of twins',
      start: start + 40_000,
      duration: 20_000,
    });
    b.span({
      parent: 'd0d0d0d0d0d0d0d0',
      service: DOWNSTREAM,
      operation: 'child of a twin',
      start: start + 45_000,
      duration: 5_000,
    });
    return b;
  },
  /** Zero and negative durations, and a span at epoch zero: what broken clocks and exporters send. */
  badDurations(rng, start) {
    const { b, root } = base(rng, 'badDurations', start);
    b.span({
      parent: root,
      service: DOWNSTREAM,
      operation: 'zero duration',
      start: start + 1_000,
      duration: 0,
    });
    b.span({
      parent: root,
      service: DOWNSTREAM,
      operation: 'negative duration',
      start: start + 2_000,
      duration: -1_500,
    });
    b.span({
      parent: root,
      service: DOWNSTREAM,
      operation: 'normal sibling',
      start: start + 3_000,
      duration: 10_000,
    });
    return b;
  },
  /** Markup in an operation name, a tag value and a log message: must render as text. */
  hostileMarkup(rng, start) {
    const { b, root } = base(rng, 'hostileMarkup', start);
    b.span({
      parent: root,
      service: DOWNSTREAM,
      operation: `GET /search?q=${HOSTILE}`,
      start: start + 1_000,
      duration: 30_000,
      kind: 'server',
      tags: [
        { key: 'http.url', value: `javascript:alert(1)//${HOSTILE}` },
        { key: 'user.comment', value: HOSTILE },
        { key: HOSTILE, value: 'markup in a key' },
      ],
      logs: [
        log(start + 2_000, HOSTILE, [
          { key: 'message', value: `<script>alert(1)</script>${HOSTILE}` },
        ]),
      ],
    });
    return b;
  },
  /** One tag value of 1 MiB (a request body someone logged): must not freeze the detail view. */
  megabyteTag(rng, start) {
    const { b, root } = base(rng, 'megabyteTag', start);
    const chunk = 'The quick brown fox jumps over the lazy dog. ';
    const value = chunk.repeat(Math.ceil((1 << 20) / chunk.length)).slice(0, 1 << 20);
    b.span({
      parent: root,
      service: DOWNSTREAM,
      operation: 'log request body',
      start: start + 1_000,
      duration: 4_000,
      tags: [{ key: 'http.request.body', value }],
    });
    return b;
  },
};

export const BROKEN_SCENARIOS = Object.keys(BROKEN_IDS) as BrokenScenario[];

export function brokenTrace(scenario: BrokenScenario, rng: Rng, start: number): DemoTrace {
  const b = build[scenario](rng, start);
  return { traceId: b.traceId, scenario, spans: b.spans };
}
