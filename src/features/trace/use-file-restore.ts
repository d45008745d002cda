/**
 * Traces opened from files survive a reload: the file is kept in this browser (ui/file-store.ts)
 * and read again when the page of one of its traces opens and the tab no longer holds it.
 */
import { useEffect, useState } from 'react';
import { storedFileWith, subscribeFileStore } from '../../ui/file-store';
import { getLocalTrace, registerFileTraces } from '../../worker/local-trace-registry';
import { useTraceWorker } from '../../worker/trace-worker-context';

/**
 * Reads the kept file holding `traceId` into the tab's registry when `needed`. True while the file
 * is looked up or read.
 */
export function useFileRestore(traceId: string, needed: boolean): boolean {
  const [checked, setChecked] = useState<string | null>(null);
  const client = useTraceWorker();
  useEffect(() => {
    if (!needed || checked === traceId) return undefined;
    const abort = new AbortController();
    void (async () => {
      try {
        const stored = await storedFileWith(traceId);
        if (stored && !abort.signal.aborted && !getLocalTrace(traceId)) {
          const bytes = await stored.blob.arrayBuffer();
          const result = await client.loadFile(stored.name, bytes, undefined, abort.signal);
          for (const handle of registerFileTraces(stored.name, result.traces, result.errors))
            client.release(handle);
        }
      } catch {
        // Not readable again (storage blocked, file gone, cancelled): the backend is asked.
      }
      if (!abort.signal.aborted) setChecked(traceId);
    })();
    return () => abort.abort();
  }, [traceId, needed, checked, client]);
  return needed && checked !== traceId;
}

/** Whether a kept file holds `traceId` (undefined until known); follows keep and forget. */
export function useKeptInBrowser(traceId: string, enabled: boolean): boolean | undefined {
  const [kept, setKept] = useState<{ id: string; kept: boolean } | null>(null);
  useEffect(() => {
    if (!enabled) return undefined;
    let current = true;
    const check = () =>
      void storedFileWith(traceId).then((found) => {
        if (current) setKept({ id: traceId, kept: found !== undefined });
      });
    check();
    const unsubscribe = subscribeFileStore(check);
    return () => {
      current = false;
      unsubscribe();
    };
  }, [traceId, enabled]);
  return kept?.id === traceId ? kept.kept : undefined;
}
