/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildDdg, type DdgMode, type DdgTrace } from '../model/graph/ddg';
import { seededRandom } from '../model/graph/test-random';
import { parseTraceDocument } from '../model/parse-document';
import { createStreamingParser } from '../model/stream/streaming-parser';
import { FIXTURE_ROOT } from '../model/test-support/fixture-index';
import type { WorkerRequest, WorkerResponse } from './messages';
import { runFind } from './run-find';
import { TraceEngine } from './trace-engine';
import { isAbortError, TraceWorkerClient, type WorkerLike } from './trace-worker-client';
import { loadTracePaths } from './trace-paths-load';

/** The real engine and parsers in-process, answering asynchronously like the worker. */
function engineClient(streamThresholdBytes = Number.POSITIVE_INFINITY) {
  const seen: WorkerRequest[] = [];
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(message) {
      seen.push(message);
      setTimeout(() => void engine.handle(message), 0);
    },
  };
  const engine = new TraceEngine(
    (message) =>
      setTimeout(() => worker.onmessage?.({ data: message } as MessageEvent<WorkerResponse>), 0),
    { parseText: parseTraceDocument, createStreamingParser, find: runFind, streamThresholdBytes },
  );
  return { client: new TraceWorkerClient(() => worker), engine, seen };
}

/** Serves `bodies` by URL (404 with Jaeger's v3 body for anything else). */
function serve(bodies: ReadonlyMap<string, string>) {
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string) =>
      Promise.resolve(
        bodies.has(url)
          ? new Response(bodies.get(url), { headers: { 'Content-Type': 'application/json' } })
          : new Response('{"error":{"httpCode":404,"message":"No traces found"}}', {
              status: 404,
              headers: { 'Content-Type': 'application/json' },
            }),
      ),
    ),
  );
}
afterEach(() => vi.unstubAllGlobals());

interface V1Trace {
  readonly traceID: string;
  readonly spans: readonly { readonly processID: string; readonly operationName: string }[];
  readonly processes: Readonly<Record<string, { readonly serviceName: string }>>;
}

const fixture = (name: string) =>
  JSON.parse(readFileSync(`${FIXTURE_ROOT}/jaeger-ui/${name}`, 'utf8')) as V1Trace;
/** Real Jaeger UI traces with distinct trace ids (several fixtures share one). */
const REAL = [
  'TraceGraph-testTrace.json',
  'genaiTestTrace.json',
  'spanAmongEachOtherGroupedAndSpans.json',
  'spanLongerAsParent.json',
  'testTraceNormal.json',
  'traceWithMultipleSpansWithTheSameValueInDifferentTags.json',
].map(fixture);

/** Seeded random trees over a few services, with fan-outs, repeats and same-service chains. */
function generated(count: number, seed: number): V1Trace[] {
  const random = seededRandom(seed);
  const services = ['gateway', 'api', 'db', 'cache', 'auth', 'queue', 'worker'];
  return Array.from({ length: count }, (_, t) => {
    const size = 2 + Math.floor(random() * 40);
    const spans = Array.from({ length: size }, (_, i) => {
      const parent = i === 0 ? -1 : Math.floor(random() * i);
      const service = Math.floor(random() * services.length);
      return {
        traceID: (t + 1).toString(16).padStart(32, '0'),
        spanID: (i + 1).toString(16).padStart(16, '0'),
        operationName: `op-${Math.floor(random() * 4)}`,
        references:
          parent < 0
            ? []
            : [
                {
                  refType: 'CHILD_OF',
                  traceID: (t + 1).toString(16).padStart(32, '0'),
                  spanID: (parent + 1).toString(16).padStart(16, '0'),
                },
              ],
        startTime: 1_700_000_000_000_000 + i * 10,
        duration: 1000 - i,
        tags: [],
        logs: [],
        processID: `p${service}`,
      };
    });
    const processes = Object.fromEntries(
      services.map((name, i) => [`p${i}`, { serviceName: name, tags: [] }]),
    );
    return { traceID: (t + 1).toString(16).padStart(32, '0'), spans, processes };
  });
}

const envelope = (traces: readonly V1Trace[]) =>
  JSON.stringify({ data: traces, total: traces.length, limit: 0, offset: 0, errors: null });

