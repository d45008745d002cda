import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WorkerResponse } from './messages';
import type { StreamingParserLike } from './parse-input';
import { runFind } from './run-find';
import { TraceEngine } from './trace-engine';
import { COLUMN_BYTES_PER_SPAN } from './loaded-trace';
import { fakeParseText } from './test-fixture';

function fakeStreaming(): StreamingParserLike {
  let text = '';
  const decoder = new TextDecoder();
  return {
    spansParsed: 0,
    push(chunk) {
      text += decoder.decode(chunk, { stream: true });
    },
    finish: () => fakeParseText(text + decoder.decode()),
  };
}

function setup() {
  const posted: { message: WorkerResponse; transfer: Transferable[] }[] = [];
  const engine = new TraceEngine((message, transfer = []) => posted.push({ message, transfer }), {
    parseText: fakeParseText,
    createStreamingParser: fakeStreaming,
    find: runFind,
  });
  const last = () => posted[posted.length - 1]?.message;
  return { engine, posted, last };
}

const bytesOf = (value: unknown): ArrayBuffer =>
  new TextEncoder().encode(JSON.stringify(value)).buffer as ArrayBuffer;
const PARENTS = [-1, 0, 1, 1, 0];

async function loaded(engine: TraceEngine, last: () => WorkerResponse | undefined) {
  await engine.handle({
    type: 'load-bytes',
    id: 1,
    name: 'trace.json',
    bytes: bytesOf({ parents: PARENTS }),
  });
  const reply = last();
  if (reply?.type !== 'loaded') throw new Error(`expected loaded, got ${JSON.stringify(reply)}`);
  return reply;
}

afterEach(() => vi.unstubAllGlobals());

