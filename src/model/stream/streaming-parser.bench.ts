// @vitest-environment node
/**
 * `npx vitest bench --run src/model/stream` — throughput of the streaming parser alone (scanner,
 * adapters, tree build: push + finish) on the demo generator's 100k-span trace in the realistic
 * profile, as Jaeger v1 and as OTLP (with the one-pass byte reader and with the JSON.parse
 * reference path), fed in 1 MiB chunks as a fetch body would arrive. Each bench prints its best
 * MB/s (the machine is shared: the fastest run is the least disturbed one). Nothing asserts a time.
 */
import { bench, describe } from 'vitest';
import { createStreamingParser } from './streaming-parser';
import { parseBigTraceId, bigTraceId } from '../../mocks/big-traces';
import { bigTraceChunks } from '../../mocks/big-trace-stream';
import type { WireFormat } from '../../mocks/big-trace-stream';

const SPANS = 100_000;
/** Chunk size of the fed stream: 1 MiB, the order of what a browser fetch reader delivers at most. */
const CHUNK = 1 << 20;

async function document(format: WireFormat): Promise<Uint8Array[]> {
  const spec = parseBigTraceId(bigTraceId('random', SPANS, 'realistic'));
  if (spec === undefined) throw new Error('bad big trace id');
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const text of bigTraceChunks(spec, format, 7, 1.7e15)) {
    const bytes = encoder.encode(text);
    parts.push(bytes);
    total += bytes.length;
  }
  const whole = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    whole.set(part, at);
    at += part.length;
  }
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < total; i += CHUNK) chunks.push(whole.subarray(i, i + CHUNK));
  return chunks;
}

function parseAll(chunks: readonly Uint8Array[], byteReading: boolean): number {
  const parser = createStreamingParser({ byteReading });
  for (const chunk of chunks) parser.push(chunk);
  const result = parser.finish();
  return result.traces[0]?.trace.spanCount ?? 0;
}

const inputs = { v1: await document('v1'), otlp: await document('otlp') };

describe('streaming parser, 100k spans, 1 MiB chunks', () => {
  for (const [format, byteReading] of [
    ['v1', true],
    ['otlp', true],
    ['otlp', false],
  ] as const) {
    const chunks = inputs[format];
    const label = `${format}${format === 'otlp' ? (byteReading ? ' one-pass' : ' JSON.parse per span') : ''}`;
    const megabytes = chunks.reduce((sum, c) => sum + c.length, 0) / 1e6;
    let best = Number.POSITIVE_INFINITY;
    bench(
      `${label} (${megabytes.toFixed(1)} MB)`,
      () => {
        const t0 = performance.now();
        const spans = parseAll(chunks, byteReading);
        best = Math.min(best, performance.now() - t0);
        if (spans !== SPANS) throw new Error(`parsed ${spans} spans, expected ${SPANS}`);
      },
      {
        iterations: 8,
        time: 0,
        warmupIterations: 2,
        teardown: (_task, mode) => {
          if (mode === 'run')
            console.log(
              `[parser throughput] ${label}: best ${(megabytes / (best / 1000)).toFixed(1)} MB/s (${best.toFixed(0)} ms for ${megabytes.toFixed(1)} MB)`,
            );
        },
      },
    );
  }
});
