// @vitest-environment node
import { createDemoStore } from './demo-store';
import type { DemoSpan, DemoTrace } from './demo-trace';
import { encodeOtlpDocument } from './encode-otlp';
import { encodeV1Trace } from './encode-v1';
import { BROKEN_IDS, HOSTILE } from './scenarios-broken';

const NOW = 1_750_000_000_000_000;
const store = createDemoStore({ seed: 7, now: NOW });
const trace = (id: string): DemoTrace => {
  const found = store.byId.get(id);
  if (!found) throw new Error(`no trace ${id}`);
  return found;
};
const byId = (t: DemoTrace) => new Map(t.spans.map((s) => [s.spanId, s]));

describe('demo corpus', () => {
  it('is deterministic: same seed and now → same bytes; another seed → other traces', () => {
    const again = createDemoStore({ seed: 7, now: NOW });
    expect(again.traces.map(encodeV1Trace).join()).toBe(store.traces.map(encodeV1Trace).join());
    expect(encodeOtlpDocument(again.traces)).toBe(encodeOtlpDocument(store.traces));
    const other = createDemoStore({ seed: 8, now: NOW });
    expect(other.traces[0]?.traceId).not.toBe(store.traces[0]?.traceId);
  });

  it('keeps structure and ids when only "now" moves; times shift with it', () => {
    const later = createDemoStore({ seed: 7, now: NOW + 3_600_000_000 });
    expect(later.traces.map((t) => t.traceId)).toEqual(store.traces.map((t) => t.traceId));
    expect((later.traces[0]?.spans[0]?.start ?? 0) - (store.traces[0]?.spans[0]?.start ?? 0)).toBe(
      3_600_000_000,
    );
  });

  it('places every trace within the two hours before now, newest first', () => {
    const starts = store.traces.map((t) => Math.min(...t.spans.map((s) => s.start)));
    expect(Math.max(...starts)).toBeLessThanOrEqual(NOW);
    expect(Math.min(...starts)).toBeGreaterThan(NOW - 2.1 * 3600e6);
    expect([...starts].sort((a, b) => b - a)).toEqual(starts);
  });

  it('has the three topologies, slow payments and about 1% errors', () => {
    const scenarios = new Set(store.traces.map((t) => t.scenario));
    for (const name of ['hotrod', 'checkout', 'gateway']) expect(scenarios).toContain(name);
    const payments = store.traces
      .flatMap((t) => t.spans)
      .filter((s) => s.service === 'payment-service' && s.kind === 'server');
    expect(payments.some((s) => s.duration >= 2_000_000)).toBe(true);
    expect(payments.some((s) => s.duration < 100_000)).toBe(true);
    const spans = store.traces
      .filter((t) => ['hotrod', 'checkout', 'gateway'].includes(t.scenario))
      .flatMap((t) => t.spans);
    const rate = spans.filter((s) => s.error).length / spans.length;
    expect(rate).toBeGreaterThan(0.002);
    expect(rate).toBeLessThan(0.05);
    const hotrod = store.traces.find((t) => t.scenario === 'hotrod');
    const tags = new Set(hotrod?.spans.flatMap((s) => s.tags.map((t) => t.key)));
    for (const key of ['http.method', 'http.status_code', 'db.statement', 'peer.service'])
      expect(tags).toContain(key);
    expect(hotrod?.spans.some((s) => s.logs.length > 0)).toBe(true);
  });

  it('lists dependencies for every cross-service call in the corpus', () => {
    const links = new Set(store.dependencies.map((l) => `${l.parent}>${l.child}`));
    for (const t of store.traces) {
      const spans = byId(t);
      for (const span of t.spans) {
        const parent = spans.get(span.parentSpanId);
        if (parent && parent.service !== span.service)
          expect(links).toContain(`${parent.service}>${span.service}`);
      }
    }
    expect(links).toContain('frontend>customer');
    expect(links).toContain('order-service>payment-service');
  });
});

describe('broken scenarios', () => {
  it('orphans: two spans name parents that are not in the trace', () => {
    const t = trace(BROKEN_IDS.orphans);
    const ids = byId(t);
    expect(t.spans.filter((s) => s.parentSpanId !== '' && !ids.has(s.parentSpanId))).toHaveLength(
      2,
    );
  });

  it('cycle: following parents from a cycle span comes back to it', () => {
    const t = trace(BROKEN_IDS.cycle);
    const ids = byId(t);
    let span: DemoSpan | undefined = ids.get('c1c1c1c1c1c1c1c1');
    const seen: string[] = [];
    for (let i = 0; i < 3 && span; i++) {
      seen.push(span.spanId);
      span = ids.get(span.parentSpanId);
    }
    expect(span?.spanId).toBe('c1c1c1c1c1c1c1c1');
    expect(new Set(seen).size).toBe(3);
  });

  it('clock skew: a child starts before its parent', () => {
    const t = trace(BROKEN_IDS.clockSkew);
    const ids = byId(t);
    expect(t.spans.some((s) => (ids.get(s.parentSpanId)?.start ?? -Infinity) > s.start)).toBe(true);
  });

  it('duplicate ids, zero and negative durations', () => {
    const dup = trace(BROKEN_IDS.duplicateIds);
    expect(new Set(dup.spans.map((s) => s.spanId)).size).toBe(dup.spans.length - 1);
    const bad = trace(BROKEN_IDS.badDurations);
    expect(bad.spans.some((s) => s.duration === 0)).toBe(true);
    expect(bad.spans.some((s) => s.duration < 0)).toBe(true);
  });

  it('hostile markup in an operation and a tag value; a 1 MiB tag value', () => {
    const spans = trace(BROKEN_IDS.hostileMarkup).spans;
    expect(spans.some((s) => s.operation.includes(HOSTILE))).toBe(true);
    expect(spans.some((s) => s.tags.some((t) => t.value === HOSTILE))).toBe(true);
    const big = trace(BROKEN_IDS.megabyteTag)
      .spans.flatMap((s) => s.tags)
      .find((t) => t.key === 'http.request.body');
    expect(String(big?.value).length).toBe(1 << 20);
    // The encoders escape nothing away: the markup reaches the client as data.
    expect(encodeV1Trace(trace(BROKEN_IDS.hostileMarkup))).toContain(
      JSON.stringify(HOSTILE).slice(1, -1),
    );
  });
});