describe('TraceEngine', () => {
  it('loads bytes and transfers the columns while keeping its own copy', async () => {
    const { engine, posted, last } = setup();
    const reply = await loaded(engine, last);
    const trace = reply.traces[0];
    expect(trace?.spanCount).toBe(5);
    expect(Array.from(trace?.columns.subtreeEnd ?? [])).toEqual([5, 4, 3, 4, 5]);
    const transfer = posted[posted.length - 1]?.transfer ?? [];
    expect(transfer).toContain(trace?.columns.start.buffer);
    expect(new Set(transfer).size).toBe(transfer.length);

    await engine.handle({ type: 'span-detail', id: 2, handle: trace?.handle ?? 0, index: 3 });
    expect(last()).toMatchObject({
      type: 'span-detail',
      id: 2,
      detail: { spanId: 'span-3', start: 30 },
    });
  });

  it('answers span-index-by-id and find, and forgets a released trace', async () => {
    const { engine, last } = setup();
    const handle = (await loaded(engine, last)).traces[0]?.handle ?? 0;
    await engine.handle({ type: 'span-index-by-id', id: 3, handle, spanId: 'span-4' });
    expect(last()).toEqual({ type: 'span-index', id: 3, index: 4 });
    await engine.handle({ type: 'find', id: 4, handle, query: 'BACKEND' });
    const found = last();
    expect(found?.type === 'find-result' && Array.from(found.matches)).toEqual([1, 3]);

    await engine.handle({ type: 'release', id: 5, handle });
    expect(engine.handleCount).toBe(0);
    await engine.handle({ type: 'span-detail', id: 6, handle, index: 0 });
    expect(last()).toMatchObject({ type: 'error', id: 6, error: { kind: 'not-found' } });
  });

  it('reports a span index out of range as not-found', async () => {
    const { engine, last } = setup();
    const handle = (await loaded(engine, last)).traces[0]?.handle ?? 0;
    await engine.handle({ type: 'span-detail', id: 7, handle, index: 99 });
    expect(last()).toMatchObject({ type: 'error', id: 7, error: { kind: 'not-found' } });
  });

  it('turns an unparseable file into a parse error naming the file', async () => {
    const { engine, last } = setup();
    await engine.handle({ type: 'load-bytes', id: 1, name: 'notes.txt', bytes: bytesOf('hello') });
    expect(last()).toMatchObject({
      type: 'error',
      id: 1,
      error: { kind: 'parse', url: 'notes.txt' },
    });
  });

  it('streams a URL body with progress and keeps the requested trace id', async () => {
    const body = new TextEncoder().encode(JSON.stringify({ parents: PARENTS, traceId: '00abc' }));
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(
            new ReadableStream<Uint8Array>({
              start(controller) {
                controller.enqueue(body.subarray(0, 10));
                controller.enqueue(body.subarray(10));
                controller.close();
              },
            }),
            { status: 200 },
          ),
      ),
    );
    const { engine, posted, last } = setup();
    await engine.handle({
      type: 'load-url',
      id: 9,
      url: 'http://x/api/traces/abc',
      traceId: 'ABC',
      timeoutMs: 5000,
    });
    expect(
      posted.some(
        (p) => p.message.type === 'progress' && p.message.bytesReceived === body.byteLength,
      ),
    ).toBe(true);
    expect(last()).toMatchObject({
      type: 'loaded',
      id: 9,
      traces: [{ traceId: '00abc', spanCount: 5 }],
    });
    // The bench's breakdown: each step stamped, in the order the load went through them.
    const loaded = last();
    const t = loaded?.type === 'loaded' ? loaded.timings : undefined;
    const steps = t && [t.requested, t.headers, t.firstChunk, t.lastChunk, t.built, t.posted];
    expect(steps).toEqual([...(steps ?? [])].sort((a, b) => a - b));
    expect(t?.firstChunk).toBeGreaterThan(0);
    expect(t?.parseMs).toBeGreaterThanOrEqual(0);
  });

  it("posts a big trace's columns in the block its helper mapped in meanwhile", async () => {
    const body = new TextEncoder().encode(JSON.stringify({ parents: PARENTS }));
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(body, { status: 200 })),
    );
    const taken: number[] = [];
    let block: ArrayBuffer | null = null;
    const posted: { message: WorkerResponse; transfer: Transferable[] }[] = [];
    const engine = new TraceEngine((message, transfer = []) => posted.push({ message, transfer }), {
      parseText: fakeParseText,
      createStreamingParser: fakeStreaming,
      find: runFind,
      blockMemory: {
        ask: () => undefined,
        pending: true,
        take: (bytes) => {
          taken.push(bytes);
          block = new ArrayBuffer(bytes);
          return block;
        },
      },
    });
    await engine.handle({ type: 'load-url', id: 3, url: 'http://x/t', timeoutMs: 5000 });
    const reply = posted.at(-1);
    if (reply?.message.type !== 'loaded') throw new Error('not loaded');
    expect(taken).toEqual([PARENTS.length * COLUMN_BYTES_PER_SPAN]);
    expect(reply.transfer).toEqual([block]);
    expect(Array.from(reply.message.traces[0]?.columns.subtreeEnd ?? [])).toEqual([5, 4, 3, 4, 5]);
    // The worker's own columns are its own: a detail still reads them after the hand-over.
    const handle = reply.message.traces[0]?.handle ?? 0;
    await engine.handle({ type: 'span-detail', id: 4, handle, index: 3 });
    expect(posted.at(-1)?.message).toMatchObject({ type: 'span-detail', id: 4 });
  });

  it('reports HTTP failures with status, URL and a body excerpt', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response('<html>   upstream   down</html>', {
            status: 502,
            statusText: 'Bad Gateway',
          }),
      ),
    );
    const { engine, last } = setup();
    await engine.handle({
      type: 'load-url',
      id: 10,
      url: 'http://x/api/traces/abc',
      timeoutMs: 5000,
    });
    expect(last()).toEqual({
      type: 'error',
      id: 10,
      error: expect.objectContaining({
        kind: 'http',
        status: 502,
        url: 'http://x/api/traces/abc',
        bodyExcerpt: '<html> upstream down</html>',
      }),
    });
  });

  it('says a 200 HTML page (a login page) is one, as the API client says it', async () => {
    const page = '\n  <!doctype html><html><body><form>Sign in</form></body></html>';
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(page, { status: 200 })),
    );
    const { engine, last } = setup();
    await engine.handle({
      type: 'load-url',
      id: 12,
      url: 'http://x/api/traces/abc',
      timeoutMs: 5000,
    });
    expect(last()).toEqual({
      type: 'error',
      id: 12,
      error: expect.objectContaining({
        kind: 'parse',
        url: 'http://x/api/traces/abc',
        message: expect.stringMatching(
          /^Got an HTML page instead of a trace from http:\/\/x\/api\/traces\/abc;/,
        ),
        bodyExcerpt: '<!doctype html><html><body><form>Sign in</form></body></html>',
      }),
    });
  });

  it('fails with a timeout when the body stops arriving, not while it still comes', async () => {
    const body = new TextEncoder().encode(JSON.stringify({ parents: PARENTS }));
    let allSent = false;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init?: RequestInit) => {
        const stream = new ReadableStream<Uint8Array>({
          async start(controller) {
            // Chunks 30 ms apart for longer than the timeout, then nothing more.
            for (let k = 0; k < 6; k++) {
              controller.enqueue(body.subarray(k, k + 1));
              await new Promise((resolve) => setTimeout(resolve, 30));
            }
            allSent = true;
            init?.signal?.addEventListener('abort', () => controller.error(init.signal?.reason));
          },
        });
        return new Response(stream, { status: 200 });
      }),
    );
    const { engine, last } = setup();
    await engine.handle({ type: 'load-url', id: 13, url: 'http://x/t', timeoutMs: 100 });
    expect(allSent).toBe(true);
    expect(last()).toMatchObject({
      type: 'error',
      id: 13,
      error: { kind: 'timeout', message: 'The trace download from http://x/t stalled for 0.1 s' },
    });
  });

  it('cancels a load whose body is still arriving', async () => {
    let push: ((chunk: Uint8Array) => void) | undefined;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        push = (chunk) => controller.enqueue(chunk);
      },
    });
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: RequestInit) => {
        init.signal?.addEventListener('abort', () => undefined);
        return new Response(stream, { status: 200 });
      }),
    );
    const { engine, last } = setup();
    const done = engine.handle({ type: 'load-url', id: 11, url: 'http://x/t', timeoutMs: 5000 });
    await vi.waitFor(() => expect(push).toBeDefined());
    push?.(new TextEncoder().encode('{"parents":'));
    await engine.handle({ type: 'cancel', id: 11 });
    push?.(new TextEncoder().encode('[-1]}'));
    await done;
    expect(last()).toMatchObject({ type: 'error', id: 11, error: { kind: 'aborted' } });
  });
});
