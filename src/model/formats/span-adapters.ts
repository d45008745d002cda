import type { SpanRecord } from '../build/span-record';
import type { DetailEnv, DetailParts } from './detail-parts';
import type { SpanContext, SpanFormat } from './span-context';
import { jaegerDetail, readJaegerSpan } from './jaeger-span';
import { otlpDetail, readOtlpSpan } from './otlp-span';
import { readZipkinSpan, zipkinDetail } from './zipkin-span';

/**
 * The per-format span adapters, chosen by the span's context. Both the one-shot and the streaming
 * parser go through these, so a span reads the same whichever path delivered it.
 */
interface SpanAdapter {
  read(raw: unknown, context: SpanContext, out: SpanRecord): void;
  detail(raw: unknown, context: SpanContext, env: DetailEnv): DetailParts;
}

const ADAPTERS: Readonly<Record<SpanFormat, SpanAdapter>> = {
  'jaeger-v1': { read: readJaegerSpan, detail: jaegerDetail },
  'jaeger-domain': { read: readJaegerSpan, detail: jaegerDetail },
  otlp: { read: readOtlpSpan, detail: otlpDetail },
  'zipkin-v2': { read: readZipkinSpan, detail: zipkinDetail },
};

export const adapterFor = (format: SpanFormat): SpanAdapter => ADAPTERS[format];
