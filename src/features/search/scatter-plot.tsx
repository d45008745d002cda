/**
 * Start time × duration of every result (d3 scales, React-rendered SVG). Brushing a region zooms
 * the plot and filters the list. Keyboard: the plot is one tab stop; arrows walk the points in time
 * order, Enter opens the trace. The list below stays the primary accessible path.
 */
import * as d3 from 'd3';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { formatDuration } from '../../ui/format-duration';
import { formatAbsoluteTime } from './format-time';
import type { ResultTrace } from './result-types';
import { plotDomains, pointsInZoom, type PlotZoom } from './scatter-zoom';
import './scatter-plot.css';
import { useElementSize } from '../../ui/use-element-size';

interface Props {
  readonly traces: readonly ResultTrace[];
  readonly zoom: PlotZoom | null;
  readonly onZoom: (zoom: PlotZoom | null) => void;
  readonly onOpen: (traceId: string) => void;
}

const HEIGHT = 220;
/** Until the plot area is measured (jsdom never lays it out). */
const FALLBACK_WIDTH = 800;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const MARGIN = { top: 10, right: 16, bottom: 28, left: 64 };

/** Tick labels that read as times at the axis' scale, not d3's mixed ".600 :24" fragments. */
function timeTickFormat(spanMicros: number): (date: Date) => string {
  const format = d3.timeFormat(
    spanMicros < 10_000_000
      ? '%H:%M:%S.%L'
      : spanMicros < 2 * 3_600_000_000
        ? '%H:%M:%S'
        : spanMicros < 2 * 86_400_000_000
          ? '%H:%M'
          : '%b %d %H:%M',
  );
  return (date) => format(date);
}

