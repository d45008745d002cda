import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { TraceDiff } from '../../model/diff/trace-diff';
import { formatDuration } from '../../ui/format-duration';
import { serviceColor } from '../../ui/service-colors';
import type { LoadedTrace } from '../../worker/messages';
import { rowChange, rowName } from './diff-row-model';

const ROW_HEIGHT = 26;
const INDENT = 14;

interface Props {
  readonly diff: TraceDiff;
  readonly rows: Int32Array;
  readonly a: LoadedTrace;
  readonly b: LoadedTrace;
}

function Bar({ trace, index }: { readonly trace: LoadedTrace; readonly index: number }) {
  if (index < 0) return <span className="diff-bar-empty">—</span>;
  const total = trace.duration || 1;
  const left = ((trace.columns.start[index] ?? 0) / total) * 100;
  const width = Math.max(((trace.columns.duration[index] ?? 0) / total) * 100, 0.2);
  const service = trace.services[trace.columns.service[index] ?? 0] ?? '';
  return (
    <span className="diff-bar-track">
      <span
        className="diff-bar"
        style={{ left: `${left}%`, width: `${width}%`, background: serviceColor(service) }}
      />
      <span className="diff-bar-label">{formatDuration(trace.columns.duration[index] ?? 0)}</span>
    </span>
  );
}

function deltaText(diff: TraceDiff, row: number): string {
  const change = rowChange(diff, row);
  if (change === 'added') return 'only in B';
  if (change === 'removed') return 'only in A';
  const delta = (diff.durationB[row] ?? 0) - (diff.durationA[row] ?? 0);
  const base = diff.durationA[row] ?? 0;
  const percent = base > 0 ? ` (${delta >= 0 ? '+' : ''}${Math.round((delta / base) * 100)}%)` : '';
  return `${delta >= 0 ? '+' : '−'}${formatDuration(Math.abs(delta))}${percent}`;
}

/**
 * Both traces as one aligned, virtualized table: each row a span matched across A and B, each side
 * drawn on its own trace's time axis, and the duration delta. Only rows on screen exist in the DOM.
 */
export function DiffTable({ diff, rows, a, b }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  return (
    <div
      className="diff-table"
      role="table"
      aria-label="Span comparison"
      aria-rowcount={rows.length + 1}
    >
      <div role="rowgroup">
        <div role="row" className="diff-row diff-head" aria-rowindex={1}>
          <span role="columnheader">Span</span>
          <span role="columnheader">A: {a.traceId.slice(0, 8)}</span>
          <span role="columnheader">B: {b.traceId.slice(0, 8)}</span>
          <span role="columnheader">Δ duration</span>
        </div>
      </div>
      <div ref={scrollRef} className="diff-scroll" role="rowgroup">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index] ?? 0;
            const { service, operation } = rowName(diff, row, a, b);
            const change = rowChange(diff, row);
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                className={`diff-row change-${change}`}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
              >
                <span
                  role="cell"
                  className="diff-name"
                  style={{ paddingLeft: (diff.depth[row] ?? 0) * INDENT }}
                >
                  <span className="diff-swatch" style={{ background: serviceColor(service) }} />
                  <span className="diff-service">{service}</span>{' '}
                  <span className="diff-operation">{operation}</span>
                </span>
                <span role="cell">
                  <Bar trace={a} index={diff.indexA[row] ?? -1} />
                </span>
                <span role="cell">
                  <Bar trace={b} index={diff.indexB[row] ?? -1} />
                </span>
                <span role="cell" className="diff-delta">
                  {deltaText(diff, row)}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
