// @vitest-environment node
/**
 * `npx vitest bench src/model` — timings of the 1M-span paths: tree build from span records, and
 * a streamed 1M-span Jaeger v1 response (~410 MB) through scanner, adapters and builder. A
 * benchmark, not a test: nothing here asserts a time.
 */
import { bench, describe } from 'vitest';
import { TraceBuilder } from './trace-builder';
import { createSpanRecord } from './span-record';
import { createStreamingParser } from '../stream/streaming-parser';

const N = 1_000_000;
const TRACE = 'abcdef0123456789';
// Random-looking 64-bit hex ids, as tracers make them (1 in 16 starts with '0'), round-tripped
// through JSON so they are flat strings like those the adapters get from JSON.parse.
const ids = roundTrip(
  Array.from({ length: N }, (_, i) => {
    const high = Math.imul(i + 1, 0x9e3779b1) >>> 0;
    const low = Math.imul(i ^ 0x5bd1e995, 0x85ebca6b) >>> 0;
    return high.toString(16).padStart(8, '0') + low.toString(16).padStart(8, '0');
  }),
);

function roundTrip(values: string[]): string[] {
  const parsed: unknown = JSON.parse(JSON.stringify(values));
  return Array.isArray(parsed) ? parsed.map(String) : [];
}
const parents = new Int32Array(N);
const starts = new Float64Array(N);
let seed = 42;
const random = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
// A bushy random tree: each span's parent is a random earlier span, starting after it.
for (let i = 1; i < N; i++) {
  const p = Math.floor(random() * i);
  parents[i] = p;
  starts[i] = (starts[p] ?? 0) + Math.floor(random() * 1000);
}
const services = Array.from({ length: 20 }, (_, k) => `svc-${k}`);
const operations = Array.from({ length: 200 }, (_, k) => `op-${k}`);

function buildMillion(): void {
  const builder = new TraceBuilder();
  const record = createSpanRecord();
  for (let i = 0; i < N; i++) {
    record.traceId = TRACE;
    record.spanId = ids[i] ?? '';
    record.parentSpanId = i === 0 ? '' : (ids[parents[i] ?? 0] ?? '');
    record.start = 1.7e15 + (starts[i] ?? 0);
    record.duration = 500;
    record.service = services[i % 20] ?? '';
    record.operation = operations[i % 200] ?? '';
    record.source = i;
    builder.add(record);
  }
  builder.finish('jaeger-v1');
}

function jaegerResponse(): Uint8Array[] {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [encoder.encode(`{"data":[{"traceID":"${TRACE}","spans":[`)];
  let batch = '';
  for (let i = 0; i < N; i++) {
    const ref =
      i === 0
        ? ''
        : `{"refType":"CHILD_OF","traceID":"${TRACE}","spanID":"${ids[parents[i] ?? 0] ?? ''}"}`;
    batch += `${i ? ',' : ''}{"traceID":"${TRACE}","spanID":"${ids[i] ?? ''}","operationName":"op-${i % 200}","references":[${ref}],"startTime":${1.7e15 + (starts[i] ?? 0)},"duration":500,"tags":[{"key":"span.kind","type":"string","value":"server"},{"key":"http.url","type":"string","value":"https://example.com/api/items/${i}"}],"logs":[],"processID":"p${i % 20}","warnings":null}`;
    if (batch.length > 1 << 20) {
      chunks.push(encoder.encode(batch));
      batch = '';
    }
  }
  const processes = services
    .map((name, k) => `"p${k}":{"serviceName":"${name}","tags":[]}`)
    .join(',');
  chunks.push(
    encoder.encode(
      `${batch}],"processes":{${processes}}}],"total":0,"limit":0,"offset":0,"errors":null}`,
    ),
  );
  return chunks;
}

describe('1M spans', () => {
  bench('TraceBuilder: add + finish', buildMillion, {
    iterations: 3,
    time: 0,
    warmupIterations: 1,
  });
  const chunks = jaegerResponse();
  bench(
    'streaming parse of a Jaeger v1 response',
    () => {
      const parser = createStreamingParser();
      for (const chunk of chunks) parser.push(chunk);
      parser.finish();
    },
    { iterations: 1, time: 0, warmupIterations: 0 },
  );
});
