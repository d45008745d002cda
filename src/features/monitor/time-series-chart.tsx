/**
 * One metric over time: d3 scales and line generators, drawn as React SVG. Missing points are gaps
 * (`line.defined`), a lone point between gaps is a dot. The crosshair index is shared by the charts
 * of a group; arrow keys move it when the plot has focus. "Show as table" is the text alternative.
 */
import { line, scaleLinear, scaleTime } from 'd3';
import {
  useId,
  useMemo,
  useState,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
} from 'react';
import { useElementSize } from '../../ui/use-element-size';
import { nearestSlot } from './align-series';
import { formatClock, orDash } from './monitor-format';

export interface ChartLine {
  readonly key: string;
  readonly label: string;
  readonly values: readonly (number | null)[];
  /** Sets the stroke colour and dash (monitor.css), so lines differ by more than colour. */
  readonly className: string;
}

interface Props {
  readonly title: string;
  readonly times: readonly number[];
  readonly lines: readonly ChartLine[];
  /** ms: the window asked for, so charts of a group share their axis whatever arrived. */
  readonly xDomain: readonly [number, number];
  readonly format: (value: number) => string;
  /** Shorter text for the y axis ticks; `format` when absent. */
  readonly tickFormat?: (value: number) => string;
  /** The y axis reaches at least this far (a 0.2% error rate should not fill the chart). */
  readonly minYMax?: number;
  readonly hover: number | null;
  readonly onHover: (index: number | null) => void;
  /** Links for the point under the crosshair ("View traces"). */
  readonly actions?: (index: number) => ReactNode;
  /** Shown under the chart: the failures of this chart's queries. */
  readonly notice?: ReactNode;
  /** Some of its queries are still on their way. */
  readonly busy?: boolean;
}

const HEIGHT = 170;
const FALLBACK_WIDTH = 360;
const MARGIN = { top: 8, right: 12, bottom: 22, left: 64 };