export function ScatterPlot({ traces, zoom, onZoom, onOpen }: Props) {
  // Read on mount: the axes and points are drawn at the real width from the first frame.
  const [containerRef, container] = useElementSize<HTMLDivElement>({ readOnMount: true });
  const width = container.width || FALLBACK_WIDTH;
  const [log, setLog] = useState(false);
  const [active, setActive] = useState<number | null>(null);
  const xAxisRef = useRef<SVGGElement>(null);
  const yAxisRef = useRef<SVGGElement>(null);
  const brushRef = useRef<SVGGElement>(null);
  const innerW = Math.max(10, width - MARGIN.left - MARGIN.right);
  const innerH = HEIGHT - MARGIN.top - MARGIN.bottom;

  const visible = useMemo(
    () => [...pointsInZoom(traces, zoom)].sort((a, b) => a.startTime - b.startTime),
    [traces, zoom],
  );
  const domains = useMemo(() => plotDomains(visible, zoom), [visible, zoom]);
  // Start times on a time scale (ticks at round times); values are µs, the scale takes ms.
  const time = useMemo(
    () =>
      d3
        .scaleTime()
        .domain(domains.x.map((v) => new Date(v / 1000)))
        .range([0, innerW]),
    [domains, innerW],
  );
  const x = useMemo(
    () => ({
      /** Clamped: a start outside the domain (an outlier) sits at the edge. */
      at: (micros: number) => Math.min(innerW, Math.max(0, time(new Date(micros / 1000)))),
      invert: (px: number) => time.invert(px).getTime() * 1000,
    }),
    [time, innerW],
  );
  const outside = (t: ResultTrace) => t.startTime < domains.x[0] || t.startTime > domains.x[1];
  const y = useMemo(
    () =>
      log
        ? d3
            .scaleLog()
            .domain([Math.max(1, domains.y[0]), Math.max(2, domains.y[1])])
            .range([innerH, 0])
            .clamp(true)
        : d3.scaleLinear().domain(domains.y).range([innerH, 0]).nice(),
    [domains, innerH, log],
  );
  // Radius spans the counts actually shown: results of one endpoint often differ by a few spans
  // only, and a 1-based domain would draw them all the same size.
  const r = useMemo(() => {
    const [lo = 1, hi = 1] = d3.extent(visible, (t) => t.spanCount);
    return hi > lo ? d3.scaleSqrt().domain([lo, hi]).range([3, 11]).clamp(true) : () => 6;
  }, [visible]);

  useEffect(() => {
    if (!xAxisRef.current || !yAxisRef.current) return;
    d3.select(xAxisRef.current).call(
      d3
        .axisBottom<Date>(time)
        .ticks(Math.max(2, Math.floor(innerW / 110)))
        .tickFormat(timeTickFormat(domains.x[1] - domains.x[0])),
    );
    d3.select(yAxisRef.current).call(
      d3
        .axisLeft(y)
        .ticks(5, log ? 3 : undefined)
        .tickFormat((v) => formatDuration(Number(v))),
    );
  }, [domains, time, innerW, y, log]);

  useEffect(() => {
    const node = brushRef.current;
    if (!node) return;
    const brush = d3
      .brush()
      .extent([
        [0, 0],
        [innerW, innerH],
      ])
      .on('end', (event: d3.D3BrushEvent<unknown>) => {
        const sel = event.selection as [[number, number], [number, number]] | null;
        if (!sel) return;
        const [[x0, y0], [x1, y1]] = sel;
        d3.select(node).call(brush.move, null);
        // A click without a drag is not a zoom.
        if (Math.abs(x1 - x0) < 3 && Math.abs(y1 - y0) < 3) return;
        onZoom({ t0: x.invert(x0), t1: x.invert(x1), d0: y.invert(y1), d1: y.invert(y0) });
      });
    d3.select(node).call(brush);
    return () => {
      d3.select(node).on('.brush', null);
    };
  }, [innerW, innerH, x, y, onZoom]);

  const current = active === null ? undefined : visible[active];
  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    if (visible.length === 0) return;
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    if (step !== undefined) {
      event.preventDefault();
      setActive((prev) =>
        prev === null ? 0 : Math.max(0, Math.min(visible.length - 1, prev + step)),
      );
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      setActive(event.key === 'Home' ? 0 : visible.length - 1);
    } else if (event.key === 'Enter' && current) {
      onOpen(current.traceId);
    } else if (event.key === 'Escape') {
      setActive(null);
    }
  };

  const describe = (t: ResultTrace) =>
    `${t.rootService}: ${t.rootOperation}, ${formatDuration(t.duration)}, ${plural(t.spanCount, 'span')}` +
    `${t.errorCount > 0 ? `, ${plural(t.errorCount, 'error')}` : ''}, started ${formatAbsoluteTime(t.startTime)}`;

  return (
    <section className="scatter" aria-label="Durations over time">
      <div className="scatter-controls">
        <label>
          <input type="checkbox" checked={log} onChange={(event) => setLog(event.target.checked)} />{' '}
          Log scale
        </label>
        {zoom && (
          <button type="button" onClick={() => onZoom(null)}>
            Reset zoom
          </button>
        )}
        <span className="scatter-legend">
          <span className="scatter-dot" aria-hidden="true" /> ok{' '}
          <span className="scatter-dot error" aria-hidden="true" /> with errors
        </span>
      </div>
      <div className="scatter-area" ref={containerRef}>
        <svg
          width={width}
          height={HEIGHT}
          tabIndex={0}
          role="group"
          aria-label={`Scatter plot of ${plural(visible.length, 'trace')}. Drag to zoom; arrow keys move between traces, Enter opens one.`}
          onKeyDown={onKeyDown}
          onBlur={() => setActive(null)}
          data-testid="scatter-plot"
        >
          <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
            <g ref={xAxisRef} className="scatter-axis" transform={`translate(0,${innerH})`} />
            <g ref={yAxisRef} className="scatter-axis" />
            <g ref={brushRef} className="scatter-brush" />
            {/* Points above the brush overlay so hover and click reach them; dragging starts off-point. */}
            <g className="scatter-points">
              {visible.map((t, index) => (
                <circle
                  key={t.traceId}
                  className={`${t.errorCount > 0 ? 'scatter-point error' : 'scatter-point'}${outside(t) ? ' outlier' : ''}${index === active ? ' active' : ''}`}
                  cx={x.at(t.startTime)}
                  cy={y(Math.max(log ? 1 : 0, t.duration))}
                  r={r(t.spanCount)}
                  data-trace-id={t.traceId}
                  onMouseEnter={() => setActive(index)}
                  onMouseLeave={() => setActive(null)}
                  onClick={() => onOpen(t.traceId)}
                />
              ))}
            </g>
          </g>
        </svg>
        {current && (
          <div
            className="scatter-tooltip"
            role="status"
            style={{
              left: Math.min(MARGIN.left + x.at(current.startTime) + 12, Math.max(0, width - 260)),
              top: MARGIN.top + y(Math.max(log ? 1 : 0, current.duration)) + 12,
            }}
          >
            <strong>
              {current.rootService}: {current.rootOperation}
            </strong>
            <span>
              {formatDuration(current.duration)} · {plural(current.spanCount, 'span')}
              {current.errorCount > 0 ? ` · ${plural(current.errorCount, 'error')}` : ''}
            </span>
            <span>
              {formatAbsoluteTime(current.startTime)}
              {outside(current) ? ' (far outside the others: drawn at the edge)' : ''}
            </span>
            <span className="visually-hidden">{describe(current)}</span>
          </div>
        )}
      </div>
    </section>
  );
}
