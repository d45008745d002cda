import { JAEGER_ENVELOPE_HEAD, JAEGER_ENVELOPE_TAIL } from '../../model/export/jaeger-v1-span';
import { getLocalTrace } from '../../worker/local-trace-registry';

/** What the download needs of the worker client (trace-worker-client.ts). */
export interface TraceExporter {
  loadTrace(url: string, traceId: string): Promise<{ traces: readonly { handle: number }[] }>;
  exportJson(handle: number): Promise<Blob>;
  release(handle: number): void;
}

/**
 * The search results as Jaeger UI downloads them: the full traces in one `{"data":[…]}` document,
 * which Jaeger UI and Cairn both open. Summaries are not traces: each trace is fetched (a file's
 * trace is already in the worker), exported by the worker as `{"data":[trace]}`, and the
 * documents joined by their insides as Blob slices, so no thread builds one string of them all.
 * One trace at a time: the worker holds at most one fetched trace beyond the open ones.
 */
export async function downloadTraces(
  traceIds: readonly string[],
  traceUrl: (traceId: string) => string,
  exporter: TraceExporter,
  onProgress: (done: number) => void = () => undefined,
): Promise<Blob> {
  const head = JAEGER_ENVELOPE_HEAD.length;
  const tail = JAEGER_ENVELOPE_TAIL.length;
  const parts: BlobPart[] = [JAEGER_ENVELOPE_HEAD];
  for (const [at, traceId] of traceIds.entries()) {
    const local = getLocalTrace(traceId);
    const handles = local
      ? [local.handle]
      : (await exporter.loadTrace(traceUrl(traceId), traceId)).traces.map((t) => t.handle);
    try {
      for (const handle of handles) {
        const document = await exporter.exportJson(handle);
        if (parts.length > 1) parts.push(',\n');
        parts.push(document.slice(head, document.size - tail));
      }
    } finally {
      if (!local) for (const handle of handles) exporter.release(handle);
    }
    onProgress(at + 1);
  }
  parts.push(JAEGER_ENVELOPE_TAIL);
  return new Blob(parts, { type: 'application/json' });
}
