import { Link } from 'react-router';
import type { TraceDiff } from '../../model/diff/trace-diff';
import { formatDuration } from '../../ui/format-duration';
import type { LoadedTrace } from '../../worker/messages';
import { formatCount } from '../../ui/format-count';

function Side({ label, trace }: { readonly label: string; readonly trace: LoadedTrace }) {
  return (
    <div className="compare-side">
      <h2>
        {label}: <Link to={`/trace/${encodeURIComponent(trace.traceId)}`}>{trace.name}</Link>
      </h2>
      <p>
        <code>{trace.traceId}</code> · {formatDuration(trace.duration)} ·{' '}
        {formatCount(trace.spanCount)} spans · {trace.errorCount} errors ·{' '}
        {new Date(trace.startTime / 1000).toLocaleString()}
      </p>
    </div>
  );
}

export function CompareSummary({
  a,
  b,
  diff,
}: {
  readonly a: LoadedTrace;
  readonly b: LoadedTrace;
  readonly diff: TraceDiff;
}) {
  const delta = b.duration - a.duration;
  const percent = a.duration > 0 ? Math.round((delta / a.duration) * 100) : 0;
  return (
    <section className="compare-summary" aria-label="Comparison summary">
      <Side label="A" trace={a} />
      <Side label="B" trace={b} />
      <p className="compare-totals">
        B is{' '}
        <strong className={delta > 0 ? 'slower' : delta < 0 ? 'faster' : ''}>
          {delta === 0
            ? 'as fast as A'
            : `${formatDuration(Math.abs(delta))} ${delta > 0 ? 'slower' : 'faster'} (${percent >= 0 ? '+' : ''}${percent}%)`}
        </strong>
        . {formatCount(diff.matched)} spans matched, {formatCount(diff.onlyInA)} only in A,{' '}
        {formatCount(diff.onlyInB)} only in B.
      </p>
    </section>
  );
}
