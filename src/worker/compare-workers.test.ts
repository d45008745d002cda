import { afterEach, describe, expect, it, vi } from 'vitest';
import { diffTraces, type DiffCore } from '../model/diff/trace-diff';
import { CompareWorkers } from './compare-workers';
import type { WorkerRequest, WorkerResponse } from './messages';
import { runFind } from './run-find';
import { TraceEngine } from './trace-engine';
import { isAbortError, TraceWorkerClient, type WorkerLike } from './trace-worker-client';
import { fakeParseText, testTrace } from './test-fixture';
import { manualWorker, type ManualWorker } from './test-support/manual-worker';

/** A real engine in-process, replying asynchronously like a worker; records both directions. */
function engineWorker(seen: WorkerRequest[], replies: WorkerResponse[] = []): WorkerLike {
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(message) {
      seen.push(message);
      setTimeout(() => void engine.handle(message), 0);
    },
  };
  const engine = new TraceEngine(
    (message) => {
      replies.push(message);
      setTimeout(() => worker.onmessage?.({ data: message } as MessageEvent<WorkerResponse>), 0);
    },
    {
      parseText: fakeParseText,
      createStreamingParser: () => {
        throw new Error('small documents are parsed whole');
      },
      find: runFind,
      streamThresholdBytes: Number.POSITIVE_INFINITY,
    },
  );
  return worker;
}

const bytesOf = (parents: readonly number[]) =>
  new TextEncoder().encode(JSON.stringify({ parents })).buffer as ArrayBuffer;

const channels: MessageChannel[] = [];
/** `parallel`: two workers at once, as on more than 2 cores. */
function setup(parallel = true) {
  const primarySeen: WorkerRequest[] = [];
  const primaryReplies: WorkerResponse[] = [];
  const helperSeen: WorkerRequest[] = [];
  let helperStarts = 0;
  const workers = new CompareWorkers(
    new TraceWorkerClient(() => engineWorker(primarySeen, primaryReplies)),
    new TraceWorkerClient(() => {
      helperStarts++;
      return engineWorker(helperSeen);
    }),
    () => {
      const channel = new MessageChannel();
      channels.push(channel);
      return channel;
    },
    parallel,
  );
  return { workers, primarySeen, primaryReplies, helperSeen, helperStarts: () => helperStarts };
}

afterEach(() => {
  for (const channel of channels.splice(0)) {
    channel.port1.close();
    channel.port2.close();
  }
  vi.restoreAllMocks();
});

const A = [-1, 0, 0, 1, 1, 2];
const B = [-1, 0, 0, 1, 2, 2, 2];

