/**
 * Traces opened from files, by trace id, so `/trace/:id` can show a local trace without asking a
 * backend. The worker holds their data; this registry holds the main-thread view (handle and
 * columns) and decides when an entry's worker copy is released.
 */
import { isTraceIdKey, traceIdKey } from '../model/ids';
import type { LoadedTrace } from './messages';

const key = traceIdKey;

const localTraces = new Map<string, LoadedTrace>();
const listeners = new Set<() => void>();

/**
 * Adds traces (e.g. every trace of one uploaded file). Re-opening a trace id replaces the older
 * copy and returns its handle so the caller can release it in the worker.
 */
export function registerLocalTraces(traces: readonly LoadedTrace[]): number[] {
  const replaced: number[] = [];
  for (const trace of traces) {
    const previous = localTraces.get(key(trace.traceId));
    if (previous && previous.handle !== trace.handle) replaced.push(previous.handle);
    localTraces.set(key(trace.traceId), trace);
  }
  for (const listener of listeners) listener();
  return replaced;
}

export function getLocalTrace(traceId: string): LoadedTrace | undefined {
  const wanted = key(traceId);
  return isTraceIdKey(wanted) ? localTraces.get(wanted) : undefined;
}

/** True when the trace page must not release this handle on leaving (the registry owns it). */
export function isLocalHandle(handle: number): boolean {
  for (const trace of localTraces.values()) if (trace.handle === handle) return true;
  return false;
}

export function listLocalTraces(): LoadedTrace[] {
  return [...localTraces.values()];
}

/** Removes a trace; returns its handle (to release in the worker) or -1. */
export function forgetLocalTrace(traceId: string): number {
  const trace = localTraces.get(key(traceId));
  if (!trace) return -1;
  localTraces.delete(key(traceId));
  for (const listener of listeners) listener();
  return trace.handle;
}

export function subscribeLocalTraces(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
