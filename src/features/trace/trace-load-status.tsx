import type { WireError } from '../../worker/messages';
import type { LoadProgress } from '../../worker/trace-worker-client';
import { formatCount } from '../../ui/format-count';
import { formatMegabytes as megabytes } from '../../ui/format-megabytes';
import { visibleText } from '../../model/visible-text';

/**
 * Download and parse progress, with a Cancel that stops both. The bar shows only with a known
 * total: an indeterminate bar animates, and its frames on the main thread delayed the time-sliced
 * render of the loaded trace by ~25-30 ms at 10k spans (alternating loads, 16 each). Without a
 * total (a gzip'd response) the text's growing megabytes and span count say it is working.
 */
export function TraceLoading({
  progress,
  onCancel,
}: {
  progress: LoadProgress | null;
  onCancel: () => void;
}) {
  const known = progress !== null && progress.bytesTotal > 0;
  const fraction = known ? Math.min(progress.bytesReceived / progress.bytesTotal, 1) : undefined;
  return (
    <div className="trace-status" role="status" aria-live="polite">
      <p>
        Loading trace…
        {progress ? (
          <>
            {' '}
            {megabytes(progress.bytesReceived)}
            {known ? ` of ${megabytes(progress.bytesTotal)}` : ''}
            {progress.spansParsed > 0 ? `, ${formatCount(progress.spansParsed)} spans` : ''}
          </>
        ) : null}
      </p>
      {fraction === undefined ? null : (
        <progress max={1} value={fraction} aria-label="Trace download" />
      )}
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}

/** What failed, for which trace id, where, and what the server said; Retry loads again. */
export function TraceLoadError({
  error,
  traceId,
  onRetry,
  openedFromFile = false,
}: {
  error: WireError;
  /** As the route holds it: any string, shown as text (the URL below has it encoded). */
  traceId: string;
  onRetry: () => void;
  /** This tab opened the trace from a file before: it lived in the tab, not on the server. */
  openedFromFile?: boolean;
}) {
  const title =
    error.kind === 'not-found' || error.status === 404
      ? 'Trace not found'
      : error.kind === 'timeout'
        ? 'The trace took too long to load'
        : 'The trace could not be loaded';
  return (
    <div className="trace-status trace-error" role="alert">
      <h2>{title}</h2>
      {openedFromFile ? (
        <p className="trace-error__local">
          This trace was opened from a file in this tab, and no file kept in this browser holds it
          (storage is blocked here, the file was too big, or it was forgotten): open the file again
          from the search page.
        </p>
      ) : null}
      <p>{error.message}</p>
      <dl>
        <dt>Trace id</dt>
        <dd>
          <code>{visibleText(traceId)}</code>
        </dd>
        {error.status !== undefined ? (
          <>
            <dt>Status</dt>
            <dd>{error.status}</dd>
          </>
        ) : null}
        {error.url ? (
          <>
            <dt>URL</dt>
            <dd>
              <code>{error.url}</code>
            </dd>
          </>
        ) : null}
        {error.bodyExcerpt ? (
          <>
            <dt>Response</dt>
            <dd>
              <pre>{error.bodyExcerpt}</pre>
            </dd>
          </>
        ) : null}
      </dl>
      <button type="button" onClick={onRetry}>
        Retry
      </button>
    </div>
  );
}

export function TraceCancelled({ onRetry }: { onRetry: () => void }) {
  return (
    <div className="trace-status" role="status">
      <p>Loading was cancelled.</p>
      <button type="button" onClick={onRetry}>
        Load again
      </button>
    </div>
  );
}
