/** Big traces as a stream of JSON text chunks (v1 envelope or OTLP), a few thousand spans each. */
import type { BigTraceSpec } from './big-traces';
import { bigTraceServices, bigTraceSpans } from './big-traces';
import type { DemoSpan, DemoTag } from './demo-trace';
import { encodeOtlpSpan, encodeResourceSpans } from './encode-otlp';
import { encodeV1Processes, encodeV1Span, processIds } from './encode-v1';
import { resourceTags } from './demo-trace';
import { realisticResourceTags } from './realistic-spans';

export const SPANS_PER_CHUNK = 2_000;

export type WireFormat = 'v1' | 'otlp';

/**
 * The whole response body, chunk by chunk. Concatenated, the chunks are one valid JSON document:
 * a v1 `{data:[trace]}` envelope (processes after spans, as Jaeger writes them) or `{"result":…}`.
 */
export async function* bigTraceChunks(
  spec: BigTraceSpec,
  format: WireFormat,
  seed: number,
  start: number,
  spansPerChunk = SPANS_PER_CHUNK,
): AsyncGenerator<string> {
  const ids = processIds(bigTraceServices(spec.shape));
  const resourceOf = spec.profile === 'realistic' ? realisticResourceTags : resourceTags;
  yield format === 'v1'
    ? `{"data":[{"traceID":"${spec.traceId}","spans":[`
    : '{"result":{"resourceSpans":[';
  let batch: DemoSpan[] = [];
  let first = true;
  const flush = (): string => {
    const body =
      format === 'v1'
        ? batch.map((span) => encodeV1Span(span, ids.get(span.service) ?? 'p1')).join(',')
        : otlpBatch(batch, resourceOf, spec.profile === 'realistic');
    const text = (first ? '' : ',') + body;
    first = false;
    batch = [];
    return text;
  };
  for (const span of bigTraceSpans(spec, seed, start)) {
    batch.push(span);
    if (batch.length >= spansPerChunk) yield flush();
  }
  if (batch.length > 0) yield flush();
  yield format === 'v1'
    ? `],"processes":${encodeV1Processes(ids, resourceOf)},"warnings":null}],"total":1,"limit":0,"offset":0,"errors":null}`
    : ']}}';
}

/** One resourceSpans entry per service present in the batch (repeating a resource is valid OTLP). */
function otlpBatch(
  spans: readonly DemoSpan[],
  resourceOf: (service: string) => readonly DemoTag[],
  realistic: boolean,
): string {
  const byService = new Map<string, string[]>();
  for (const span of spans) {
    const list = byService.get(span.service) ?? [];
    list.push(encodeOtlpSpan(span));
    byService.set(span.service, list);
  }
  const scope = realistic
    ? 'go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp'
    : 'cairn-demo';
  return [...byService]
    .map(([service, list]) => encodeResourceSpans(service, list, resourceOf(service), scope))
    .join(',');
}

/** A ReadableStream of UTF-8 bytes, pulled chunk by chunk (backpressure: nothing is generated ahead). */
export function chunksToStream(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await chunks.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
