import type { Trace } from './trace';

/**
 * The trace-level part of Cairn's JSON export: what the JSON view shows above the spans and what
 * the downloaded file starts with, so the two never disagree.
 */
export function traceJsonHead(
  trace: Pick<
    Trace,
    'traceId' | 'name' | 'format' | 'startTime' | 'duration' | 'spanCount' | 'services' | 'warnings'
  >,
) {
  return {
    traceId: trace.traceId,
    name: trace.name,
    format: trace.format,
    startTime: trace.startTime,
    duration: trace.duration,
    spanCount: trace.spanCount,
    services: trace.services,
    warnings: trace.warnings,
  };
}
