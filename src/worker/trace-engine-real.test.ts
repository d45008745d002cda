/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTraceDocument } from '../model/parse-document';
import { FIXTURE_ROOT } from '../model/test-support/fixture-index';
import { createStreamingParser } from '../model/stream/streaming-parser';
import type { LoadedTrace, WorkerResponse } from './messages';
import { runFind } from './run-find';
import { TraceEngine } from './trace-engine';

/** A real Jaeger UI fixture through the real parsers, whole and streamed, must load the same. */
const fixture = readFileSync(`${FIXTURE_ROOT}/jaeger-ui/TraceFlamegraph-testTrace.json`);

async function load(
  streamThresholdBytes: number,
): Promise<{ trace: LoadedTrace; engine: TraceEngine; last: () => WorkerResponse | undefined }> {
  const posted: WorkerResponse[] = [];
  const engine = new TraceEngine((message) => posted.push(message), {
    parseText: parseTraceDocument,
    createStreamingParser,
    find: runFind,
    streamThresholdBytes,
  });
  const bytes = fixture.buffer.slice(
    fixture.byteOffset,
    fixture.byteOffset + fixture.byteLength,
  ) as ArrayBuffer;
  await engine.handle({ type: 'load-bytes', id: 1, name: 'testTrace.json', bytes });
  const reply = posted[posted.length - 1];
  if (reply?.type !== 'loaded' || !reply.traces[0])
    throw new Error(`not loaded: ${JSON.stringify(reply)}`);
  return { trace: reply.traces[0], engine, last: () => posted[posted.length - 1] };
}

describe('TraceEngine with the real parsers', () => {
  it('loads a real trace the same whole and streamed, and serves details after the transfer', async () => {
    const whole = await load(Number.POSITIVE_INFINITY);
    const streamed = await load(0);
    expect(whole.trace.spanCount).toBeGreaterThan(0);
    expect(streamed.trace.spanCount).toBe(whole.trace.spanCount);
    expect(Array.from(streamed.trace.columns.subtreeEnd)).toEqual(
      Array.from(whole.trace.columns.subtreeEnd),
    );

    const last = whole.trace.spanCount - 1;
    await streamed.engine.handle({
      type: 'span-detail',
      id: 2,
      handle: streamed.trace.handle,
      index: last,
    });
    const reply = streamed.last();
    expect(reply?.type === 'span-detail' && reply.detail.index).toBe(last);

    const service = whole.trace.services[0] ?? '';
    await whole.engine.handle({ type: 'find', id: 3, handle: whole.trace.handle, query: service });
    const found = whole.last();
    expect(found?.type === 'find-result' && found.matches.length).toBeGreaterThan(0);
  });
});
