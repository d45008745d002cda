/**
 * Every operation of the service with its RED numbers and trends. Sortable, filterable and
 * virtualized: a service with thousands of operations keeps only the rows on screen in the DOM.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { formatLatency, formatPercent, formatRate, orDash } from './monitor-format';
import { tracesSearchPath } from './monitor-params';
import type { OperationRow, OperationSortKey } from './operation-rows';
import { filterOperations, sortOperations } from './operation-rows';
import { Sparkline } from './sparkline';

const ROW_HEIGHT = 34;

interface Props {
  readonly rows: readonly OperationRow[];
  readonly service: string;
  readonly selected: string;
  readonly onSelect: (operation: string) => void;
  readonly range: { readonly fromMs: number; readonly toMs: number };
}

const COLUMNS: readonly { key: OperationSortKey; label: string; numeric: boolean }[] = [
  { key: 'name', label: 'Operation', numeric: false },
  { key: 'latency', label: 'P95 latency', numeric: true },
  { key: 'rate', label: 'Request rate', numeric: true },
  { key: 'errorRate', label: 'Error rate', numeric: true },
  { key: 'impact', label: 'Impact', numeric: true },
];

export function OperationsTable({ rows, service, selected, onSelect, range }: Props) {
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<{ key: OperationSortKey; descending: boolean }>({
    key: 'impact',
    descending: true,
  });
  const shown = useMemo(
    () => sortOperations(filterOperations(rows, filter), sort.key, sort.descending),
    [rows, filter, sort],
  );
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const onSort = (key: OperationSortKey) =>
    setSort((current) =>
      current.key === key
        ? { key, descending: !current.descending }
        : { key, descending: key !== 'name' },
    );

  return (
    <div className="ops">
      <div className="ops-toolbar">
        <label>
          Filter operations{' '}
          <input type="search" value={filter} onChange={(event) => setFilter(event.target.value)} />
        </label>
        <span className="ops-count" aria-live="polite">
          {shown.length === rows.length
            ? `${rows.length} operations`
            : `${shown.length} of ${rows.length} operations`}
        </span>
      </div>
      <div
        className="ops-table"
        role="table"
        aria-label={`Operations of ${service}`}
        aria-rowcount={shown.length + 1}
      >
        <div role="rowgroup">
          <div role="row" className="ops-row ops-head" aria-rowindex={1}>
            {COLUMNS.map((column) => {
              const active = sort.key === column.key;
              return (
                <div
                  key={column.key}
                  role="columnheader"
                  className={column.numeric ? 'numeric' : undefined}
                  aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}
                >
                  <button type="button" onClick={() => onSort(column.key)}>
                    {column.label}
                    <span aria-hidden="true">{active ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
                  </button>
                </div>
              );
            })}
            <div role="columnheader">
              <span className="visually-hidden">Traces</span>
            </div>
          </div>
        </div>
        <div ref={scrollRef} className="ops-scroll" role="rowgroup">
          {shown.length === 0 && (
            <div role="row" className="ops-empty">
              <div role="cell">No operation matches “{filter}”.</div>
            </div>
          )}
          <div className="ops-sizer" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = shown[item.index];
              if (!row) return null;
              const isSelected = row.name === selected;
              return (
                <div
                  key={row.name}
                  role="row"
                  aria-rowindex={item.index + 2}
                  aria-selected={isSelected}
                  className={isSelected ? 'ops-row selected' : 'ops-row'}
                  style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                >
                  <div role="cell" className="ops-name">
                    <button
                      type="button"
                      aria-pressed={isSelected}
                      title={row.name}
                      onClick={() => onSelect(isSelected ? '' : row.name)}
                    >
                      {row.name}
                    </button>
                  </div>
                  <div role="cell" className="numeric">
                    <Sparkline values={row.latencySeries} className="line-p95" />
                    {orDash(row.latency, formatLatency)}
                  </div>
                  <div role="cell" className="numeric">
                    <Sparkline values={row.rateSeries} className="line-calls" />
                    {orDash(row.rate, formatRate)}
                  </div>
                  <div role="cell" className="numeric">
                    <Sparkline values={row.errorSeries} className="line-errors" />
                    {orDash(row.errorRate, formatPercent)}
                  </div>
                  <div role="cell" className="numeric ops-impact">
                    <span className="impact-track" aria-hidden="true">
                      <span
                        className="impact-bar"
                        style={{ width: `${Math.round((row.impact ?? 0) * 100)}%` }}
                      />
                    </span>
                    {row.impact === null ? '—' : row.impact.toFixed(2)}
                  </div>
                  <div role="cell">
                    <Link
                      to={tracesSearchPath({
                        service,
                        operation: row.name,
                        fromMs: range.fromMs,
                        toMs: range.toMs,
                      })}
                      aria-label={`View traces of ${row.name}`}
                    >
                      View traces
                    </Link>
                  </div>
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}
