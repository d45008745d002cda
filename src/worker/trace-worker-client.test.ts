import { describe, expect, it } from 'vitest';
import { runFind } from './run-find';
import type { LoadedTrace, WorkerRequest, WorkerResponse } from './messages';
import { TraceEngine } from './trace-engine';
import { isAbortError, TraceWorkerClient, type WorkerLike } from './trace-worker-client';
import { manualWorker } from './test-support/manual-worker';
import { fakeParseText, testParsed, testTrace } from './test-fixture';

/** Runs the real engine in-process, replying asynchronously like a worker would. */
function engineWorker(): WorkerLike & { requests: WorkerRequest[] } {
  const worker: WorkerLike & { requests: WorkerRequest[] } = {
    requests: [],
    onmessage: null,
    onerror: null,
    postMessage(message) {
      worker.requests.push(message);
      setTimeout(() => void engine.handle(message), 0);
    },
  };
  const engine = new TraceEngine(
    (message) =>
      setTimeout(() => worker.onmessage?.({ data: message } as MessageEvent<WorkerResponse>), 0),
    {
      parseText: fakeParseText,
      createStreamingParser: () => {
        throw new Error('unused');
      },
      find: runFind,
    },
  );
  return worker;
}

const fileBytes = () =>
  new TextEncoder().encode(JSON.stringify({ parents: [-1, 0, 0] })).buffer as ArrayBuffer;

