import { Link } from 'react-router';
import type { DiffCore } from '../../model/diff/trace-diff';
import { formatCount } from '../../ui/format-count';
import { formatDuration } from '../../ui/format-duration';
import { formatTimestamp } from '../../ui/format-time';
import type { LoadedTrace } from '../../worker/messages';

function Side({ label, trace }: { readonly label: string; readonly trace: LoadedTrace }) {
  return (
    <div className="compare-side">
      <h2>
        {label}: <Link to={`/trace/${encodeURIComponent(trace.traceId)}`}>{trace.name}</Link>
      </h2>
      <p>
        <code>{trace.traceId}</code> · {formatDuration(trace.duration)} ·{' '}
        {formatCount(trace.spanCount)} spans · {trace.errorCount} errors ·{' '}
        {formatTimestamp(trace.startTime, 'seconds')}
      </p>
    </div>
  );
}

/** Median of the cohort's root durations, for the headline when B is a cohort median. */
function medianDuration(traces: readonly LoadedTrace[]): number {
  const sorted = traces.map((t) => t.duration).sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function CompareSummary({
  a,
  b,
  baseline,
  diff,
}: {
  readonly a: LoadedTrace;
  /** B's trace; null when B is the median of `baseline`. */
  readonly b: LoadedTrace | null;
  readonly baseline: readonly LoadedTrace[];
  readonly diff: DiffCore | null;
}) {
  const durationB = b ? b.duration : medianDuration(baseline);
  const delta = durationB - a.duration;
  const percent = a.duration > 0 ? Math.round((delta / a.duration) * 100) : 0;
  const subject = b ? 'B' : `The median of ${baseline.length} traces`;
  return (
    <section className="compare-summary" aria-label="Comparison summary">
      <Side label="A" trace={a} />
      {b ? (
        <Side label="B" trace={b} />
      ) : (
        <div className="compare-side">
          <h2>B: median of the other {baseline.length} traces</h2>
          <p>
            {formatDuration(durationB)} · per aligned span, the median of the traces that have it
          </p>
        </div>
      )}
      <p className="compare-totals">
        {subject} is{' '}
        <strong className={delta > 0 ? 'slower' : delta < 0 ? 'faster' : ''}>
          {delta === 0
            ? 'as fast as A'
            : `${formatDuration(Math.abs(delta))} ${delta > 0 ? 'slower' : 'faster'} (${percent >= 0 ? '+' : ''}${percent}%)`}
        </strong>
        .{' '}
        {diff ? (
          <>
            {formatCount(diff.matched)} spans matched
            {diff.moved > 0
              ? ` (${formatCount(diff.moved)} under a renamed or missing parent)`
              : ''}
            , {formatCount(diff.onlyInA)} only in A, {formatCount(diff.onlyInB)} only in B.
          </>
        ) : (
          <span role="status">Aligning spans…</span>
        )}
      </p>
    </section>
  );
}
