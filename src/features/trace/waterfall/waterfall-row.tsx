import { memo } from 'react';
import { formatDuration } from '../../../ui/format-duration';
import { SpanFlag } from '../../../model/trace';
import {
  barGeometry,
  indentWidth,
  ROW_HEIGHT,
  rowId,
  timingNote,
  type WaterfallModel,
} from './waterfall-model';

export interface WaterfallRowProps {
  readonly model: WaterfallModel;
  /** Span index. */
  readonly index: number;
  /** 0-based position among the treegrid's rows. */
  readonly position: number;
  /** px from the top of the sticky viewport. */
  readonly top: number;
  readonly selected: boolean;
  readonly focused: boolean;
  readonly collapsed: boolean;
  readonly match: boolean;
  readonly nameColumnWidth: number;
  readonly viewStart: number;
  readonly viewEnd: number;
  /** µs from the time axis' origin where the bar begins (adjusted or raw start). */
  readonly barStart: number;
  /** µs the time axis covers (raw or adjusted). */
  readonly total: number;
  /** Clock-skew shift of this span (µs), 0 when none. */
  readonly skewDelta: number;
  /** The span has critical-path segments (drawn by the canvas; marked in the DOM for tests and styles). */
  readonly critical: boolean;
  /** The canvas draws this row: the cells keep their text for the DOM but skip rendering. */
  readonly painted: boolean;
  readonly onToggle: (index: number) => void;
}

/**
 * One span row. Props are primitives (plus the per-trace model) so memo skips rows that only
 * moved. Names are rendered as text nodes: trace data is hostile.
 */
export const WaterfallRow = memo(function WaterfallRow(props: WaterfallRowProps) {
  const { model, index, position, top, selected, focused, collapsed, match, nameColumnWidth } =
    props;
  const { columns } = model;
  const serviceIndex = columns.service[index] ?? 0;
  const service = model.services[serviceIndex] ?? '';
  const operation = model.operations[columns.operation[index] ?? 0] ?? '';
  const color = model.serviceColors[serviceIndex] ?? 'var(--muted)';
  const depth = columns.depth[index] ?? 0;
  const parentOf = (columns.subtreeEnd[index] ?? 0) > index + 1;
  const flags = columns.flags[index] ?? 0;
  const isError = (flags & SpanFlag.Error) !== 0;
  const outlives = (flags & SpanFlag.OutlivesParent) !== 0;
  const duration = columns.duration[index] ?? 0;
  const selfTime = columns.selfTime[index] ?? duration;
  const indent = indentWidth(depth, nameColumnWidth);
  const bar = barGeometry(props.barStart, duration, props.viewStart, props.viewEnd, props.total);
  // Self time only where it differs from the duration (a parent with children inside it).
  const label =
    parentOf && selfTime < duration
      ? `${formatDuration(duration)} (self ${formatDuration(selfTime)})`
      : formatDuration(duration);
  const skew =
    props.skewDelta !== 0
      ? `${props.skewDelta > 0 ? '+' : ''}${formatDuration(props.skewDelta)}`
      : '';
  // A shifted span's skew badge already says where it was; else any oddity of its times.
  const note = skew ? '' : timingNote(flags);

  let className = 'wf-row';
  if (selected) className += ' is-selected';
  if (focused) className += ' is-focused';
  if (isError) className += ' is-error';
  if (match) className += ' is-match';
  if (props.painted) className += ' is-painted';
  let barClass = `wf-bar${bar.labelPlace}`;
  const toggle = parentOf
    ? (event: { stopPropagation(): void }) => {
        event.stopPropagation();
        props.onToggle(index);
      }
    : undefined;
  if (outlives) barClass += ' is-outliving';
  if (props.critical) barClass += ' on-critical';

  return (
    <div
      id={rowId(model, index)}
      role="row"
      className={className}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
      aria-level={depth + 1}
      aria-rowindex={position + 1}
      aria-selected={selected}
      aria-expanded={parentOf ? !collapsed : undefined}
      aria-label={`${service} ${operation}${isError ? ', error' : ''}${match ? ', match' : ''}, ${label}${outlives ? ', ends after its parent' : ''}${skew ? `, clock skew ${skew}` : ''}${note ? `, ${note}` : ''}`}
      data-span-index={index}
    >
      {props.painted && parentOf ? (
        // The disclosure's click target over the drawn triangle (the cell itself skips rendering).
        <span
          className="wf-toggle-hit"
          style={{ left: 4 + indent.width }}
          aria-hidden="true"
          onClick={toggle}
        />
      ) : null}
      {props.painted ? (
        // Drawn by the canvas: one text node keeps the row's text in the DOM (find in page, tests).
        <div role="gridcell" className="wf-name" style={{ width: nameColumnWidth }}>
          {`${service} ${operation}${skew ? ` ⇆ ${skew}` : ''}${note ? ` ⚠ ${note}` : ''}`}
        </div>
      ) : (
        <div role="gridcell" className="wf-name" style={{ width: nameColumnWidth }}>
          {/* Indent and its guides are padding and background of the disclosure: one element at any depth. */}
          <span
            className={parentOf ? 'wf-toggle' : 'wf-toggle is-leaf'}
            style={{ paddingLeft: indent.width, backgroundSize: `${indent.width}px 100%` }}
            aria-hidden="true"
            onClick={toggle}
          >
            {parentOf ? (collapsed ? '▸' : '▾') : ''}
          </span>
          {indent.capped ? (
            <span className="wf-depth" title={`Depth ${depth}`} aria-hidden="true">
              {depth}
            </span>
          ) : null}
          {isError ? (
            <span className="wf-error-mark" aria-hidden="true" title="Error">
              !
            </span>
          ) : null}
          <span className="wf-service" style={{ borderLeftColor: color }}>
            {service}
          </span>
          <span className="wf-operation">{operation}</span>
          {skew ? (
            <span
              className="wf-skew"
              title={`Shifted by clock-skew adjustment: ${skew}`}
              aria-hidden="true"
            >
              ⇆ {skew}
            </span>
          ) : null}
          {note ? (
            <span className="wf-skew wf-timing-note" aria-hidden="true">
              ⚠ {note}
            </span>
          ) : null}
        </div>
      )}
      <div role="gridcell" className="wf-timeline">
        {/* One element per bar: the duration label is its ::after (content: attr(data-label)). */}
        <span
          className={barClass}
          data-label={label}
          style={{
            left: `${bar.left * 100}%`,
            width: `${bar.width * 100}%`,
            background: isError ? 'var(--error)' : color,
          }}
        />
      </div>
    </div>
  );
});
