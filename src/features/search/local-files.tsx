/**
 * Opening trace files (picker or drag and drop). Files are parsed in the trace worker, one at a
 * time: the worker client's load channel is latest-wins, and one at a time also bounds memory.
 * Each file's outcome is listed on its own, so one bad file never hides the good ones.
 */
import { useRef, useState, type DragEvent } from 'react';
import { useTraceWorker } from '../../worker/trace-worker-context';
import { keepFile } from '../../ui/file-store';
import {
  forgetLocalTrace,
  listLocalTraces,
  registerFileTraces,
} from '../../worker/local-trace-registry';
import { isAbortError, type LoadProgress } from '../../worker/trace-worker-client';
import { rememberFile } from './local-traces';
import { RecentFiles } from './recent-files';
import './local-files.css';

interface FileStatus {
  readonly name: string;
  readonly state: 'waiting' | 'loading' | 'done' | 'error' | 'cancelled';
  readonly message: string;
  readonly progress?: LoadProgress;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function LocalFiles() {
  const [statuses, setStatuses] = useState<readonly FileStatus[]>([]);
  const client = useTraceWorker();
  const [dragging, setDragging] = useState(false);
  const abortRef = useRef<AbortController | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const busy = statuses.some((s) => s.state === 'loading' || s.state === 'waiting');

  const open = async (files: readonly File[]) => {
    if (files.length === 0) return;
    abortRef.current?.abort();
    const controller = new AbortController();
    abortRef.current = controller;
    setStatuses(files.map((file) => ({ name: file.name, state: 'waiting', message: '' })));
    const set = (index: number, status: FileStatus) =>
      setStatuses((current) => current.map((s, i) => (i === index ? status : s)));
    for (const [index, file] of files.entries()) {
      if (controller.signal.aborted) {
        set(index, { name: file.name, state: 'cancelled', message: 'Cancelled' });
        continue;
      }
      set(index, { name: file.name, state: 'loading', message: `Reading ${mb(file.size)}…` });
      try {
        const bytes = await file.arrayBuffer();
        const result = await client.loadFile(
          file.name,
          bytes,
          (progress) => set(index, { name: file.name, state: 'loading', message: '', progress }),
          controller.signal,
        );
        rememberFile(result.traces, file.name);
        // Each trace's page says what could not be read (the list below only shows here).
        const replaced = registerFileTraces(file.name, result.traces, result.errors);
        for (const handle of replaced) client.release(handle);
        const replacedNote =
          replaced.length > 0
            ? `${replaced.length === 1 ? '1 trace id was' : `${replaced.length} trace ids were`} in an earlier file too: replaced by this file's copy`
            : '';
        const problems = [...result.errors, replacedNote].filter(Boolean);
        if (result.traces.length === 0) {
          set(index, {
            name: file.name,
            state: 'error',
            message: problems.join('; ') || 'No traces found in this file',
          });
        } else {
          const count = `${result.traces.length} ${result.traces.length === 1 ? 'trace' : 'traces'}`;
          // Kept in the browser so the traces' pages survive a reload; said when it cannot be.
          const kept = await keepFile(
            file,
            file.name,
            result.traces.map((trace) => trace.traceId),
          );
          if (!kept.kept) problems.push(`not kept after a reload: ${kept.reason}`);
          set(index, {
            name: file.name,
            state: 'done',
            message: [count, ...problems].join('; '),
          });
        }
      } catch (error) {
        const cancelled = controller.signal.aborted || isAbortError(error);
        set(index, {
          name: file.name,
          state: cancelled ? 'cancelled' : 'error',
          message: cancelled ? 'Cancelled' : error instanceof Error ? error.message : String(error),
        });
      }
    }
  };

  const clear = () => {
    for (const trace of listLocalTraces()) {
      const handle = forgetLocalTrace(trace.traceId);
      if (handle >= 0) client.release(handle);
    }
    setStatuses([]);
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void open([...event.dataTransfer.files]);
  };

  return (
    <section
      className={dragging ? 'local-files dragging' : 'local-files'}
      aria-label="Open trace files"
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <h2>Open trace files</h2>
      <p className="local-files-hint">
        Drop files here, or choose them. Jaeger JSON, OTLP JSON or NDJSON, Zipkin v2. Files stay in
        your browser: kept there (up to 200 MB, oldest forgotten first) so their traces open again
        after a reload.
      </p>
      <label className="local-files-pick">
        <span>Choose files…</span>
        <input
          ref={inputRef}
          type="file"
          multiple
          accept=".json,.ndjson,.jsonl,.txt,application/json"
          onChange={(event) => {
            void open([...(event.target.files ?? [])]);
            // Reset so choosing the same file again still fires a change.
            event.target.value = '';
          }}
        />
      </label>
      {busy && (
        <button type="button" onClick={() => abortRef.current?.abort()}>
          Cancel
        </button>
      )}
      {statuses.length > 0 && (
        <ul className="local-files-status" aria-live="polite">
          {statuses.map((status, index) => (
            <li key={`${index}-${status.name}`} className={`local-file ${status.state}`}>
              <span className="local-file-name">{status.name}</span>: {describe(status)}
              {status.state === 'loading' && status.progress && status.progress.bytesTotal > 0 && (
                <progress
                  max={status.progress.bytesTotal}
                  value={status.progress.bytesReceived}
                  aria-label={`Loading ${status.name}`}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {!busy && statuses.length > 0 && (
        <button type="button" onClick={clear}>
          Close opened files
        </button>
      )}
      <RecentFiles onOpen={(file) => void open([file])} />
    </section>
  );
}

function describe(status: FileStatus): string {
  if (status.state === 'waiting') return 'waiting';
  if (status.state === 'loading' && status.progress) {
    const { bytesReceived, bytesTotal, spansParsed } = status.progress;
    const total = bytesTotal > 0 ? ` of ${mb(bytesTotal)}` : '';
    return `${mb(bytesReceived)}${total}, ${spansParsed} spans`;
  }
  return status.message || status.state;
}
