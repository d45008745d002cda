import { memo } from 'react';
import { formatDuration } from '../../../ui/format-duration';
import { SpanFlag } from '../../../model/trace';
import { indentWidth, ROW_HEIGHT, rowId, type WaterfallModel } from './waterfall-model';

export interface WaterfallRowProps {
  readonly model: WaterfallModel;
  /** Span index. */
  readonly index: number;
  /** 0-based position among visible rows. */
  readonly position: number;
  /** px from the top of the sticky viewport. */
  readonly top: number;
  readonly selected: boolean;
  readonly focused: boolean;
  readonly collapsed: boolean;
  readonly nameColumnWidth: number;
  readonly viewStart: number;
  readonly viewEnd: number;
  readonly onToggle: (index: number) => void;
}

/**
 * One span row. Props are primitives (plus the per-trace model) so memo skips rows that only
 * moved. Names are rendered as text nodes: trace data is hostile.
 */
export const WaterfallRow = memo(function WaterfallRow(props: WaterfallRowProps) {
  const { model, index, position, top, selected, focused, collapsed, nameColumnWidth, viewStart, viewEnd } = props;
  const { columns } = model;
  const serviceIndex = columns.service[index] ?? 0;
  const service = model.services[serviceIndex] ?? '';
  const operation = model.operations[columns.operation[index] ?? 0] ?? '';
  const color = model.serviceColors[serviceIndex] ?? 'var(--muted)';
  const depth = columns.depth[index] ?? 0;
  const parentOf = (columns.subtreeEnd[index] ?? 0) > index + 1;
  const isError = ((columns.flags[index] ?? 0) & SpanFlag.Error) !== 0;
  const start = columns.start[index] ?? 0;
  const duration = columns.duration[index] ?? 0;
  const indent = indentWidth(depth, nameColumnWidth);

  // Bar in fractions of the visible window; clipped to it.
  const total = model.duration > 0 ? model.duration : 1;
  const windowStart = viewStart * total;
  const windowSpan = (viewEnd - viewStart) * total;
  const left = (start - windowStart) / windowSpan;
  const width = duration / windowSpan;
  const clippedLeft = Math.min(Math.max(left, 0), 1);
  const clippedRight = Math.min(Math.max(left + width, 0), 1);
  const label = formatDuration(duration);
  // Label after the bar; before it when the bar ends near the right edge; inside when it spans both.
  const labelPlace = clippedRight <= 0.75 ? '' : clippedLeft >= 0.25 ? ' label-left' : ' label-inside';

  let className = 'wf-row';
  if (selected) className += ' is-selected';
  if (focused) className += ' is-focused';
  if (isError) className += ' is-error';

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
      aria-label={`${service} ${operation}${isError ? ', error' : ''}, ${label}`}
      data-span-index={index}
    >
      <div role="gridcell" className="wf-name" style={{ width: nameColumnWidth }}>
        {/* Indent and its guides are padding and background of the disclosure: one element at any depth. */}
        <span
          className={parentOf ? 'wf-toggle' : 'wf-toggle is-leaf'}
          style={{ paddingLeft: indent.width, backgroundSize: `${indent.width}px 100%` }}
          aria-hidden="true"
          onClick={
            parentOf
              ? (event) => {
                  event.stopPropagation();
                  props.onToggle(index);
                }
              : undefined
          }
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
      </div>
      <div role="gridcell" className="wf-timeline">
        {/* One element per bar: the duration label is its ::after (content: attr(data-label)). */}
        <span
          className={`wf-bar${labelPlace}`}
          data-label={label}
          style={{
            left: `${clippedLeft * 100}%`,
            width: `${Math.max(clippedRight - clippedLeft, 0) * 100}%`,
            background: isError ? 'var(--error)' : color,
          }}
        />
      </div>
    </div>
  );
});
