/**
 * Find in the worker with the analysis module's query syntax. The name pass is one typed-array
 * pass; a query on attributes decodes span details, which at 1M spans takes seconds, so that scan
 * runs in slices and yields between them: a newer find (or a span-detail request) gets through,
 * and a superseded scan stops early.
 */
import { startFind } from '../model/analysis/find';
import type { ParsedTrace } from '../model/parse-document';

const SLICE_SPANS = 20_000;
const yieldToEvents = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Resolves to null when `isStale()` turned true mid-scan. */
export async function runFind(
  parsed: ParsedTrace,
  query: string,
  isStale: () => boolean,
): Promise<Int32Array | null> {
  const scan = startFind(query, parsed.trace, (index) => parsed.detail(index), {
    spanIndexById: (spanId) => parsed.spanIndexById(spanId),
  });
  while (!scan.step(SLICE_SPANS)) {
    await yieldToEvents();
    if (isStale()) return null;
  }
  return scan.matches();
}
