import { describe, expect, it } from 'vitest';
import { downloadTraces, type TraceExporter } from './download-traces';

/** A worker stand-in: each handle exports `{"data":[{"traceID":…}]}` as the worker does. */
function fakeExporter(): TraceExporter & { released: number[]; loaded: string[] } {
  const ids = new Map<number, string>();
  const released: number[] = [];
  const loaded: string[] = [];
  return {
    released,
    loaded,
    loadTrace(url, traceId) {
      loaded.push(url);
      const handle = ids.size + 1;
      ids.set(handle, traceId);
      return Promise.resolve({ traces: [{ handle }] });
    },
    exportJson(handle) {
      const trace = JSON.stringify({ traceID: ids.get(handle), spans: [{ spanID: 'a' }] });
      return Promise.resolve(new Blob([`{"data":[${trace}]}\n`]));
    },
    release(handle) {
      released.push(handle);
    },
  };
}

describe('downloadTraces', () => {
  it("joins each trace's export into one Jaeger document and releases what it fetched", async () => {
    const exporter = fakeExporter();
    const progress: number[] = [];
    const blob = await downloadTraces(
      ['t1', 't2', 't3'],
      (id) => `/api/v3/traces/${id}`,
      exporter,
      (done) => progress.push(done),
    );
    const body = JSON.parse(await blob.text()) as { data: { traceID: string }[] };
    expect(body.data.map((t) => t.traceID)).toEqual(['t1', 't2', 't3']);
    expect(exporter.loaded).toEqual([
      '/api/v3/traces/t1',
      '/api/v3/traces/t2',
      '/api/v3/traces/t3',
    ]);
    expect(exporter.released).toEqual([1, 2, 3]);
    expect(progress).toEqual([1, 2, 3]);
  });

  it('an empty list is an empty document', async () => {
    const blob = await downloadTraces([], () => '', fakeExporter());
    expect(JSON.parse(await blob.text())).toEqual({ data: [] });
  });
});