export function TimeSeriesChart(props: Props) {
  const {
    title,
    times,
    lines,
    xDomain,
    format,
    minYMax = 0,
    hover,
    onHover,
    actions,
    notice,
    busy = false,
  } = props;
  const tickFormat = props.tickFormat ?? format;
  const id = useId();
  const [plotRef, size] = useElementSize<HTMLDivElement>({ readOnMount: true });
  const [asTable, setAsTable] = useState(false);
  const width = size.width || FALLBACK_WIDTH;
  const withDate = xDomain[1] - xDomain[0] > 24 * 3_600_000;

  const x = useMemo(
    () =>
      scaleTime()
        .domain([new Date(xDomain[0]), new Date(xDomain[1])])
        .range([MARGIN.left, Math.max(MARGIN.left + 10, width - MARGIN.right)]),
    [xDomain, width],
  );
  const y = useMemo(() => {
    let max = minYMax;
    for (const one of lines) for (const v of one.values) if (v !== null && v > max) max = v;
    return scaleLinear()
      .domain([0, max > 0 ? max : 1])
      .nice(4)
      .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  }, [lines, minYMax]);

  const paths = useMemo(
    () =>
      lines.map((one) => {
        const at = (i: number) => one.values[i] ?? null;
        const generator = line<number>()
          .defined((i) => at(i) !== null)
          .x((i) => x(times[i] ?? 0))
          .y((i) => y(at(i) ?? 0));
        const indexes = times.map((_, i) => i);
        // d3 draws nothing for a point with gaps on both sides; it still counts.
        const lone = indexes.filter(
          (i) => at(i) !== null && (i === 0 || at(i - 1) === null) && at(i + 1) === null,
        );
        return { one, d: generator(indexes) ?? '', lone };
      }),
    [lines, times, x, y],
  );

  // Axes and lines change with the data and the size only: the same elements on every crosshair
  // move, so React skips them and a move redraws just the crosshair and the readout.
  const drawing = useMemo(
    () => (
      <>
        <g className="ts-grid">
          {y.ticks(4).map((tick) => (
            <g key={tick} transform={`translate(0,${y(tick)})`}>
              <line x1={MARGIN.left} x2={width - MARGIN.right} />
              <text x={MARGIN.left - 6} dy="0.32em" textAnchor="end">
                {tick === 0 ? '0' : tickFormat(tick)}
              </text>
            </g>
          ))}
        </g>
        <g className="ts-x-axis" transform={`translate(0,${HEIGHT - MARGIN.bottom})`}>
          <line x1={MARGIN.left} x2={width - MARGIN.right} />
          {x.ticks(Math.max(2, Math.floor(width / 110))).map((tick) => (
            <text key={tick.getTime()} x={x(tick)} dy="1.2em" textAnchor="middle">
              {formatClock(tick.getTime(), withDate)}
            </text>
          ))}
        </g>
        {paths.map(({ one, d, lone }) => (
          <g key={one.key} className={one.className}>
            <path d={d} className="ts-line" />
            {lone.map((i) => (
              <circle
                key={i}
                cx={x(times[i] ?? 0)}
                cy={y(one.values[i] ?? 0)}
                r={2.5}
                className="ts-dot"
              />
            ))}
          </g>
        ))}
      </>
    ),
    [x, y, width, withDate, paths, times, tickFormat],
  );

  const move = (event: PointerEvent<SVGSVGElement>) => {
    if (times.length === 0) return;
    const px = event.clientX - event.currentTarget.getBoundingClientRect().left;
    onHover(nearestSlot(times, x.invert(px).getTime()));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const last = times.length - 1;
    if (last < 0) return;
    const from = hover ?? last;
    const stride = event.shiftKey ? 10 : 1;
    const next =
      event.key === 'ArrowLeft'
        ? Math.max(0, hover === null ? last : from - stride)
        : event.key === 'ArrowRight'
          ? Math.min(last, hover === null ? last : from + stride)
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : undefined;
    if (event.key === 'Escape') {
      onHover(null);
      return;
    }
    if (next === undefined) return;
    event.preventDefault();
    onHover(next);
  };

  const hoverTime = hover === null ? undefined : times[hover];
  const readoutId = `${id}-readout`;
  return (
    <figure className="ts-chart" aria-labelledby={`${id}-title`} aria-busy={busy}>
      <div className="ts-chart-head">
        <h3 id={`${id}-title`}>{title}</h3>
        <ul className="ts-legend" aria-label={`${title} series`}>
          {lines.map((one) => (
            <li key={one.key}>
              <svg width="18" height="8" aria-hidden="true">
                <line x1="0" x2="18" y1="4" y2="4" className={`ts-line ${one.className}`} />
              </svg>
              {one.label}
            </li>
          ))}
        </ul>
        <button type="button" aria-pressed={asTable} onClick={() => setAsTable(!asTable)}>
          Show as table
        </button>
      </div>
      <div
        ref={plotRef}
        className="ts-plot"
        tabIndex={0}
        role="group"
        aria-label={`${title} chart; arrow keys move the crosshair, Home and End jump to the ends`}
        aria-describedby={readoutId}
        onKeyDown={onKeyDown}
      >
        <svg
          width={width}
          height={HEIGHT}
          aria-hidden="true"
          onPointerMove={move}
          onPointerDown={move}
        >
          {drawing}
          {hoverTime !== undefined && hover !== null && (
            <g className="ts-crosshair">
              <line
                x1={x(hoverTime)}
                x2={x(hoverTime)}
                y1={MARGIN.top}
                y2={HEIGHT - MARGIN.bottom}
              />
              {lines.map((one) => {
                const v = one.values[hover];
                return v === null || v === undefined ? null : (
                  <circle
                    key={one.key}
                    cx={x(hoverTime)}
                    cy={y(v)}
                    r={3.5}
                    className={one.className}
                  />
                );
              })}
            </g>
          )}
        </svg>
      </div>
      <div id={readoutId} className="ts-readout" aria-live="polite">
        {busy ? (
          <span className="ts-hint">Loading…</span>
        ) : hoverTime === undefined || hover === null ? (
          <span className="ts-hint">Point at the chart, or focus it and use the arrow keys.</span>
        ) : (
          <>
            <time dateTime={new Date(hoverTime).toISOString()}>
              {formatClock(hoverTime, withDate)}
            </time>
            {lines.map((one) => (
              <span key={one.key}>
                {one.label} <strong>{orDash(one.values[hover], format)}</strong>
              </span>
            ))}
            {actions?.(hover)}
          </>
        )}
      </div>
      {notice}
      {asTable && (
        // Focusable: it scrolls, and keyboard users must be able to scroll it.
        <div className="ts-table-wrap" tabIndex={0} role="region" aria-label={`${title} values`}>
          <table className="ts-table">
            <caption>{title}: values by time</caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                {lines.map((one) => (
                  <th scope="col" key={one.key}>
                    {one.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {times.map((time, i) => (
                <tr key={time} aria-current={i === hover ? 'true' : undefined}>
                  <th scope="row">{formatClock(time, withDate)}</th>
                  {lines.map((one) => (
                    <td key={one.key}>{orDash(one.values[i], format)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </figure>
  );
}
