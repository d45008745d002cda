import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { DiffCore } from '../../model/diff/trace-diff';
import { RowFlag } from '../../model/diff/merged-rows';
import { formatCount } from '../../ui/format-count';
import { formatDuration } from '../../ui/format-duration';
import { serviceColor } from '../../ui/service-colors';
import { useElementSize } from '../../ui/use-element-size';
import type { LoadedTrace } from '../../worker/messages';
import { deltaText, isCollapsed, isRepeat, rowChange, type Threshold } from './diff-row-model';
import { rowWindow } from './row-window';

const ROW_HEIGHT = 26;
const HEAD_HEIGHT = 28;
const INDENT = 14;
/** Deeper rows indent no further (a 10,000-deep chain would push names off screen) and say their depth. */
const MAX_INDENT_LEVELS = 24;

export interface DiffTableProps {
  readonly diff: DiffCore;
  /** Diff rows to draw, in order (visibleRows). */
  readonly rows: Int32Array;
  /**
   * Each side's trace, or null for the side that is a cohort median (at most one): its bars use
   * the other side's start times and duration, as the median is built on that trace's tree.
   */
  readonly a: LoadedTrace | null;
  readonly b: LoadedTrace | null;
  readonly labelA: string;
  readonly labelB: string;
  readonly threshold: Threshold;
  readonly toggled: ReadonlySet<number>;
  readonly onToggle: (row: number) => void;
  /** Position in `rows` of the active row, -1 for none. */
  readonly active: number;
  readonly onActiveChange: (position: number) => void;
}

function Bar(props: {
  readonly start: number;
  readonly duration: number;
  readonly total: number;
  readonly service: string;
  readonly label: string;
}) {
  const total = props.total || 1;
  const left = Math.min(Math.max((props.start / total) * 100, 0), 100);
  const width = Math.min(Math.max((props.duration / total) * 100, 0.2), 100 - left);
  return (
    <span className="diff-bar-track">
      <span
        className="diff-bar"
        style={{ left: `${left}%`, width: `${width}%`, background: serviceColor(props.service) }}
      />
      <span className="diff-bar-label">{props.label}</span>
    </span>
  );
}

/**
 * Both traces as one aligned tree grid: each row a span matched across A and B (or a summary of
 * repeated calls), each side drawn on its own trace's time axis, and the change. Only the rows on
 * screen exist in the DOM (row-window.ts); the grid is one tab stop, moved with the arrow keys.
 */
