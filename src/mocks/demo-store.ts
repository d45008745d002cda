/**
 * The demo backend's data: a deterministic corpus of traces placed over the two hours before
 * "now", plus what Jaeger derives from it (services, operations, dependencies). Structure and ids
 * come from the seed alone; `now` only shifts the times, so searches for "last hour" find data.
 */
import type { DemoSpanKind, DemoTrace } from './demo-trace';
import { traceStart } from './demo-trace';
import { BIG_EXTRA_EDGES } from './big-traces';
import { deriveSeed, mulberry32 } from './prng';
import { BROKEN_SCENARIOS, brokenTrace } from './scenarios-broken';
import { hotrodTrace } from './scenarios-hotrod';
import { checkoutTrace, gatewayTrace } from './scenarios-shop';

export const DEFAULT_SEED = 20_240_611;
const SPREAD_US = 2 * 3600 * 1_000_000;

export interface DemoStoreOptions {
  readonly seed?: number;
  /** µs since the epoch the corpus ends at; defaults to the current time. */
  readonly now?: number;
  /** Ordinary traces (the broken ones come on top); default 240. */
  readonly traceCount?: number;
}

export interface DemoStore {
  readonly seed: number;
  readonly now: number;
  /** Newest first. */
  readonly traces: readonly DemoTrace[];
  readonly byId: ReadonlyMap<string, DemoTrace>;
  readonly services: readonly string[];
  operations(service: string, spanKind?: string): { name: string; spanKind: DemoSpanKind }[];
  readonly dependencies: readonly { parent: string; child: string; callCount: number }[];
}

export function createDemoStore(options: DemoStoreOptions = {}): DemoStore {
  const seed = options.seed ?? DEFAULT_SEED;
  const now = Math.round(options.now ?? Date.now() * 1000);
  const count = options.traceCount ?? 240;
  const traces: DemoTrace[] = [];
  for (let i = 0; i < count; i++) {
    const rng = mulberry32(deriveSeed(seed, `trace-${i}`));
    const start = now - ((i + 1) * SPREAD_US) / count - rng.range(0, SPREAD_US / count / 2);
    const roll = rng.next();
    traces.push(
      roll < 0.5
        ? hotrodTrace(rng, start)
        : roll < 0.8
          ? checkoutTrace(rng, start)
          : gatewayTrace(rng, start),
    );
  }
  BROKEN_SCENARIOS.forEach((scenario, i) => {
    const rng = mulberry32(deriveSeed(seed, scenario));
    traces.push(brokenTrace(scenario, rng, now - (i + 1) * 3 * 60_000_000));
  });
  traces.sort((a, b) => traceStart(b) - traceStart(a));
  return indexStore(seed, now, traces);
}

function indexStore(seed: number, now: number, traces: DemoTrace[]): DemoStore {
  const byId = new Map(traces.map((trace) => [trace.traceId, trace]));
  const operations = new Map<string, Map<string, DemoSpanKind>>();
  const links = new Map<string, { parent: string; child: string; callCount: number }>();
  for (const trace of traces) {
    const byId = new Map(trace.spans.map((span) => [span.spanId, span]));
    for (const span of trace.spans) {
      const ops = operations.get(span.service) ?? new Map<string, DemoSpanKind>();
      ops.set(span.operation, span.kind);
      operations.set(span.service, ops);
      // Dependencies count calls across services, as Jaeger's dependency jobs do.
      const parent = byId.get(span.parentSpanId);
      if (parent && parent.service !== span.service)
        addLink(links, parent.service, span.service, 1);
    }
  }
  for (const edge of BIG_EXTRA_EDGES) addLink(links, edge.parent, edge.child, 1);
  const services = [...operations.keys()].concat(
    BIG_EXTRA_EDGES.flatMap((e) => [e.parent, e.child]),
  );
  return {
    seed,
    now,
    traces,
    byId,
    services: [...new Set(services)].sort(),
    operations(service, spanKind) {
      const ops = [...(operations.get(service) ?? [])].map(([name, kind]) => ({
        name,
        spanKind: kind,
      }));
      return ops
        .filter((op) => !spanKind || op.spanKind === spanKind)
        .sort((a, b) => (a.name < b.name ? -1 : 1));
    },
    dependencies: [...links.values()],
  };
}

function addLink(
  links: Map<string, { parent: string; child: string; callCount: number }>,
  parent: string,
  child: string,
  n: number,
) {
  const key = `${parent}\u0000${child}`;
  const link = links.get(key) ?? { parent, child, callCount: 0 };
  link.callCount += n;
  links.set(key, link);
}
