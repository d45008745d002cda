/** One trace in the results list. The title is a real link, so middle-click and "open in new tab" work. */
import { memo } from 'react';
import { Link } from 'react-router';
import type { Micros } from '../../model/units';
import { formatDuration } from '../../ui/format-duration';
import { serviceColor } from '../../ui/service-colors';
import { formatAbsoluteTime, formatRelativeTime, isoTime } from './format-time';
import { visibleText } from '../../model/visible-text';
import { tracePath } from '../../ui/trace-path';
import { shortTraceId } from '../../ui/short-id';
import type { ResultTrace } from './result-types';

interface Props {
  readonly trace: ResultTrace;
  /** Longest duration in the list: the bar is relative to it. */
  readonly maxDuration: number;
  readonly now: Micros;
  readonly selected: boolean;
  readonly onToggle: (traceId: string) => void;
  /** The short id to show: long enough to differ from the other rows' (distinctShortIds). */
  readonly shortId?: string;
}

export const ResultRow = memo(function ResultRow({
  trace,
  maxDuration,
  now,
  selected,
  onToggle,
  shortId = shortTraceId(trace.traceId),
}: Props) {
  const width = maxDuration > 0 ? Math.max(0.5, (trace.duration / maxDuration) * 100) : 0;
  const root =
    trace.rootService || trace.rootOperation
      ? visibleText(`${trace.rootService}: ${trace.rootOperation}`)
      : trace.traceId;
  return (
    <li
      className={selected ? 'result-row selected' : 'result-row'}
      // Machine-readable values for tests and user scripts; the visible text is formatted.
      data-trace-id={trace.traceId}
      data-start={trace.startTime}
      data-duration={trace.duration}
      data-spans={trace.spanCount}
      data-errors={trace.errorCount}
      data-name={`${trace.rootService}: ${trace.rootOperation}`}
    >
      <div className="result-head">
        <input
          type="checkbox"
          checked={selected}
          aria-label={`Select trace ${shortId} for comparison`}
          onChange={() => onToggle(trace.traceId)}
        />
        <Link className="result-title" to={tracePath(trace.traceId)}>
          <span className="result-name">{root}</span> <span className="result-id">{shortId}</span>
        </Link>
        {trace.localFile !== undefined && (
          <span className="result-badge" title={`Opened from ${trace.localFile}`}>
            local
          </span>
        )}
        <span className="result-duration">{formatDuration(trace.duration)}</span>
      </div>
      <div className="result-bar" aria-hidden="true">
        <div
          className={trace.errorCount > 0 ? 'result-bar-fill error' : 'result-bar-fill'}
          style={{ width: `${width}%` }}
        />
      </div>
      <div className="result-meta">
        <span>
          {trace.spanCount} {trace.spanCount === 1 ? 'span' : 'spans'}
        </span>
        {trace.errorCount > 0 && (
          <span className="result-errors">
            {trace.errorCount} {trace.errorCount === 1 ? 'error' : 'errors'}
          </span>
        )}
        <ul className="result-services" aria-label="Services">
          {trace.services.map((service) => (
            <li key={service.name} className="result-service">
              <span
                className="service-swatch"
                style={{ background: serviceColor(service.name) }}
                aria-hidden="true"
              />
              {visibleText(service.name)} <span className="result-count">{service.spanCount}</span>
            </li>
          ))}
        </ul>
        <span className="result-time">
          <time dateTime={isoTime(trace.startTime)}>{formatAbsoluteTime(trace.startTime)}</time>
          <span className="result-ago"> · {formatRelativeTime(trace.startTime, now)}</span>
        </span>
      </div>
    </li>
  );
});