describe('the compare page’s two trace workers', () => {
  it('load side by side, each trace in its own worker, and diff across them', async () => {
    const { workers, primarySeen, helperSeen } = setup();
    const [a, b] = await Promise.all(
      [A, B].map(async (parents, slot) => {
        const { traces } = await workers.forSlot(slot).loadFile(`${slot}.json`, bytesOf(parents));
        return traces[0];
      }),
    );
    if (!a || !b) throw new Error('not loaded');
    // A handle names its worker: odd in the primary, even in the helper.
    expect(a.handle % 2).toBe(1);
    expect(b.handle % 2).toBe(0);
    expect(helperSeen[0]?.type).toBe('connect-peer');
    expect(primarySeen.filter((r) => r.type === 'load-bytes')).toHaveLength(1);
    expect(helperSeen.filter((r) => r.type === 'load-bytes')).toHaveLength(1);

    const cores: DiffCore[] = [];
    const diff = await workers
      .differ()
      .diff([a.handle], [b.handle], 'diff', undefined, (core) => cores.push(core));
    // The rows came first, once, and are the ones the whole diff carries with its graph.
    expect(cores).toHaveLength(1);
    expect(cores[0]?.rows).toBe(diff.rows);
    expect(diff.graph.nodeOfRow).toHaveLength(diff.rows.rowCount);
    // The same diff as both traces in one place: B's columns reached the primary whole.
    const expected = diffTraces(testTrace(A), testTrace(B));
    expect(diff.matched).toBe(expected.matched);
    expect(diff.onlyInA).toBe(expected.onlyInA);
    expect(diff.onlyInB).toBe(expected.onlyInB);
    expect(Array.from(diff.rows.indexB)).toEqual(Array.from(expected.rows.indexB));
    // The helper still holds B: its details are answered by its owner.
    expect((await workers.ownerOf(b.handle).spanDetail(b.handle, 4)).spanId).toBe('span-4');
  });

  it('on 2 cores, load both traces in the primary, never start the helper, and diff the same', async () => {
    const { workers, primarySeen, helperStarts } = setup(false);
    workers.prewarm();
    // One after the other: files share one channel (the page's URL loads have one per slot, and
    // e2e/compare.spec.ts runs them at once in one worker on this project's 2-core machines).
    const a = (await workers.forSlot(0).loadFile('0.json', bytesOf(A))).traces[0];
    const b = (await workers.forSlot(1).loadFile('1.json', bytesOf(B))).traces[0];
    if (!a || !b) throw new Error('not loaded');
    expect(helperStarts()).toBe(0);
    expect(primarySeen.filter((r) => r.type === 'load-bytes')).toHaveLength(2);
    expect(primarySeen.some((r) => r.type === 'connect-peer')).toBe(false);
    expect(workers.ownerOf(b.handle)).toBe(workers.primary);
    const diff = await workers.differ().diff([a.handle], [b.handle], 'diff');
    const expected = diffTraces(testTrace(A), testTrace(B));
    expect(diff.matched).toBe(expected.matched);
    expect(diff.onlyInA).toBe(expected.onlyInA);
    expect(diff.onlyInB).toBe(expected.onlyInB);
    expect(Array.from(diff.rows.indexB)).toEqual(Array.from(expected.rows.indexB));
  });

  it('reports a trace the helper released as no longer loaded', async () => {
    const { workers } = setup();
    const a = (await workers.forSlot(0).loadFile('a.json', bytesOf(A))).traces[0];
    const b = (await workers.forSlot(1).loadFile('b.json', bytesOf(B))).traces[0];
    if (!a || !b) throw new Error('not loaded');
    workers.ownerOf(b.handle).release(b.handle);
    await expect(workers.differ().diff([a.handle], [b.handle])).rejects.toMatchObject({
      kind: 'not-found',
    });
  });

  it('stop a superseded diff in the worker instead of running it to its end', async () => {
    const { workers, primarySeen, primaryReplies } = setup();
    const wide = [-1, ...Array.from({ length: 20_000 }, () => 0)];
    const a = (await workers.forSlot(0).loadFile('a.json', bytesOf(wide))).traces[0];
    const b = (await workers.forSlot(1).loadFile('b.json', bytesOf(wide))).traces[0];
    if (!a || !b) throw new Error('not loaded');
    // Every slice overruns its budget: the diff pauses at each step, where a cancel stops it.
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 100));
    const abort = new AbortController();
    const first = workers.differ().diff([a.handle], [b.handle], 'compare-diff', abort.signal);
    const second = workers.differ().diff([a.handle], [a.handle], 'compare-diff');
    await expect(first).rejects.toSatisfy(isAbortError);
    const firstId = primarySeen.find((r) => r.type === 'diff')?.id;
    expect(primarySeen).toContainEqual({ type: 'cancel', id: firstId });
    expect((await second).onlyInA).toBe(0);
    // The worker stopped the first at a pause: it answered "cancelled", never a diff.
    expect(primaryReplies.filter((r) => r.id === firstId).map((r) => r.type)).toEqual(['error']);
  });
});

describe('a crashed compare worker', () => {
  it('is reported, ended, and replaced and linked again on the next load', async () => {
    const started: ManualWorker[] = [];
    const start = () => {
      const worker = manualWorker();
      started.push(worker);
      return worker;
    };
    const primary = new TraceWorkerClient(start);
    const helper = new TraceWorkerClient(start);
    const workers = new CompareWorkers(
      primary,
      helper,
      () => {
        const channel = new MessageChannel();
        channels.push(channel);
        return channel;
      },
      true,
    );
    const crashes: string[] = [];
    const off = workers.onCrash((error) => crashes.push(`${error.kind}: ${error.message}`));

    const loading = workers.forSlot(1).loadTrace('/api/traces/b', 'b');
    const [firstPrimary, firstHelper] = started;
    if (!firstPrimary || !firstHelper) throw new Error('not started');
    expect(firstHelper.requests.map((r) => r.type)).toEqual(['connect-peer', 'load-url']);

    firstHelper.onerror?.({ message: 'Uncaught RangeError: out of memory' } as ErrorEvent);
    await expect(loading).rejects.toMatchObject({ kind: 'worker' });
    expect(crashes).toEqual(['worker: Trace worker failed: Uncaught RangeError: out of memory']);
    expect(firstHelper.terminated).toBe(true);
    expect(firstPrimary.terminated).toBe(false);

    // Loading again starts a new helper, told its role first, and links the primary to it.
    const again = workers.forSlot(1).loadTrace('/api/traces/b', 'b');
    const newHelper = started[2];
    expect(started).toHaveLength(3);
    expect(newHelper?.requests.map((r) => r.type)).toEqual(['connect-peer', 'load-url']);
    expect(newHelper?.requests[0]).toMatchObject({ role: 'helper' });
    expect(firstPrimary.requests.filter((r) => r.type === 'connect-peer')).toHaveLength(2);

    // A crash of the primary is reported too, until the listener is removed.
    firstPrimary.onerror?.({ message: 'gone' } as ErrorEvent);
    expect(crashes).toHaveLength(2);
    off();
    newHelper?.onerror?.({ message: 'again' } as ErrorEvent);
    expect(crashes).toHaveLength(2);
    await expect(again).rejects.toMatchObject({ kind: 'worker' });
  });
});
