/**
 * Traces opened from files, as result rows. The worker-side registry (worker/local-trace-registry)
 * owns the traces; this module adds the file each came from and a stable snapshot for React.
 */
import { useSyncExternalStore } from 'react';
import type { LoadedTrace } from '../../worker/messages';
import { listLocalTraces, subscribeLocalTraces } from '../../worker/local-trace-registry';
import { micros } from '../../model/units';
import type { ResultTrace } from './result-types';

const fileOf = new Map<number, string>();

export function rememberFile(traces: readonly LoadedTrace[], fileName: string): void {
  for (const trace of traces) fileOf.set(trace.handle, fileName);
}

/** A result row for a loaded trace: one pass over the service column for the per-service counts. */
export function summarizeLoaded(trace: LoadedTrace, fileName: string): ResultTrace {
  const { columns } = trace;
  const counts = new Array<number>(trace.services.length).fill(0);
  for (let i = 0; i < columns.spanCount; i += 1) {
    const service = columns.service[i] ?? -1;
    if (service >= 0 && service < counts.length) counts[service] = (counts[service] ?? 0) + 1;
  }
  const services = trace.services
    .map((name, index) => ({ name, spanCount: counts[index] ?? 0 }))
    .filter((service) => service.spanCount > 0)
    .sort((a, b) => b.spanCount - a.spanCount || a.name.localeCompare(b.name));
  // Span 0 is the first root (spans are stored in pre-order).
  const rootService = columns.spanCount > 0 ? (trace.services[columns.service[0] ?? -1] ?? '') : '';
  const rootOperation =
    columns.spanCount > 0 ? (trace.operations[columns.operation[0] ?? -1] ?? '') : '';
  return {
    traceId: trace.traceId,
    rootService: rootService || trace.name,
    rootOperation,
    startTime: micros(trace.startTime),
    duration: micros(trace.duration),
    spanCount: trace.spanCount,
    errorCount: trace.errorCount,
    services,
    localFile: fileName,
  };
}

let snapshot: readonly ResultTrace[] = [];
let stale = true;

function getSnapshot(): readonly ResultTrace[] {
  if (stale) {
    snapshot = listLocalTraces().map((trace) =>
      summarizeLoaded(trace, fileOf.get(trace.handle) ?? 'a file'),
    );
    stale = false;
  }
  return snapshot;
}

function subscribe(listener: () => void): () => void {
  return subscribeLocalTraces(() => {
    stale = true;
    listener();
  });
}

/** Every trace opened from a file in this session, as result rows. */
export function useLocalTraces(): readonly ResultTrace[] {
  return useSyncExternalStore(subscribe, getSnapshot);
}
