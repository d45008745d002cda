import { describe, expect, it } from 'vitest';
import { parseTraceDocument } from '../parse-document';
import { SpanFlag } from '../trace';

/** One OTLP resource with a root and a child, the child's times as given. */
function otlp(child: Record<string, string>) {
  const span = (id: string, extra: Record<string, string>) => ({
    traceId: '0af7651916cd43dd8448eb211c80319c',
    spanId: id,
    name: id,
    ...extra,
  });
  return JSON.stringify({
    resourceSpans: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: 'svc' } }] },
        scopeSpans: [
          {
            spans: [
              span('00000000000000a1', {
                startTimeUnixNano: '1700000000000000000',
                endTimeUnixNano: '1700000000010000000',
              }),
              span('00000000000000b2', { parentSpanId: '00000000000000a1', ...child }),
            ],
          },
        ],
      },
    ],
  });
}

describe('OTLP spans without a start', () => {
  it('keep the duration Jaeger sent as the end of a zero start', () => {
    // Jaeger's v3 API writes a span recorded with startTime 0 and 5 ms as end = 0 + 5 ms.
    const [parsed] = parseTraceDocument(otlp({ endTimeUnixNano: '5000000' })).traces;
    const columns = parsed?.trace.columns;
    expect(columns?.duration[1]).toBe(5000);
    expect((columns?.flags[1] ?? 0) & SpanFlag.BadTiming).not.toBe(0);
    expect(parsed?.detail(1).duration).toBe(5000);
  });

  it('leave the duration unknown when only a real end time is there', () => {
    const [parsed] = parseTraceDocument(otlp({ endTimeUnixNano: '1700000000005000000' })).traces;
    expect(parsed?.trace.columns.duration[1]).toBe(0);
    expect((parsed?.trace.columns.flags[1] ?? 0) & SpanFlag.BadTiming).not.toBe(0);
  });
});
