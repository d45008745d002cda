import { line, scaleLinear } from 'd3';

const WIDTH = 72;
const HEIGHT = 18;

/** A row's trend: the shape only (its own y scale), gaps kept. Decorative: the row's number says it. */
export function Sparkline({
  values,
  className,
}: {
  readonly values: readonly (number | null)[];
  readonly className: string;
}) {
  let max = 0;
  for (const v of values) if (v !== null && v > max) max = v;
  const x = scaleLinear()
    .domain([0, Math.max(1, values.length - 1)])
    .range([1, WIDTH - 1]);
  const y = scaleLinear()
    .domain([0, max || 1])
    .range([HEIGHT - 2, 2]);
  const d =
    line<number>()
      .defined((i) => values[i] !== null && values[i] !== undefined)
      .x((i) => x(i))
      .y((i) => y(values[i] ?? 0))(values.map((_, i) => i)) ?? '';
  return (
    <svg className={`sparkline ${className}`} width={WIDTH} height={HEIGHT} aria-hidden="true">
      <path d={d} className="ts-line" />
    </svg>
  );
}
