/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { parseTraceDocument } from './parse-document';
import { SpanFlag, hasFlag } from './trace';
import { FIXTURE_ROOT } from './test-support/fixture-index';

const fixture = (path: string): string => readFileSync(`${FIXTURE_ROOT}/${path}`, 'utf8');

function only(text: string) {
  const result = parseTraceDocument(text);
  const [first] = result.traces;
  if (first === undefined) throw new Error(`no trace: ${result.errors.join('; ')}`);
  return { result, parsed: first, trace: first.trace };
}

describe('parseTraceDocument: formats', () => {
  it('reads Jaeger v1 details: tags, process, logs as events, references with indexes, warnings', () => {
    const { trace, parsed } = only(fixture('jaeger/ui_01.json'));
    expect(trace.warnings).toContain('some trace warning');
    const i = parsed.spanIndexById('0000000000000004');
    const detail = parsed.detail(i);
    expect(detail.references.map((r) => r.type)).toEqual(['CHILD_OF', 'CHILD_OF', 'FOLLOWS_FROM']);
    expect(detail.references[0]?.spanIndex).toBe(-1); // other trace
    expect(detail.references[1]?.spanIndex).toBe(parsed.spanIndexById('0000000000000002'));
    expect(trace.columns.parent[i]).toBe(detail.references[1]?.spanIndex);
    expect(detail.warnings).toEqual(['some span warning']);
    expect(hasFlag(trace.columns.flags[i] ?? 0, SpanFlag.HasLinks)).toBe(true);
  });

  it('decodes the domain model: base64 ids, RFC3339 nanosecond starts, "5000ns" durations, vType tags', () => {
    const { parsed, trace, result } = only(fixture('jaeger/fixtures-domain_01.json'));
    expect(result.format).toBe('jaeger-domain');
    expect(trace.traceId).toBe('00000000000000000000000000000001');
    expect(parsed.spanIndexById('0000000000000002')).toBe(0);
    expect(trace.startTime).toBe(Date.UTC(2017, 0, 26, 21, 46, 31) * 1000 + 639875.139);
    expect(trace.columns.duration[0]).toBe(5);
    expect(parsed.detail(parsed.spanIndexById('0000000000000003')).attributes).toEqual([]);
    const withTags = [0, 1, 2, 3, 4]
      .map((k) => parsed.detail(k))
      .find((d) => d.attributes.length > 0);
    // JSON.parse rounds int64 numbers beyond 2^53 (a known limit; Jaeger v1 sends them as strings).
    expect(withTags?.attributes.find((a) => a.key === 'javascript_limit')?.type).toBe('int');
    expect(withTags?.attributes).toContainEqual({ key: 'error', value: 'true', type: 'bool' });
  });

  it('reads OTLP with string enums, upper-case ids, events, links and scope', () => {
    const { trace } = only(fixture('jaeger-pr9263/sibling_errors.json'));
    expect(trace.errorCount).toBe(5);
    expect(hasFlag(trace.columns.flags[0] ?? 0, SpanFlag.KindServer)).toBe(true);
    const upper = only(fixture('opentelemetry-proto/trace.json'));
    expect(upper.trace.traceId).toMatch(/^[0-9a-f]{32}$/);
    const linked = only(fixture('jaeger/link_attributes_trace.json'));
    const detail = linked.parsed.detail(0);
    expect(detail.references.filter((r) => r.type === 'LINK')).toHaveLength(3);
    const otel = only(fixture('jaeger/otel_traces_01.json'));
    expect(otel.result.traces).toHaveLength(2);
    const d = otel.parsed.detail(0);
    expect(d.scope.length + d.resource.length).toBeGreaterThan(0);
  });

  it('reads the v3 API envelope, NDJSON, and Zipkin without service names or as a single span', () => {
    expect(
      hasFlag(
        only(fixture('jaeger/GetTrace.json')).trace.columns.flags[0] ?? 0,
        SpanFlag.BadTiming,
      ),
    ).toBe(true);
    expect(only(fixture('jaeger-ui/otlp2jaeger-multi-in.json.txt')).trace.spanCount).toBe(4);
    expect(only(fixture('zipkin/envoy.json')).trace.services).toEqual(['unknown_service']);
    const single = only(fixture('zipkin/zipkin2-client.json'));
    expect(single.parsed.detail(0).events.map((e) => e.name)).toEqual(['foo', 'bar']);
    expect(single.parsed.detail(0).kind).toBe('client');
  });

  it('handles Jaeger UI redux state by reading the trace inside and saying so', () => {
    const { trace } = only(fixture('jaeger-ui/TraceFlamegraph-testTrace.json'));
    expect(trace.spanCount).toBe(4);
    expect(trace.warnings.join(' ')).toMatch(/internal state, not an API response/);
  });
});

describe('parseTraceDocument: hostile and broken input', () => {
  it('names the line of a broken NDJSON record and keeps the others', () => {
    const lines = fixture('jaeger-ui/otlp2jaeger-multi-in.json.txt').trim().split('\n');
    lines[2] = '{"resourceSpans": [ broken';
    const result = parseTraceDocument(lines.join('\n'));
    expect(result.errors[0]).toMatch(/^Line 3: /);
    expect(result.traces[0]?.trace.spanCount).toBe(3);
  });

  it('explains malformed JSON with line and column', () => {
    const result = parseTraceDocument('{\n  "data": [\n    {"traceID": "a",, }\n  ]\n}');
    expect(result.traces).toEqual([]);
    expect(result.errors[0]).toMatch(/not valid JSON \(line 3, column/);
    expect(parseTraceDocument('').errors[0]).toMatch(/empty/);
    expect(parseTraceDocument('42').errors[0]).toMatch(/holds no spans/);
  });

  it('treats markup, megabyte values and missing fields as data, never throwing', () => {
    const huge = 'x'.repeat(2_000_000);
    const text = JSON.stringify({
      data: [
        {
          traceID: 'abc',
          spans: [
            {
              traceID: 'abc',
              spanID: '1',
              operationName: '<img src=x onerror=alert(1)>',
              startTime: 10,
              duration: 5,
              processID: 'p',
              tags: [{ key: 'big', type: 'string', value: huge }],
            },
            { spanID: '2', references: 'nonsense', tags: 'nope', logs: [null, 3] },
            null,
            'a string',
            {
              traceID: 'abc',
              spanID: '3',
              references: [{}],
              startTime: 'soon',
              duration: { x: 1 },
            },
          ],
          processes: { p: { serviceName: '<script>' } },
        },
      ],
    });
    const result = parseTraceDocument(text);
    const spans = result.traces.reduce((n, t) => n + t.trace.spanCount, 0);
    expect(spans).toBe(5);
    const trace = result.traces.find((t) =>
      t.trace.operations.includes('<img src=x onerror=alert(1)>'),
    );
    expect(trace?.trace.services).toContain('<script>');
    expect(trace?.detail(trace.spanIndexById('1')).attributes[0]?.value.length).toBe(2_000_000);
    for (const t of result.traces)
      for (let i = 0; i < t.trace.spanCount; i++) expect(() => t.detail(i)).not.toThrow();
    expect(result.errors.join(' ')).toMatch(/could not be fully read|incomplete/);
  });

  it('rejects out-of-range detail indexes with a RangeError that says why', () => {
    const { parsed } = only(fixture('zipkin/skew.json'));
    expect(() => parsed.detail(99)).toThrow(/not in this trace/);
    expect(parsed.spanIndexById('nope')).toBe(-1);
  });
});