export function DiffTable(props: DiffTableProps) {
  const { diff, rows, a, b, threshold, toggled, onToggle, active, onActiveChange } = props;
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const [sizeRef, size] = useElementSize<HTMLDivElement>({ initial: { width: 0, height: 480 } });
  const [scrollTop, setScrollTop] = useState(0);
  const bodyHeight = Math.max(size.height - HEAD_HEIGHT, ROW_HEIGHT);
  const win = rowWindow(rows.length, ROW_HEIGHT, bodyHeight, scrollTop);
  const r = diff.rows;

  // Keyboard moves bring the active row on screen.
  const revealed = useRef(-1);
  useLayoutEffect(() => {
    const node = scrollRef.current;
    if (!node || active < 0 || revealed.current === active) return;
    revealed.current = active;
    const target = win.scrollTopFor(active);
    if (target !== null) node.scrollTop = target;
  }, [active, win]);

  const move = (position: number) =>
    onActiveChange(Math.min(Math.max(position, 0), Math.max(rows.length - 1, 0)));
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor(bodyHeight / ROW_HEIGHT) - 1);
    const row = rows[active] ?? -1;
    const expandable = row >= 0 && (r.subtreeEnd[row] ?? 0) > row + 1;
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(active + 1),
      ArrowUp: () => move(active - 1),
      PageDown: () => move(active + page),
      PageUp: () => move(active - page),
      Home: () => move(0),
      End: () => move(rows.length - 1),
      ArrowRight: () => expandable && isCollapsed(r, toggled, row) && onToggle(row),
      ArrowLeft: () => {
        if (expandable && !isCollapsed(r, toggled, row)) onToggle(row);
        else {
          const parent = r.parent[row] ?? -1;
          const at = parent >= 0 ? rows.lastIndexOf(parent, active) : -1;
          if (at >= 0) move(at);
        }
      },
      Enter: () => expandable && onToggle(row),
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    if (active < 0 && rows.length > 0) move(0);
    else action();
  };

  const rowId = (position: number) => `diff-row-${position}`;
  const activeOnScreen = active >= win.first && active < win.last;
  const items = [];
  for (let position = win.first; position < win.last; position++) {
    const row = rows[position] ?? 0;
    const name = r.name[row] ?? 0;
    const service = diff.services[diff.nameService[name] ?? 0] ?? '';
    const operation = diff.nameOperation[name] ?? '';
    const change = rowChange(r, row, threshold);
    const repeat = isRepeat(r, row);
    const expandable = (r.subtreeEnd[row] ?? 0) > row + 1;
    const ia = r.indexA[row] ?? -1;
    const ib = r.indexB[row] ?? -1;
    const countA = r.countA[row] ?? 0;
    const countB = r.countB[row] ?? 0;
    const startA = (a ? a.columns.start[ia] : b?.columns.start[ib]) ?? 0;
    const startB = (b ? b.columns.start[ib] : a?.columns.start[ia]) ?? 0;
    const sideA =
      countA === 0 ? null : repeat ? (
        <span className="diff-repeat">
          ×{formatCount(countA)} · {formatDuration(r.durationA[row] ?? 0)}
        </span>
      ) : (
        <Bar
          start={startA}
          duration={r.durationA[row] ?? 0}
          total={a?.duration ?? b?.duration ?? 0}
          service={service}
          label={formatDuration(r.durationA[row] ?? 0)}
        />
      );

    const sideB =
      countB === 0 ? null : repeat ? (
        <span className="diff-repeat">
          ×{formatCount(countB)} · {formatDuration(r.durationB[row] ?? 0)}
        </span>
      ) : (
        <Bar
          start={startB}
          duration={r.durationB[row] ?? 0}
          total={b?.duration ?? a?.duration ?? 0}
          service={service}
          label={formatDuration(r.durationB[row] ?? 0)}
        />
      );
    const errorsA = r.errorsA[row] ?? 0;
    const errorsB = r.errorsB[row] ?? 0;
    items.push(
      <div
        key={row}
        id={rowId(position)}
        role="row"
        aria-rowindex={position + 2}
        aria-level={(r.depth[row] ?? 0) + 1}
        aria-selected={position === active}
        aria-expanded={expandable ? !isCollapsed(r, toggled, row) : undefined}
        className={`diff-row change-${change}${position === active ? ' active' : ''}`}
        style={{ transform: `translateY(${win.offsetOf(position)}px)`, height: ROW_HEIGHT }}
        onClick={() => onActiveChange(position)}
      >
        <span
          role="gridcell"
          className="diff-name"
          style={{ paddingLeft: Math.min(r.depth[row] ?? 0, MAX_INDENT_LEVELS) * INDENT }}
        >
          {expandable ? (
            <button
              type="button"
              tabIndex={-1}
              className="diff-toggle"
              aria-label={isCollapsed(r, toggled, row) ? 'Expand' : 'Collapse'}
              onClick={(event) => {
                event.stopPropagation();
                onActiveChange(position);
                onToggle(row);
              }}
            >
              {isCollapsed(r, toggled, row) ? '▸' : '▾'}
            </button>
          ) : (
            <span className="diff-toggle-space" />
          )}
          {(r.depth[row] ?? 0) > MAX_INDENT_LEVELS && (
            <span className="diff-depth">{formatCount((r.depth[row] ?? 0) + 1)} </span>
          )}
          <span className="diff-swatch" style={{ background: serviceColor(service) }} />
          <span className="diff-service">{service}</span>{' '}
          <span className="diff-operation">{operation}</span>
          {repeat && (
            <span className="diff-repeat-label">
              {' '}
              ×{formatCount(countA)} in {props.labelA}, ×{formatCount(countB)} in {props.labelB}
            </span>
          )}
          {((r.flags[row] ?? 0) & RowFlag.Moved) !== 0 && (
            <span className="diff-moved" title="Matched under a renamed or missing parent">
              {' '}
              (moved)
            </span>
          )}
        </span>
        <span role="gridcell" className="diff-side">
          {sideA ?? <span className="diff-bar-empty">—</span>}
          {errorsA > 0 && <ErrorMark count={errorsA} side={props.labelA} />}
        </span>
        <span role="gridcell" className="diff-side">
          {sideB ?? <span className="diff-bar-empty">—</span>}
          {errorsB > 0 && <ErrorMark count={errorsB} side={props.labelB} />}
        </span>
        <span role="gridcell" className="diff-delta">
          {deltaText(r, row)}
        </span>
      </div>,
    );
  }

  return (
    <div
      ref={(node) => {
        scrollRef.current = node;
        sizeRef(node);
      }}
      className="diff-table"
      role="treegrid"
      aria-label="Span comparison"
      aria-rowcount={rows.length + 1}
      aria-activedescendant={activeOnScreen ? rowId(active) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
    >
      <div role="row" className="diff-row diff-head" aria-rowindex={1}>
        <span role="columnheader">Span</span>
        <span role="columnheader">A: {a ? a.traceId.slice(0, 8) : 'median'}</span>
        <span role="columnheader">B: {b ? b.traceId.slice(0, 8) : 'median'}</span>
        <span role="columnheader">Δ duration</span>
      </div>
      <div role="rowgroup" className="diff-body" style={{ height: win.spacerHeight }}>
        {items}
      </div>
    </div>
  );
}

function ErrorMark({ count, side }: { readonly count: number; readonly side: string }) {
  return (
    <span className="diff-error" title={`${count} error${count === 1 ? '' : 's'} in ${side}`}>
      ⚠ {count > 1 ? count : ''}
      <span className="visually-hidden">
        {count} error{count === 1 ? '' : 's'} in {side}
      </span>
    </span>
  );
}
