import { memo } from 'react';
import type { SiblingGroup } from '../../../model/analysis/repeated-siblings';
import { formatDuration } from '../../../ui/format-duration';
import {
  barGeometry,
  indentWidth,
  ROW_HEIGHT,
  rowId,
  type WaterfallModel,
} from './waterfall-model';
import { countOf, formatCount } from '../../../ui/format-count';

interface SummaryRowBase {
  readonly model: WaterfallModel;
  /** First span the row stands for. */
  readonly index: number;
  /** One past the last span it stands for. */
  readonly end: number;
  readonly position: number;
  readonly top: number;
  readonly focused: boolean;
  readonly nameColumnWidth: number;
}

/** The disclosure's indent for a row standing at span `index` (same guides as span rows). */
function Indent({
  model,
  index,
  nameColumnWidth,
}: Pick<SummaryRowBase, 'model' | 'index' | 'nameColumnWidth'>) {
  const indent = indentWidth(model.columns.depth[index] ?? 0, nameColumnWidth);
  return (
    <span
      className="wf-toggle"
      style={{ paddingLeft: indent.width, backgroundSize: `${indent.width}px 100%` }}
      aria-hidden="true"
    >
      ▸
    </span>
  );
}

/**
 * Stands for sibling subtrees whose services are hidden. Clicking it (or Enter) shows them again;
 * the list of hidden service names is text, as every trace string.
 */
export const HiddenRow = memo(function HiddenRow({
  model,
  index,
  end,
  position,
  top,
  focused,
  nameColumnWidth,
}: SummaryRowBase) {
  const label = `${formatCount(end - index)} ${end - index === 1 ? 'span' : 'spans'} hidden`;
  return (
    <div
      id={rowId(model, index)}
      role="row"
      className={`wf-row wf-summary is-hidden-run${focused ? ' is-focused' : ''}`}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
      aria-level={(model.columns.depth[index] ?? 0) + 1}
      aria-rowindex={position + 1}
      aria-expanded={false}
      aria-label={`${label}, ${model.services[model.columns.service[index] ?? 0] ?? ''}; activate to show`}
      data-row-action="reveal"
      data-row-start={index}
      data-row-end={end}
    >
      <div role="gridcell" className="wf-name wf-summary-cell">
        <Indent model={model} index={index} nameColumnWidth={nameColumnWidth} />
        <span className="wf-summary-text">{label}</span>
        <span className="wf-operation">
          ({model.services[model.columns.service[index] ?? 0] ?? ''})
        </span>
      </div>
    </div>
  );
});

export interface FoldRowProps extends SummaryRowBase {
  readonly group: SiblingGroup;
  readonly groupIndex: number;
  /** Spans of the run (with their subtrees) with an error, and with a warning. */
  readonly errors: number;
  readonly warnings: number;
  readonly viewStart: number;
  readonly viewEnd: number;
  /** µs from the time axis' origin where the run's first call starts, and the axis' length. */
  readonly barStart: number;
  readonly total: number;
}

/** A run of repeated sibling calls (N+1 queries, retries) folded into one row; click to expand. */
export const FoldRow = memo(function FoldRow(props: FoldRowProps) {
  const { model, index, end, position, top, focused, nameColumnWidth, group } = props;
  const service = model.services[group.service] ?? '';
  const operation = model.operations[group.operation] ?? '';
  const color = model.serviceColors[group.service] ?? 'var(--muted)';
  const stats = `total ${formatDuration(group.total)}, min ${formatDuration(group.min)} / median ${formatDuration(group.median)} / max ${formatDuration(group.max)}`;
  const bar = barGeometry(props.barStart, group.wall, props.viewStart, props.viewEnd, props.total);
  const { errors, warnings } = props;
  const marks = [
    errors > 0 ? countOf(errors, 'error') : '',
    warnings > 0 ? countOf(warnings, 'warning') : '',
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <div
      id={rowId(model, index)}
      role="row"
      className={`wf-row wf-summary is-fold${errors > 0 ? ' is-error' : ''}${focused ? ' is-focused' : ''}`}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
      aria-level={(model.columns.depth[index] ?? 0) + 1}
      aria-rowindex={position + 1}
      aria-expanded={false}
      aria-label={`${formatCount(group.count)} repeated calls ${service} ${operation} (${formatCount(end - index)} spans)${marks ? `, ${marks}` : ''}, ${stats}`}
      data-row-action="unfold"
      data-row-group={props.groupIndex}
    >
      <div role="gridcell" className="wf-name wf-summary-cell" style={{ width: nameColumnWidth }}>
        <Indent model={model} index={index} nameColumnWidth={nameColumnWidth} />
        <span className="wf-fold-count">×{formatCount(group.count)}</span>
        {errors > 0 ? (
          <span className="wf-error-mark" aria-hidden="true" title={countOf(errors, 'error')}>
            !
          </span>
        ) : null}
        <span className="wf-service" style={{ borderLeftColor: color }}>
          {service}
        </span>
        <span className="wf-operation">{operation}</span>
        {marks ? (
          <span className={`wf-fold-marks${errors > 0 ? ' is-error' : ''}`} aria-hidden="true">
            {marks}
          </span>
        ) : null}
      </div>
      <div role="gridcell" className="wf-timeline">
        <span
          className={`wf-bar is-fold-bar${bar.labelPlace}`}
          data-label={stats}
          style={{ left: `${bar.left * 100}%`, width: `${bar.width * 100}%`, background: color }}
        />
      </div>
    </div>
  );
});
