/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { adjustClockSkew } from '../model/analysis/clock-skew';
import { computeCriticalPath } from '../model/analysis/critical-path';
import { findRepeatedSiblings } from '../model/analysis/repeated-siblings';
import { unpackSiblingGroups } from '../model/analysis/trace-analysis';
import { binMinimap, recordedAxis } from '../model/minimap-bins';
import { parseTraceDocument } from '../model/parse-document';
import { buildFoldIndex, computeRowSet, RowKind } from '../model/row-filter';
import { createStreamingParser } from '../model/stream/streaming-parser';
import { FIXTURE_ROOT } from '../model/test-support/fixture-index';
import type { LoadedTrace, WorkerResponse } from './messages';
import { runFind } from './run-find';
import { TraceEngine } from './trace-engine';

interface Posted {
  readonly message: WorkerResponse;
  readonly transfer: Transferable[];
}

async function loadFixture(path: string) {
  const posted: Posted[] = [];
  const engine = new TraceEngine((message, transfer = []) => posted.push({ message, transfer }), {
    parseText: parseTraceDocument,
    createStreamingParser,
    find: runFind,
  });
  const file = readFileSync(`${FIXTURE_ROOT}/${path}`);
  const bytes = file.buffer.slice(
    file.byteOffset,
    file.byteOffset + file.byteLength,
  ) as ArrayBuffer;
  await engine.handle({ type: 'load-bytes', id: 1, name: path, bytes });
  const reply = posted[posted.length - 1]?.message;
  if (reply?.type !== 'loaded' || !reply.traces[0])
    throw new Error(`not loaded: ${JSON.stringify(reply)}`);
  const last = () => posted[posted.length - 1];
  return { engine, trace: reply.traces[0], last };
}

/** The model functions called directly on the same fixture, as the main thread used to. */
function direct(path: string) {
  const parsed = parseTraceDocument(readFileSync(`${FIXTURE_ROOT}/${path}`, 'utf8')).traces[0];
  if (!parsed) throw new Error(`no trace in ${path}`);
  const { columns, services } = parsed.trace;
  const skew = adjustClockSkew(columns);
  const criticalPath = computeCriticalPath(
    columns,
    services.length,
    skew.shiftedCount > 0 ? { start: skew.adjustedStart } : {},
  );
  return { trace: parsed.trace, skew, criticalPath, siblings: findRepeatedSiblings(columns) };
}

async function analyze(
  engine: TraceEngine,
  trace: LoadedTrace,
  id: number,
  last: () => Posted | undefined,
) {
  await engine.handle({ type: 'analyze', id, handle: trace.handle });
  const posted = last();
  if (posted?.message.type !== 'analysis')
    throw new Error(`expected analysis, got ${JSON.stringify(posted?.message)}`);
  const { analysis, viewRows } = posted.message;
  return { analysis, viewRows, transfer: posted.transfer };
}

const minimapRequest = (handle: number) =>
  ({ type: 'minimap-bins', id: 4, handle, width: 300, height: 40, timeMode: 'raw' }) as const;