describe('TraceWorkerClient', () => {
  it('loads a file and fetches a span detail through the engine', async () => {
    const client = new TraceWorkerClient(engineWorker);
    const { traces } = await client.loadFile('t.json', fileBytes());
    const handle = traces[0]?.handle ?? -1;
    expect(traces[0]?.spanCount).toBe(3);
    const detail = await client.spanDetail(handle, 2);
    expect(detail.spanId).toBe('span-2');
    expect(await client.spanIndexById(handle, 'span-1')).toBe(1);
    expect(Array.from(await client.find(handle, 'frontend'))).toEqual([0, 2]);
  });

  it('latest wins: an older request on the channel is rejected and its late reply dropped', async () => {
    const worker = manualWorker();
    const client = new TraceWorkerClient(() => worker);
    const first = client.spanDetail(1, 0);
    const second = client.spanDetail(1, 1);
    await expect(first).rejects.toSatisfy(isAbortError);
    const detail = testParsed(testTrace([-1, 0])).detail(1);
    const [a, b] = worker.requests;
    // The stale reply arrives after the fresh one was asked for: it must not resolve anything.
    worker.reply({ type: 'span-detail', id: a?.id ?? 0, detail: { ...detail, spanId: 'stale' } });
    worker.reply({ type: 'span-detail', id: b?.id ?? 0, detail });
    expect((await second).spanId).toBe('span-1');
  });

  it('checks every reply against the request → reply map: a reply of another kind rejects', async () => {
    const worker = manualWorker();
    const client = new TraceWorkerClient(() => worker);
    const asked = client.request('find', { handle: 1, query: 'x' });
    worker.reply({ type: 'span-index', id: worker.requests[0]?.id ?? 0, index: 3 });
    await expect(asked).rejects.toThrow("Unexpected worker reply 'span-index'");
  });

  it('requests without a channel run side by side; their signal cancels them in the worker', async () => {
    const worker = manualWorker();
    const client = new TraceWorkerClient(() => worker);
    const abort = new AbortController();
    const first = client.request('span-detail', { handle: 1, index: 0 }, { signal: abort.signal });
    const second = client.request('span-detail', { handle: 1, index: 1 });
    abort.abort();
    await expect(first).rejects.toSatisfy(isAbortError);
    expect(worker.requests[2]).toEqual({ type: 'cancel', id: worker.requests[0]?.id });
    const detail = testParsed(testTrace([-1, 0])).detail(1);
    worker.reply({ type: 'span-detail', id: worker.requests[1]?.id ?? 0, detail });
    expect((await second).detail.spanId).toBe('span-1');
  });

  it('analyzes and bins through the engine', async () => {
    const client = new TraceWorkerClient(engineWorker);
    const handle = (await client.loadFile('t.json', fileBytes())).traces[0]?.handle ?? -1;
    const analysis = await client.analyze(handle);
    expect(analysis.skew.adjustedStart.length).toBe(3);
    expect(analysis.criticalPath.total).toBeGreaterThan(0);
    const bins = await client.minimapBins(handle, 20, 3, 'raw');
    expect(bins.rowService.length).toBe(3);
  });

  it('latest wins on the analysis channel, without touching other channels', async () => {
    const worker = manualWorker();
    const client = new TraceWorkerClient(() => worker);
    const older = client.analyze(1);
    const detail = client.spanDetail(1, 0);
    const newer = client.analyze(2);
    await expect(older).rejects.toSatisfy(isAbortError);
    const [a, d, b] = worker.requests;
    expect([a?.type, d?.type, b?.type]).toEqual(['analyze', 'span-detail', 'analyze']);
    const analysisOf = (total: number) => ({
      skew: {
        adjustedStart: new Float64Array(1),
        adjusted: new Int32Array(0),
        deltas: new Float64Array(0),
        shiftedCount: 0,
        adjustedFirst: 0,
        adjustedLast: 0,
      },
      criticalPath: {
        segments: new Float64Array(0),
        perSpan: new Float64Array(1),
        perService: new Float64Array(1),
        total,
      },
      siblings: { count: 0, ints: new Int32Array(0), times: new Float64Array(0) },
    });
    // The stale reply arrives last-but-one: dropped, it must not resolve the newer request.
    const viewRows = { rows: new Int32Array(1), kinds: new Uint8Array(1), ends: new Int32Array(1) };
    worker.reply({ type: 'analysis', id: a?.id ?? 0, analysis: analysisOf(1), viewRows });
    worker.reply({ type: 'analysis', id: b?.id ?? 0, analysis: analysisOf(2), viewRows });
    worker.reply({
      type: 'span-detail',
      id: d?.id ?? 0,
      detail: testParsed(testTrace([-1])).detail(0),
    });
    expect((await newer).criticalPath.total).toBe(2);
    expect((await detail).spanId).toBe('span-0');

    const smaller = client.minimapBins(2, 10, 5, 'raw');
    const larger = client.minimapBins(2, 20, 5, 'raw');
    await expect(smaller).rejects.toSatisfy(isAbortError);
    const bins = (width: number) => ({
      width,
      height: 5,
      density: new Float32Array(width * 5),
      rowService: new Int32Array(5),
      maxDensity: 0,
    });
    const [, , , s, l] = worker.requests;
    worker.reply({ type: 'minimap-bins', id: s?.id ?? 0, bins: bins(10) });
    worker.reply({ type: 'minimap-bins', id: l?.id ?? 0, bins: bins(20) });
    expect((await larger).width).toBe(20);
  });

  it('separate channels do not supersede each other', async () => {
    const worker = manualWorker();
    const client = new TraceWorkerClient(() => worker);
    const left = client.spanDetail(1, 0, 'left');
    const right = client.spanDetail(2, 0, 'right');
    const detail = testParsed(testTrace([-1])).detail(0);
    for (const request of worker.requests)
      worker.reply({ type: 'span-detail', id: request.id, detail });
    await expect(Promise.all([left, right])).resolves.toHaveLength(2);
  });

  it('an aborted load is cancelled in the worker', async () => {
    const worker = manualWorker();
    const client = new TraceWorkerClient(() => worker);
    const abort = new AbortController();
    const load = client.loadTrace('http://x/t', 't', { signal: abort.signal });
    abort.abort();
    await expect(load).rejects.toSatisfy(isAbortError);
    expect(worker.requests.map((r) => r.type)).toEqual(['load-url', 'cancel']);
    expect(worker.requests[1]?.id).toBe(worker.requests[0]?.id);
  });

  it('frees the traces of a load that finished as it was cancelled (its late reply)', async () => {
    const worker = manualWorker();
    const client = new TraceWorkerClient(() => worker);
    const abort = new AbortController();
    const load = client.loadTrace('http://x/t', 't', { signal: abort.signal });
    abort.abort();
    await expect(load).rejects.toSatisfy(isAbortError);
    // The worker had already made two traces and posted them when the cancel reached it.
    const traces = [{ handle: 7 }, { handle: 9 }] as unknown as readonly LoadedTrace[];
    worker.reply({ type: 'loaded', id: worker.requests[0]?.id ?? 0, traces });
    expect(worker.requests.map((r) => (r.type === 'release' ? r.handle : r.type))).toEqual([
      'load-url',
      'cancel',
      7,
      9,
    ]);
  });

  it('passes progress and maps worker errors to TraceWorkerError', async () => {
    const worker = manualWorker();
    const client = new TraceWorkerClient(() => worker);
    const progress: number[] = [];
    const load = client.loadTrace('http://x/t', 't', {
      onProgress: (p) => progress.push(p.bytesReceived),
    });
    const id = worker.requests[0]?.id ?? 0;
    worker.reply({ type: 'progress', id, bytesReceived: 10, bytesTotal: 100, spansParsed: 0 });
    worker.reply({
      type: 'error',
      id,
      error: { kind: 'http', status: 404, url: 'http://x/t', message: 'HTTP 404' },
    });
    await expect(load).rejects.toMatchObject({
      name: 'TraceWorkerError',
      status: 404,
      url: 'http://x/t',
    });
    expect(progress).toEqual([10]);
  });
});
