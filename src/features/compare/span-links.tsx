import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { compareWorkers } from '../../worker/compare-workers';
import type { LoadedTrace } from '../../worker/messages';

/** The trace page's deep link to one span (Jaeger UI's `uiFind` parameter). */
const spanPath = (traceId: string, spanId: string) =>
  `/trace/${encodeURIComponent(traceId)}?uiFind=${encodeURIComponent(spanId)}`;

function useSpanId(trace: LoadedTrace | null, index: number, channel: string): string | null {
  const key = trace && index >= 0 ? `${trace.handle}:${index}` : '';
  const [found, setFound] = useState<{ key: string; spanId: string } | null>(null);
  useEffect(() => {
    if (!trace || index < 0) return;
    let live = true;
    compareWorkers()
      .ownerOf(trace.handle)
      .spanDetail(trace.handle, index, channel)
      .then(
        (detail) => live && setFound({ key: `${trace.handle}:${index}`, spanId: detail.spanId }),
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, [trace, index, channel]);
  return found && found.key === key ? found.spanId : null;
}

/** Links from the active row to its span in A's and in B's trace page. */
export function SpanLinks({
  a,
  b,
  indexA,
  indexB,
  label,
}: {
  /** Null for the side that is a cohort median. */
  readonly a: LoadedTrace | null;
  readonly b: LoadedTrace | null;
  readonly indexA: number;
  readonly indexB: number;
  readonly label: string;
}) {
  const spanA = useSpanId(a, indexA, 'compare-span-a');
  const spanB = useSpanId(b, indexB, 'compare-span-b');
  return (
    <p className="span-links" aria-label="Selected row">
      <span className="span-links-name">{label}</span>
      {!a ? (
        <span>A is a median</span>
      ) : indexA < 0 ? (
        <span>not in A</span>
      ) : (
        spanA && <Link to={spanPath(a.traceId, spanA)}>Open in trace A</Link>
      )}
      {!b ? (
        <span>B is a median</span>
      ) : indexB < 0 ? (
        <span>not in B</span>
      ) : (
        spanB && <Link to={spanPath(b.traceId, spanB)}>Open in trace B</Link>
      )}
    </p>
  );
}
