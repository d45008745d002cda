import type { Trace } from './trace';
import type { TraceSummary } from './trace-summary';
import { micros } from './units';

/**
 * Search-row summary of a built trace: the first root's service and operation (roots are ordered
 * by start, so this is the earliest root), and span counts per service, most spans first (ties by
 * name, so the order is stable). One pass over the service column.
 */
export function summarizeTrace(trace: Trace): TraceSummary {
  const { columns, services, operations } = trace;
  const perService = new Int32Array(services.length);
  for (let i = 0; i < columns.spanCount; i++) {
    const s = columns.service[i] ?? 0;
    perService[s] = (perService[s] ?? 0) + 1;
  }
  const serviceCounts = services
    .map((name, i) => ({ name, spanCount: perService[i] ?? 0 }))
    .filter((entry) => entry.spanCount > 0)
    .sort((a, b) => b.spanCount - a.spanCount || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const hasRoot = columns.spanCount > 0;
  return {
    traceId: trace.traceId,
    rootService: hasRoot ? (services[columns.service[0] ?? 0] ?? '') : '',
    rootOperation: hasRoot ? (operations[columns.operation[0] ?? 0] ?? '') : '',
    startTime: micros(trace.startTime),
    duration: micros(trace.duration),
    spanCount: trace.spanCount,
    errorCount: trace.errorCount,
    services: serviceCounts,
  };
}
