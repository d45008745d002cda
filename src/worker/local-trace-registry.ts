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

/** Per trace: what its page must say about how it was read (lost lines, a replaced copy). */
const notesOf = new Map<string, readonly string[]>();

/**
 * Adds traces (e.g. every trace of one uploaded file), with `notes` for their pages (the file's
 * read problems). Re-opening a trace id replaces the older copy, says so in the new copy's notes,
 * and returns the old handle so the caller can release it in the worker.
 */
export function registerLocalTraces(
  traces: readonly LoadedTrace[],
  notes: readonly string[] = [],
): number[] {
  const replaced: number[] = [];
  for (const trace of traces) {
    const previous = localTraces.get(key(trace.traceId));
    const own = [...notes];
    if (previous && previous.handle !== trace.handle) {
      replaced.push(previous.handle);
      own.push(
        `This trace id was in an earlier file too: this copy replaced that one (they were not merged).`,
      );
    }
    localTraces.set(key(trace.traceId), trace);
    notesOf.set(key(trace.traceId), own);
  }
  rememberOpened(traces.map((trace) => key(trace.traceId)));
  for (const listener of listeners) listener();
  return replaced;
}

/**
 * Registers the traces read from one file: a read problem of the file shows on each of its
 * traces' pages (a line that could not be read held spans of one of them, unknown which).
 */
export function registerFileTraces(
  fileName: string,
  traces: readonly LoadedTrace[],
  errors: readonly string[],
): number[] {
  const notes = errors.map(
    (error) => `${fileName}: ${error} (a span of this file may be missing here)`,
  );
  return registerLocalTraces(traces, notes);
}

/**
 * Ids opened from files in this tab, kept in sessionStorage (which a reload keeps and other tabs
 * do not see): after a reload the trace is gone, and its page can say why instead of "not found".
 */
const OPENED_KEY = 'cairn.openedFromFile';
const MAX_REMEMBERED = 500;

function openedIds(): string[] {
  try {
    const stored: unknown = JSON.parse(sessionStorage.getItem(OPENED_KEY) ?? '[]');
    return Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

function rememberOpened(ids: readonly string[]): void {
  try {
    const all = [...new Set([...openedIds(), ...ids])].slice(-MAX_REMEMBERED);
    sessionStorage.setItem(OPENED_KEY, JSON.stringify(all));
  } catch {
    // No storage (sandboxed iframe, privacy mode): the page just cannot explain a 404 later.
  }
}

/** Whether this tab opened `traceId` from a file (now or before a reload). */
export function wasOpenedFromFile(traceId: string): boolean {
  return openedIds().includes(key(traceId));
}

/** What the page of a local trace must say about how it was read. */
export function localTraceNotes(traceId: string): readonly string[] {
  return notesOf.get(key(traceId)) ?? [];
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
  notesOf.delete(key(traceId));
  for (const listener of listeners) listener();
  return trace.handle;
}

export function subscribeLocalTraces(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
