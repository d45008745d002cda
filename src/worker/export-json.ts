import type { ParsedTrace } from '../model/parse-document';
import type { WorkerResponse } from './messages';
import { traceJsonHead } from '../model/trace-json-head';

/** Spans per string part: a part of ~1,000 spans is a few hundred kB, far below string limits. */
const PART_SPANS = 1000;
/** Parts between yields, so find, details and cancels still get answered during a big export. */
const PARTS_PER_YIELD = 20;

const yieldToQueue = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The trace as Cairn normalized it (summary plus every span's detail, tree order) as a Blob.
 * A 1M-span trace is hundreds of MB of JSON: more than one JS string may hold, so the document is
 * a Blob of parts, and the worker yields between batches of parts instead of blocking its queue.
 */
export async function exportTraceJson(
  parsed: ParsedTrace,
  isStale: () => boolean,
): Promise<Blob | null> {
  const { trace } = parsed;
  const head = traceJsonHead(trace);
  const headText = JSON.stringify(head, null, 2);
  const parts: string[] = [`${headText.slice(0, -2)},\n  "spans": [\n`];
  for (let start = 0, part = 0; start < trace.spanCount; start += PART_SPANS, part++) {
    if (part > 0 && part % PARTS_PER_YIELD === 0) {
      await yieldToQueue();
      if (isStale()) return null;
    }
    const end = Math.min(trace.spanCount, start + PART_SPANS);
    const spans: string[] = [];
    for (let i = start; i < end; i++) spans.push(`    ${JSON.stringify(parsed.detail(i))}`);
    parts.push(spans.join(',\n') + (end < trace.spanCount ? ',\n' : '\n'));
  }
  parts.push('  ]\n}\n');
  return new Blob(parts, { type: 'application/json' });
}

/** The engine's handler: answers `export-json` or an error, never throws. */
export async function answerExportJson(
  id: number,
  parsed: ParsedTrace | undefined,
  isStale: () => boolean,
  post: (message: WorkerResponse) => void,
): Promise<void> {
  try {
    if (!parsed) {
      post({
        type: 'error',
        id,
        error: { kind: 'not-found', message: 'This trace is no longer loaded in the worker' },
      });
      return;
    }
    const blob = await exportTraceJson(parsed, isStale);
    if (blob) post({ type: 'export-json', id, blob, spanCount: parsed.trace.spanCount });
  } catch (error) {
    post({
      type: 'error',
      id,
      error: { kind: 'parse', message: error instanceof Error ? error.message : String(error) },
    });
  }
}
