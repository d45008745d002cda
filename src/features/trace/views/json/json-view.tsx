import { useEffect, useState } from 'react';
import type { SpanDetail } from '../../../../model/span-detail';
import type { LoadedTrace } from '../../../../worker/messages';
import { isAbortError } from '../../../../worker/trace-worker-client';
import { useTraceWorker } from '../../../../worker/trace-worker-context';
import { JsonDownload } from './json-download';
import './json.css';
import { traceJsonHead } from '../../../../model/trace-json-head';
import { formatCount } from '../../../../ui/format-count';
import { formatMegabytes } from '../../../../ui/format-megabytes';

/** Spans per page: their details are asked of the worker one by one, by index. */
const PAGE = 25;
/**
 * Characters of one span's JSON drawn at most: a span with 100,000 attributes is ~10 MB of text,
 * whose layout froze the page for seconds. The download has the whole span.
 */
const SHOWN_CHARS = 200_000;

type Source = Pick<
  LoadedTrace,
  | 'handle'
  | 'traceId'
  | 'name'
  | 'format'
  | 'startTime'
  | 'duration'
  | 'spanCount'
  | 'services'
  | 'warnings'
>;

/**
 * The trace as data: its summary and the normalized detail of the first spans (tree order), with
 * "Load more". The whole trace as one string could be hundreds of MB, so the page holds only what
 * was asked for, and the full document is a download the worker assembles (json-download.tsx).
 * Everything is rendered as text nodes, never as HTML.
 */
export function JsonView({ trace }: { trace: Source }) {
  const [wanted, setWanted] = useState(Math.min(PAGE, trace.spanCount));
  const [loaded, setLoaded] = useState<{ handle: number; details: SpanDetail[] }>({
    handle: trace.handle,
    details: [],
  });
  const [error, setError] = useState<string>();
  const worker = useTraceWorker();
  const details = loaded.handle === trace.handle ? loaded.details : [];
  const have = details.length;

  useEffect(() => {
    if (have >= wanted) return;
    let live = true;
    (async () => {
      const more: SpanDetail[] = [];
      // One at a time on one channel: the worker answers in order and nothing is superseded.
      for (let index = have; index < wanted && live; index++) {
        more.push(await worker.spanDetail(trace.handle, index, 'json-view'));
      }
      if (!live) return;
      setLoaded((previous) => ({
        handle: trace.handle,
        details: previous.handle === trace.handle ? [...previous.details, ...more] : more,
      }));
    })().catch((failure: unknown) => {
      if (live && !isAbortError(failure))
        setError(failure instanceof Error ? failure.message : String(failure));
    });
    return () => {
      live = false;
    };
  }, [trace.handle, have, wanted, worker]);

  const summary = traceJsonHead(trace);
  return (
    <div className="json-view">
      <div className="trace-view-toolbar">
        <span className="trace-view-count">
          Normalized spans in tree order · {formatCount(have)} of {formatCount(trace.spanCount)}{' '}
          shown
        </span>
        <JsonDownload handle={trace.handle} traceId={trace.traceId} spanCount={trace.spanCount} />
      </div>
      <div className="json-scroll" tabIndex={0} role="region" aria-label="Trace JSON">
        <pre className="json-block">{JSON.stringify(summary, null, 2)}</pre>
        {details.map((detail) => (
          <SpanJson key={detail.index} detail={detail} />
        ))}
        {error ? <p role="alert">Could not load span details: {error}</p> : null}
        {have < wanted && !error ? (
          <p className="trace-view-note" role="status">
            Loading span details…
          </p>
        ) : null}
        {wanted < trace.spanCount ? (
          <button
            type="button"
            className="json-more"
            disabled={have < wanted}
            onClick={() => setWanted((current) => Math.min(trace.spanCount, current + PAGE))}
          >
            Load {Math.min(PAGE, trace.spanCount - wanted)} more spans
          </button>
        ) : null}
      </div>
    </div>
  );
}

function SpanJson({ detail }: { detail: SpanDetail }) {
  const text = JSON.stringify(detail, null, 2);
  const cut = text.length > SHOWN_CHARS ? text.lastIndexOf('\n', SHOWN_CHARS) : -1;
  return (
    <section aria-label={`Span ${detail.index + 1}`}>
      <pre className="json-block">{cut > 0 ? text.slice(0, cut) : text}</pre>
      {cut > 0 ? (
        <p className="trace-view-note" role="note">
          This span’s JSON is {formatMegabytes(text.length)} long: its first {formatMegabytes(cut)}{' '}
          are shown. Download JSON has all of it.
        </p>
      ) : null}
    </section>
  );
}