/** Every trace loaded on its own with `load-url`, as the DDG loaded them before. */
async function oneByOne(traces: readonly V1Trace[]): Promise<DdgTrace[]> {
  serve(new Map(traces.map((trace) => [`http://jaeger/t/${trace.traceID}`, envelope([trace])])));
  const { client } = engineClient();
  const loaded: DdgTrace[] = [];
  for (const trace of traces) {
    const result = await client.loadTrace(`http://jaeger/t/${trace.traceID}`, trace.traceID);
    for (const one of result.traces) {
      client.release(one.handle);
      loaded.push(one);
    }
  }
  return loaded;
}

const focalServices = (traces: readonly V1Trace[]) =>
  [...new Set(traces.flatMap((trace) => Object.values(trace.processes)))].map((p) => p.serviceName);

function expectSameDdgs(
  batched: readonly DdgTrace[],
  single: readonly DdgTrace[],
  services: string[],
) {
  expect(batched.map((t) => t.traceId)).toEqual(single.map((t) => t.traceId));
  for (const service of services)
    for (const mode of ['service', 'operation'] as DdgMode[])
      expect(buildDdg(batched, { service }, mode)).toEqual(buildDdg(single, { service }, mode));
}

describe('loadTracePaths from one search response', () => {
  it('builds the same DDG as trace by trace, on real traces and generated ones', async () => {
    const traces = [...REAL, ...generated(40, 7)];
    const single = await oneByOne(traces);
    serve(new Map([['http://jaeger/search', envelope(traces)]]));
    // Streamed as a big response would be, and whole.
    for (const threshold of [0, Number.POSITIVE_INFINITY]) {
      const { client, engine, seen } = engineClient(threshold);
      const batched = await loadTracePaths(client, ['http://jaeger/search'], { emptyIsNone: true });
      expect(seen.filter((r) => r.type === 'load-paths')).toHaveLength(1);
      // Nothing stays in the worker: the paths came over packed, no handle was made.
      expect(engine.handleCount).toBe(0);
      expectSameDdgs(batched, single, focalServices(traces));
      expect(batched.some((t) => buildDdg([t], { service: 'db' }, 'service').focalSpans > 0)).toBe(
        true,
      );
    }
  });

  it('adds up several documents (ids by batch), a trace in two of them once', async () => {
    const traces = generated(12, 3);
    // Traces 6 and 7 are in both (an id asked for twice).
    serve(
      new Map([
        ['http://jaeger/a', envelope(traces.slice(0, 8))],
        ['http://jaeger/b', envelope(traces.slice(6))],
      ]),
    );
    const { client } = engineClient();
    const batched = await loadTracePaths(client, ['http://jaeger/a', 'http://jaeger/b'], {
      emptyIsNone: false,
    });
    expectSameDdgs(batched, await oneByOne(traces), ['api', 'db']);
  });

  it('a search that finds nothing is no traces; an id not found is a failure', async () => {
    serve(new Map([['http://jaeger/empty-v1', envelope([])]]));
    const { client } = engineClient();
    // v3 answers an empty search with 404 "No traces found", v1 with an empty document.
    for (const url of ['http://jaeger/v3-search', 'http://jaeger/empty-v1'])
      expect(await loadTracePaths(client, [url], { emptyIsNone: true })).toEqual([]);
    await expect(
      loadTracePaths(client, ['http://jaeger/t/0bad'], { emptyIsNone: false }),
    ).rejects.toThrow(/404|No trace/);
    // A 404 that is not Jaeger's (a router that does not know the path) is a failure.
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(new Response('404 page not found\n', { status: 404 }))),
    );
    await expect(
      loadTracePaths(client, ['http://jaeger/v3-search'], { emptyIsNone: true }),
    ).rejects.toThrow(/404/);
  });

  it('is cancelled in the worker when its query is aborted', async () => {
    serve(new Map([['http://jaeger/search', envelope(generated(5, 1))]]));
    const { client, seen } = engineClient();
    const controller = new AbortController();
    const load = loadTracePaths(client, ['http://jaeger/search'], {
      signal: controller.signal,
      emptyIsNone: true,
    });
    controller.abort();
    const failure: unknown = await load.catch((error: unknown) => error);
    expect(isAbortError(failure)).toBe(true);
    expect(seen.map((r) => r.type)).toEqual(['load-paths', 'cancel']);
  });
});
