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

function MedianSide({
  label,
  baseline,
}: {
  readonly label: string;
  readonly baseline: readonly LoadedTrace[];
}) {
  return (
    <div className="compare-side">
      <h2>
        {label}: median of the other {baseline.length} traces
      </h2>
      <p>
        {formatDuration(medianDuration(baseline))} · per aligned span, the median of the traces that
        have it
      </p>
    </div>
  );
}

export function CompareSummary({
  a,
  b,
  baseline,
  diff,
}: {
  /** Each side's trace; null for the side that is the median of `baseline` (at most one). */
  readonly a: LoadedTrace | null;
  readonly b: LoadedTrace | null;
  readonly baseline: readonly LoadedTrace[];
  readonly diff: DiffCore | null;
}) {
  const durationA = a ? a.duration : medianDuration(baseline);
  const durationB = b ? b.duration : medianDuration(baseline);
  const delta = durationB - durationA;
  const percent = durationA > 0 ? Math.round((delta / durationA) * 100) : 0;
  const subject = b ? 'B' : `The median of ${baseline.length} traces`;
  return (
    <section className="compare-summary" aria-label="Comparison summary">
      {a ? <Side label="A" trace={a} /> : <MedianSide label="A" baseline={baseline} />}
      {b ? <Side label="B" trace={b} /> : <MedianSide label="B" baseline={baseline} />}
      <p className="compare-totals">
        {subject} is{' '}
        <strong className={delta > 0 ? 'slower' : delta < 0 ? 'faster' : ''}>
          {delta === 0
            ? `as fast as ${a ? 'A' : 'the median'}`
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
