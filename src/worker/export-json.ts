import type { ParsedTrace } from '../model/parse-document';
import type { WorkerResponse } from './messages';
import {
  JAEGER_ENVELOPE_HEAD,
  JAEGER_ENVELOPE_TAIL,
  ProcessTable,
  toJaegerV1Span,
} from '../model/export/jaeger-v1-span';

/** Spans per string part: a part of ~1,000 spans is a few hundred kB, far below string limits. */
const PART_SPANS = 1000;
/** Parts between yields, so find, details and cancels still get answered during a big export. */
const PARTS_PER_YIELD = 20;

const yieldToQueue = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The trace as a Jaeger query API response, `{"data":[trace]}` (what Jaeger UI downloads and
 * opens, and what Cairn opens): spans in tree order, then the processes they use.
 * A 1M-span trace is hundreds of MB of JSON: more than one JS string may hold, so the document is
 * a Blob of parts, and the worker yields between batches of parts instead of blocking its queue.
 */
export async function exportTraceJson(
  parsed: ParsedTrace,
  isStale: () => boolean,
): Promise<Blob | null> {
  const { trace } = parsed;
  const processes = new ProcessTable();
  const parts: string[] = [
    `${JAEGER_ENVELOPE_HEAD}{"traceID":${JSON.stringify(trace.traceId)},"spans":[\n`,
  ];
  for (let start = 0, part = 0; start < trace.spanCount; start += PART_SPANS, part++) {
    if (part > 0 && part % PARTS_PER_YIELD === 0) {
      await yieldToQueue();
      if (isStale()) return null;
    }
    const end = Math.min(trace.spanCount, start + PART_SPANS);
    const spans: string[] = [];
    for (let i = start; i < end; i++) {
      const detail = parsed.detail(i);
      spans.push(JSON.stringify(toJaegerV1Span(detail, trace.startTime, processes.idOf(detail))));
    }
    parts.push(spans.join(',\n') + (end < trace.spanCount ? ',\n' : '\n'));
  }
  const warnings = trace.warnings.length > 0 ? trace.warnings : null;
  parts.push(
    `],"processes":${JSON.stringify(processes)},"warnings":${JSON.stringify(warnings)}}${JAEGER_ENVELOPE_TAIL}`,
  );
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
