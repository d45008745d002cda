import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildFlameTree } from '../model/analysis/flame-tree';
import { sortSpans, type SpanColumn } from '../model/analysis/span-sort';
import { computeSpanPairs } from '../model/analysis/span-pairs';
import { parseTraceDocument } from '../model/parse-document';
import { createStreamingParser } from '../model/stream/streaming-parser';
import { FIXTURE_ROOT } from '../model/test-support/fixture-index';
import type { WorkerResponse } from './messages';
import { runFind } from './run-find';
import { TraceEngine } from './trace-engine';

// Many equal durations and services: ties must keep tree order in both directions.
const path = 'jaeger-pr9263/n_plus_one_positive.json';

async function setup() {
  const posted: { message: WorkerResponse; transfer: Transferable[] }[] = [];
  const engine = new TraceEngine((message, transfer = []) => posted.push({ message, transfer }), {
    parseText: parseTraceDocument,
    createStreamingParser,
    find: runFind,
  });
  const file = readFileSync(`${FIXTURE_ROOT}/${path}`);
  await engine.handle({
    type: 'load-bytes',
    id: 1,
    name: path,
    bytes: file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer,
  });
  const loaded = posted[posted.length - 1]?.message;
  if (loaded?.type !== 'loaded' || !loaded.traces[0]) throw new Error('not loaded');
  const parsed = parseTraceDocument(file.toString('utf8')).traces[0];
  if (!parsed) throw new Error('no trace');
  return {
    engine,
    handle: loaded.traces[0].handle,
    trace: parsed.trace,
    last: () => posted[posted.length - 1],
  };
}

describe('TraceEngine views', () => {
  it('sort-spans answers what sortSpans computes, both directions, from one cached sort', async () => {
    const { engine, handle, trace, last } = await setup();
    let id = 10;
    for (const column of [
      'service',
      'operation',
      'start',
      'duration',
      'self',
      'error',
    ] satisfies SpanColumn[]) {
      for (const descending of [false, true, false]) {
        await engine.handle({ type: 'sort-spans', id: ++id, handle, column, descending });
        const reply = last();
        if (reply?.message.type !== 'span-order')
          throw new Error(`expected span-order, got ${JSON.stringify(reply?.message)}`);
        expect([...reply.message.order]).toEqual([...sortSpans(trace, column, descending)]);
        expect(reply.transfer).toEqual([reply.message.order.buffer]);
      }
    }
  });

  it('flame-tree answers what buildFlameTree computes, every array transferred', async () => {
    const { engine, handle, trace, last } = await setup();
    await engine.handle({ type: 'flame-tree', id: 5, handle });
    const reply = last();
    if (reply?.message.type !== 'flame-tree')
      throw new Error(`expected flame-tree, got ${JSON.stringify(reply?.message)}`);
    expect(reply.message.tree).toEqual(
      buildFlameTree(trace.columns, computeSpanPairs(trace.columns, trace.operations.length)),
    );
    expect(reply.transfer).toHaveLength(9);
  });

  it('reports not-found for a released handle', async () => {
    const { engine, handle, last } = await setup();
    await engine.handle({ type: 'release', id: 2, handle });
    await engine.handle({ type: 'sort-spans', id: 3, handle, column: 'start', descending: false });
    expect(last()?.message).toMatchObject({ type: 'error', id: 3, error: { kind: 'not-found' } });
    await engine.handle({ type: 'flame-tree', id: 4, handle });
    expect(last()?.message).toMatchObject({ type: 'error', id: 4, error: { kind: 'not-found' } });
  });
});
