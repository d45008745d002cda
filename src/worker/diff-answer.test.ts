import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LoadedTrace, WorkerResponse } from './messages';
import { runFind } from './run-find';
import { TraceEngine } from './trace-engine';
import { fakeParseText } from './test-fixture';

function setup() {
  const posted: { message: WorkerResponse; transfer: Transferable[] }[] = [];
  const engine = new TraceEngine(
    (message, transfer) => posted.push({ message, transfer: transfer ?? [] }),
    {
      parseText: fakeParseText,
      createStreamingParser: () => {
        throw new Error('small documents are parsed whole');
      },
      find: runFind,
      streamThresholdBytes: Number.POSITIVE_INFINITY,
    },
  );
  let id = 1;
  const load = async (parents: number[]): Promise<LoadedTrace> => {
    const bytes = new TextEncoder().encode(JSON.stringify({ parents })).buffer as ArrayBuffer;
    await engine.handle({ type: 'load-bytes', id: id++, name: 'test.json', bytes });
    const reply = posted.at(-1)?.message;
    if (reply?.type !== 'loaded' || !reply.traces[0]) throw new Error(JSON.stringify(reply));
    return reply.traces[0];
  };
  return { engine, posted, load };
}

describe('the worker diff', () => {
  it('diffs two loaded traces and transfers the rows; a released trace is reported', async () => {
    const { engine, posted, load } = setup();
    const a = await load([-1, 0, 0, 1]);
    const b = await load([-1, 0, 0, 1, 1]);
    await engine.handle({ type: 'diff', id: 10, handlesA: [a.handle], handlesB: [b.handle] });
    // The rows and totals first, then the graph: both transferred.
    const [first, last] = posted.slice(-2);
    if (first?.message.type !== 'diff-core') throw new Error(JSON.stringify(first?.message));
    if (last?.message.type !== 'diff') throw new Error(JSON.stringify(last?.message));
    const { core } = first.message;
    expect(core.matched + core.onlyInA).toBe(4);
    expect(core.matched + core.onlyInB).toBe(5);
    expect(core.onlyInB).toBeGreaterThan(0);
    expect(first.transfer).toContain(core.rows.indexA.buffer);
    expect(first.transfer).toContain(core.totals.totalA.buffer);
    const { graph } = last.message;
    expect(last.transfer).toContain(graph.parent.buffer);
    // The graph was built from rows the page did not get (those were transferred).
    expect(graph.nodeOfRow.length).toBe(core.rows.rowCount);
    expect(core.rows.indexA.byteLength).toBe(core.rows.rowCount * 4);

    await engine.handle({ type: 'release', id: 11, handle: b.handle });
    await engine.handle({ type: 'diff', id: 12, handlesA: [a.handle], handlesB: [b.handle] });
    const gone = posted.at(-1)?.message;
    expect(gone?.type === 'error' && gone.error.kind).toBe('not-found');
  });

  it('compares a trace with the median of several', async () => {
    const { engine, posted, load } = setup();
    const a = await load([-1, 0, 0]);
    const others = [await load([-1, 0, 0]), await load([-1, 0, 0, 0]), await load([-1, 0])];
    await engine.handle({
      type: 'diff',
      id: 20,
      handlesA: [a.handle],
      handlesB: others.map((t) => t.handle),
    });
    const reply = posted.at(-2)?.message;
    if (reply?.type !== 'diff-core') throw new Error(JSON.stringify(reply));
    // Every span of A is in at least two of the three others.
    expect(reply.core.matched).toBe(3);
    expect(reply.core.onlyInB).toBe(0);
    expect(posted.at(-1)?.message.type).toBe('diff');

    // The median on side A instead: built on B's tree, the mirror of the above.
    await engine.handle({
      type: 'diff',
      id: 21,
      handlesA: others.map((t) => t.handle),
      handlesB: [a.handle],
    });
    const mirrored = posted.at(-2)?.message;
    if (mirrored?.type !== 'diff-core') throw new Error(JSON.stringify(mirrored));
    expect(mirrored.core.matched).toBe(3);
    expect(mirrored.core.onlyInA).toBe(0);
    expect(Array.from(mirrored.core.rows.countA)).toEqual(Array.from(reply.core.rows.countB));
    expect(Array.from(mirrored.core.rows.durationA)).toEqual(Array.from(reply.core.rows.durationB));
    expect(Array.from(mirrored.core.rows.indexB)).toEqual(Array.from(reply.core.rows.indexA));
  });
});

describe('the worker diff in slices', () => {
  afterEach(() => vi.restoreAllMocks());

  it('answers a span detail asked while a big diff runs, before the diff', async () => {
    const { engine, posted, load } = setup();
    const wide = [-1, ...Array.from({ length: 30_000 }, () => 0)];
    const a = await load(wide);
    const b = await load(wide);
    // Every slice overruns its budget, so the diff pauses at each of its steps.
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 100));
    const running = engine.handle({
      type: 'diff',
      id: 30,
      handlesA: [a.handle],
      handlesB: [b.handle],
    });
    await engine.handle({ type: 'span-detail', id: 31, handle: a.handle, index: 7 });
    const types = () => posted.map((p) => p.message.type);
    expect(types()).toContain('span-detail');
    expect(types()).not.toContain('diff');
    await running;
    expect(types().at(-1)).toBe('diff');
  });
});
