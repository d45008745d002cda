import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { SpanFlag, type TraceColumns } from '../../../../model/trace';
import { formatDuration } from '../../../../ui/format-duration';
import { serviceColor } from '../../../../ui/service-colors';
import { scrollScale } from '../../waterfall/scaled-scroll';
import { SortHeader } from '../sort-header';
import type { SortState } from '../trace-aggregates';
import type { SpanColumn } from '../../../../model/analysis/span-sort';

const ROW_HEIGHT = 24;
const OVERSCAN = 2;

const HEADERS: readonly {
  readonly column: SpanColumn;
  readonly label: string;
  readonly numeric?: boolean;
}[] = [
  { column: 'service', label: 'Service' },
  { column: 'operation', label: 'Operation' },
  { column: 'start', label: 'Start', numeric: true },
  { column: 'duration', label: 'Duration', numeric: true },
  { column: 'self', label: 'Self time', numeric: true },
  { column: 'error', label: 'Error' },
];

interface SpanTableGridProps {
  readonly trace: {
    readonly columns: TraceColumns;
    readonly services: readonly string[];
    readonly operations: readonly string[];
  };
  /** Span indexes in display order. */
  readonly rows: Int32Array;
  readonly sort: SortState<SpanColumn>;
  readonly onSort: (column: SpanColumn) => void;
  readonly selected: number;
  readonly onSelect: (index: number) => void;
}

const rowId = (index: number) => `span-table-row-${index}`;

/**
 * The grid: a header row and only the rows on screen. Like the waterfall (ADR 0005) the scroll
 * space is capped and scaled (1M × 24 px exceeds what browsers lay out) and rows are drawn in a
 * sticky viewport. Focus stays on the grid (`aria-activedescendant`): rows come and go as it scrolls.
 */
export function SpanTableGrid({
  trace,
  rows,
  sort,
  onSort,
  selected,
  onSelect,
}: SpanTableGridProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(0);
  // The keyboard row, remembered with the rows it indexes: a new sort or filter starts at the top.
  const [activeAt, setActiveAt] = useState({ rows, position: 0 });
  const active = activeAt.rows === rows ? activeAt.position : 0;
  const setActive = (position: number) => setActiveAt({ rows, position });
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    setViewport(element.clientHeight);
    // Absent in jsdom (tests); every browser Cairn supports has it.
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setViewport(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [rows]);

  const scale = scrollScale(rows.length * ROW_HEIGHT, viewport);
  const top = scale.toVirtual(scrollTop);
  const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((top + viewport) / ROW_HEIGHT) + OVERSCAN);
  const page = Math.max(1, Math.floor(viewport / ROW_HEIGHT) - 1);
  const activePosition = Math.min(active, rows.length - 1);

  const moveTo = (position: number) => {
    const target = Math.max(0, Math.min(rows.length - 1, position));
    setActive(target);
    const element = scrollRef.current;
    if (!element) return;
    const rowTop = target * ROW_HEIGHT;
    if (rowTop < top) element.scrollTop = scale.toPhysical(rowTop);
    else if (rowTop + ROW_HEIGHT > top + viewport)
      element.scrollTop = scale.toPhysical(rowTop + ROW_HEIGHT - viewport);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return;
    const steps: Record<string, number> = {
      ArrowDown: 1,
      ArrowUp: -1,
      PageDown: page,
      PageUp: -page,
    };
    if (event.key in steps) moveTo(activePosition + (steps[event.key] ?? 0));
    else if (event.key === 'Home') moveTo(0);
    else if (event.key === 'End') moveTo(rows.length - 1);
    else if (event.key === 'Enter' || event.key === ' ') {
      const index = rows[activePosition];
      if (index !== undefined) onSelect(index);
    } else return;
    event.preventDefault();
  };

  const { columns, services, operations } = trace;
  const body = [];
  for (let position = first; position < last; position++) {
    const index = rows[position] ?? 0;
    const service = services[columns.service[index] ?? 0] ?? '';
    const error = ((columns.flags[index] ?? 0) & SpanFlag.Error) !== 0;
    body.push(
      <div
        key={position - first}
        id={rowId(index)}
        role="row"
        aria-rowindex={position + 2}
        aria-selected={index === selected}
        className={position === activePosition ? 'span-table-row active' : 'span-table-row'}
        style={{ top: (position - first) * ROW_HEIGHT }}
        onClick={() => {
          setActive(position);
          onSelect(index);
        }}
      >
        <div role="gridcell" className="span-table-service">
          <span
            className="span-table-swatch"
            style={{ background: serviceColor(service) }}
            aria-hidden="true"
          />
          {service}
        </div>
        <div role="gridcell">{operations[columns.operation[index] ?? 0] ?? ''}</div>
        <div role="gridcell" className="numeric">
          {formatDuration(columns.start[index] ?? 0)}
        </div>
        <div role="gridcell" className="numeric">
          {formatDuration(columns.duration[index] ?? 0)}
        </div>
        <div role="gridcell" className="numeric">
          {formatDuration(columns.selfTime[index] ?? 0)}
        </div>
        <div role="gridcell" className={error ? 'span-table-error' : undefined}>
          {error ? 'error' : ''}
        </div>
      </div>,
    );
  }
  // The layer puts row `first` at its virtual offset relative to what is scrolled into view.
  const layerShift = first * ROW_HEIGHT - top;

  return (
    <div
      className="span-table"
      role="grid"
      aria-label="Spans"
      aria-rowcount={rows.length + 1}
      aria-colcount={HEADERS.length}
      tabIndex={0}
      aria-activedescendant={rows.length > 0 ? rowId(rows[activePosition] ?? 0) : undefined}
      onKeyDown={onKeyDown}
    >
      <div role="rowgroup" className="span-table-head">
        <div role="row" aria-rowindex={1} className="span-table-row">
          {HEADERS.map(({ column, label, numeric }) => (
            <SortHeader
              key={column}
              column={column}
              label={label}
              sort={sort}
              onSort={onSort}
              numeric={numeric ?? false}
            />
          ))}
        </div>
      </div>
      <div
        ref={scrollRef}
        className="span-table-scroll"
        onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      >
        <div style={{ height: scale.physicalHeight }}>
          <div
            role="rowgroup"
            className="span-table-viewport"
            style={{ height: Math.min(viewport, scale.physicalHeight) }}
          >
            <div className="span-table-layer" style={{ transform: `translateY(${layerShift}px)` }}>
              {body}
            </div>
          </div>
        </div>
      </div>
      {rows.length === 0 ? <p className="trace-view-note">No span matches the filter.</p> : null}
    </div>
  );
}
