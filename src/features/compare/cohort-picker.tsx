import { formatCount } from '../../ui/format-count';
import { formatDuration } from '../../ui/format-duration';
import type { LoadedTrace } from '../../worker/messages';

/**
 * Every trace of a cohort (`/compare?cohort=…` repeated), with the choice of A and of B: each a
 * trace, or for one of them the median of all the others per aligned span. Choosing for one side
 * what the other side has swaps the two.
 */
export function CohortPicker({
  traces,
  a,
  b,
  onChange,
}: {
  readonly traces: readonly LoadedTrace[];
  /** Positions in `traces`; -1 is the median of the others (one side at most). */
  readonly a: number;
  readonly b: number;
  readonly onChange: (a: number, b: number) => void;
}) {
  return (
    <section className="cohort" aria-labelledby="cohort-title">
      <h2 id="cohort-title">Cohort of {traces.length} traces</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">A</th>
            <th scope="col">B</th>
            <th scope="col">Trace</th>
            <th scope="col">Duration</th>
            <th scope="col">Spans</th>
            <th scope="col">Errors</th>
          </tr>
        </thead>
        <tbody>
          {traces.map((trace, k) => (
            <tr key={`${trace.traceId}-${k}`} className={k === a || k === b ? 'chosen' : ''}>
              <td>
                <input
                  type="radio"
                  name="cohort-a"
                  checked={k === a}
                  aria-label={`Trace ${trace.traceId} as A`}
                  onChange={() => onChange(k, b === k ? a : b)}
                />
              </td>
              <td>
                <input
                  type="radio"
                  name="cohort-b"
                  checked={k === b}
                  aria-label={`Trace ${trace.traceId} as B`}
                  onChange={() => onChange(a === k ? b : a, k)}
                />
              </td>
              <td>
                <code>{trace.traceId.slice(0, 12)}</code> {trace.name}
              </td>
              <td className="num">{formatDuration(trace.duration)}</td>
              <td className="num">{formatCount(trace.spanCount)}</td>
              <td className="num">{trace.errorCount}</td>
            </tr>
          ))}
          <tr className={a === -1 || b === -1 ? 'chosen' : ''}>
            <td>
              <input
                type="radio"
                name="cohort-a"
                checked={a === -1}
                aria-label="Median of the other traces as A"
                onChange={() => onChange(-1, b >= 0 ? b : a)}
              />
            </td>
            <td>
              <input
                type="radio"
                name="cohort-b"
                checked={b === -1}
                aria-label="Median of the other traces as B"
                onChange={() => onChange(a >= 0 ? a : b, -1)}
              />
            </td>
            <td colSpan={4}>Median of the other {traces.length - 1} traces, per aligned span</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
