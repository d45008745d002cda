import type { Trace } from './trace';
import type { TraceSummary } from './trace-summary';

/** Search-row summary of a built trace. */
export function summarizeTrace(trace: Trace): TraceSummary {
  return {
    traceId: trace.traceId,
    rootService: '',
    rootOperation: '',
    startTime: trace.startTime,
    duration: trace.duration,
    spanCount: trace.spanCount,
    errorCount: trace.errorCount,
    services: [],
  };
}