describe.each([
  'zipkin/skew.json',
  'jaeger-ui-pr4129/getTrace-response.json',
  'jaeger-pr9263/n_plus_one_positive.json',
])('TraceEngine analyze on %s', (path) => {
  it('equals the model functions called directly', async () => {
    const { engine, trace, last } = await loadFixture(path);
    const { analysis, viewRows, transfer } = await analyze(engine, trace, 2, last);
    const expected = direct(path);
    expect(Array.from(analysis.skew.adjustedStart)).toEqual(
      Array.from(expected.skew.adjustedStart),
    );
    expect(Array.from(analysis.skew.adjusted)).toEqual(Array.from(expected.skew.adjusted));
    expect(Array.from(analysis.skew.deltas)).toEqual(Array.from(expected.skew.deltas));
    expect(analysis.skew.shiftedCount).toBe(expected.skew.shiftedCount);
    expect(analysis.skew.adjustedFirst).toBe(expected.skew.adjustedFirst);
    expect(analysis.skew.adjustedLast).toBe(expected.skew.adjustedLast);
    expect(Array.from(analysis.criticalPath.segments)).toEqual(
      Array.from(expected.criticalPath.segments),
    );
    expect(Array.from(analysis.criticalPath.perSpan)).toEqual(
      Array.from(expected.criticalPath.perSpan),
    );
    expect(Array.from(analysis.criticalPath.perService)).toEqual(
      Array.from(expected.criticalPath.perService),
    );
    expect(analysis.criticalPath.total).toBe(expected.criticalPath.total);
    expect(unpackSiblingGroups(analysis.siblings)).toEqual(expected.siblings);
    // The default view's rows: what the page's row pass gives for nothing collapsed, every run
    // folded (the N+1 fixture has runs to fold); none are sent for a trace without runs.
    const { columns } = expected.trace;
    const folded = computeRowSet(columns, {
      collapsed: new Uint8Array(columns.spanCount),
      folds: buildFoldIndex(columns, expected.siblings),
    });
    expect(viewRows === null).toBe(expected.siblings.length === 0);
    if (viewRows) {
      expect(Array.from(viewRows.rows)).toEqual(Array.from(folded.rows));
      expect(Array.from(viewRows.kinds)).toEqual(Array.from(folded.kinds));
      expect(Array.from(viewRows.ends)).toEqual(Array.from(folded.ends));
      expect(transfer).toContain(viewRows.rows.buffer);
    }
    if (path.includes('n_plus_one'))
      expect(Array.from(viewRows?.kinds ?? [])).toContain(RowKind.Folded);
    // Every array travels as a transferred buffer, none twice.
    expect(transfer).toContain(analysis.skew.adjustedStart.buffer);
    expect(transfer).toContain(analysis.criticalPath.perSpan.buffer);
    expect(new Set(transfer).size).toBe(transfer.length);
  });

  it('answers minimap-bins with what binMinimap computes', async () => {
    const { engine, trace, last } = await loadFixture(path);
    await engine.handle({
      type: 'minimap-bins',
      id: 3,
      handle: trace.handle,
      width: 300,
      height: 40,
      timeMode: 'raw',
    });
    const posted = last();
    if (posted?.message.type !== 'minimap-bins') throw new Error('expected minimap-bins');
    const { trace: model, skew } = direct(path);
    const axis = recordedAxis(model.columns, model.duration);
    expect(posted.message.bins).toEqual(
      binMinimap(model.columns, axis, 300, 40, model.services.length),
    );
    expect(posted.transfer).toContain(posted.message.bins.density.buffer);

    // On the adjusted axis: adjusted starts, from the adjusted trace's first start to its end.
    await engine.handle({ ...minimapRequest(trace.handle), timeMode: 'adjusted' });
    const adjusted = last();
    if (adjusted?.message.type !== 'minimap-bins') throw new Error('expected minimap-bins');
    const adjustedAxis =
      skew.shiftedCount > 0
        ? {
            start: skew.adjustedStart,
            origin: skew.adjustedFirst,
            duration: skew.adjustedLast - skew.adjustedFirst,
          }
        : axis;
    expect(adjusted.message.bins).toEqual(
      binMinimap(model.columns, adjustedAxis, 300, 40, model.services.length),
    );
  });
});

describe('TraceEngine analyze caching and release', () => {
  const path = 'zipkin/skew.json';

  it('caches per handle and transfers a fresh copy each time', async () => {
    const { engine, trace, last } = await loadFixture(path);
    const first = await analyze(engine, trace, 2, last);
    const second = await analyze(engine, trace, 3, last);
    expect(second.analysis.skew.adjustedStart).not.toBe(first.analysis.skew.adjustedStart);
    expect(Array.from(second.analysis.skew.adjustedStart)).toEqual(
      Array.from(first.analysis.skew.adjustedStart),
    );
    // Detaching the first reply's buffers (as postMessage does) must not touch the cache.
    structuredClone(first.analysis, { transfer: first.transfer });
    const third = await analyze(engine, trace, 4, last);
    expect(third.analysis.skew.adjustedStart.length).toBe(trace.spanCount);
  });

  it('reports not-found for a released handle, also when released mid-analysis', async () => {
    const { engine, trace, last } = await loadFixture(path);
    const running = engine.handle({ type: 'analyze', id: 5, handle: trace.handle });
    // The first phase ran synchronously; the release lands at its yield.
    await engine.handle({ type: 'release', id: 6, handle: trace.handle });
    await running;
    expect(last()?.message).toMatchObject({ type: 'error', id: 5, error: { kind: 'not-found' } });
    await engine.handle({ type: 'analyze', id: 7, handle: trace.handle });
    expect(last()?.message).toMatchObject({ type: 'error', id: 7, error: { kind: 'not-found' } });
  });

  it('answers a span-detail request queued behind the analysis between its phases', async () => {
    const { engine, trace, last } = await loadFixture(path);
    const order: string[] = [];
    const running = engine
      .handle({ type: 'analyze', id: 8, handle: trace.handle })
      .then(() => order.push('analysis'));
    await engine.handle({ type: 'span-detail', id: 9, handle: trace.handle, index: 0 });
    order.push(last()?.message.type ?? '');
    await running;
    expect(order).toEqual(['span-detail', 'analysis']);
  });
});
