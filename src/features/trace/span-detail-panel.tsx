import { useEffect, useState } from 'react';
import type { Attribute, SpanDetail } from '../../model/span-detail';
import { formatDuration } from '../../ui/format-duration';
import { traceWorkerClient, isAbortError } from '../../worker/trace-worker-client';

/**
 * Plain listing of a span's details, fetched from the worker by index. A stand-in until the rich
 * panel in details/ replaces it; it shows everything as text (trace data is hostile).
 */
export function SpanDetailPanel({ handle, index, onClose }: { handle: number; index: number; onClose: () => void }) {
  const [result, setResult] = useState<{ index: number; detail?: SpanDetail; error?: string } | null>(null);
  useEffect(() => {
    let live = true;
    traceWorkerClient()
      .spanDetail(handle, index)
      .then(
        (detail) => live && setResult({ index, detail }),
        (error: unknown) => {
          if (live && !isAbortError(error)) setResult({ index, error: error instanceof Error ? error.message : String(error) });
        },
      );
    return () => {
      live = false;
    };
  }, [handle, index]);

  const current = result?.index === index ? result : null;
  const detail = current?.detail;
  return (
    <aside
      className="span-detail"
      aria-label={detail ? `Span details: ${detail.service}: ${detail.operation}` : 'Span details'}
      data-testid="span-detail"
    >
      <header>
        <h2>{detail ? `${detail.service}: ${detail.operation}` : 'Span details'}</h2>
        <button type="button" onClick={onClose} aria-label="Close span details">
          ×
        </button>
      </header>
      {current?.error ? <p role="alert">{current.error}</p> : null}
      {!current ? <p>Loading…</p> : null}
      {detail ? (
        <>
          <dl className="span-detail-facts">
            <dt>Span ID</dt>
            <dd>{detail.spanId}</dd>
            <dt>Start</dt>
            <dd>{formatDuration(detail.start)}</dd>
            <dt>Duration</dt>
            <dd>{formatDuration(detail.duration)}</dd>
            <dt>Self time</dt>
            <dd>{formatDuration(detail.selfTime)}</dd>
            {detail.kind ? (
              <>
                <dt>Kind</dt>
                <dd>{detail.kind}</dd>
              </>
            ) : null}
            <dt>Status</dt>
            <dd>{detail.statusCode + (detail.statusMessage ? `: ${detail.statusMessage}` : '')}</dd>
          </dl>
          <AttributeList title="Attributes" items={detail.attributes} />
          <AttributeList title="Resource" items={detail.resource} />
          {detail.events.length > 0 ? (
            <section>
              <h3>Events ({detail.events.length})</h3>
              <ul>
                {detail.events.map((event, i) => (
                  <li key={i}>
                    {formatDuration(event.time)} {event.name}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {detail.warnings.map((warning, i) => (
            <p key={i} className="span-detail-warning">
              {warning}
            </p>
          ))}
        </>
      ) : null}
    </aside>
  );
}

function AttributeList({ title, items }: { title: string; items: readonly Attribute[] }) {
  if (items.length === 0) return null;
  return (
    <section>
      <h3>{title}</h3>
      <table>
        <tbody>
          {items.map((item, i) => (
            <tr key={`${item.key}-${i}`}>
              <th scope="row">{item.key}</th>
              <td>{item.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
