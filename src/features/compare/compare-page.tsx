import { useMemo, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { diffTraces } from '../../model/diff/trace-diff';
import { ErrorPanel, failureDetails } from '../../ui/error-panel';
import { CompareSummary } from './compare-summary';
import { DiffTable } from './diff-table';
import { visibleDiffRows } from './diff-row-model';
import { useComparedTraces, type ComparedState } from './use-compared-traces';
import './compare.css';
import { formatCount } from '../../ui/format-count';

/** Two traces side by side, span against span, with duration deltas (`/compare?cohort=a&cohort=b`). */
export function ComparePage() {
  const [params, setParams] = useSearchParams();
  const [idA, idB] = params.getAll('cohort');
  const [attempt, setAttempt] = useState(0);
  const state = useComparedTraces(idA, idB, attempt);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const ids = ['a', 'b'].map((name) => String(form.get(name) ?? '').trim()).filter(Boolean);
    setParams(new URLSearchParams(ids.map((id) => ['cohort', id])));
  };

  return (
    <div className="compare-page">
      <form className="compare-form" onSubmit={submit} aria-label="Traces to compare">
        <h1>Compare traces</h1>
        <label>
          Trace A{' '}
          <input
            name="a"
            defaultValue={idA ?? ''}
            key={`a-${idA ?? ''}`}
            spellCheck={false}
            required
          />
        </label>
        <label>
          Trace B{' '}
          <input
            name="b"
            defaultValue={idB ?? ''}
            key={`b-${idB ?? ''}`}
            spellCheck={false}
            required
          />
        </label>
        <button type="submit" className="primary">
          Compare
        </button>
      </form>
      <CompareBody state={state} onRetry={() => setAttempt((n) => n + 1)} />
    </div>
  );
}

function CompareBody({
  state,
  onRetry,
}: {
  readonly state: ComparedState;
  readonly onRetry: () => void;
}) {
  switch (state.status) {
    case 'idle':
      return (
        <p className="page-loading">
          Enter two trace IDs, or select two traces in the search results and press Compare.
        </p>
      );
    case 'loading':
      return (
        <p className="page-loading" role="status">
          Loading trace {state.which}…
        </p>
      );
    case 'error':
      return (
        <ErrorPanel
          title={`Could not load trace ${state.traceId}`}
          error={failureDetails(state.error)}
          onRetry={onRetry}
        />
      );
    case 'ready':
      return <ReadyComparison state={state} />;
  }
}

function ReadyComparison({
  state,
}: {
  readonly state: Extract<ComparedState, { status: 'ready' }>;
}) {
  const { a, b } = state;
  const diff = useMemo(() => diffTraces(a, b), [a, b]);
  const [onlyChanges, setOnlyChanges] = useState(false);
  const rows = useMemo(() => visibleDiffRows(diff, onlyChanges), [diff, onlyChanges]);
  return (
    <>
      <CompareSummary a={a} b={b} diff={diff} />
      <label className="compare-filter">
        <input
          type="checkbox"
          checked={onlyChanges}
          onChange={(event) => setOnlyChanges(event.target.checked)}
        />{' '}
        Only show differences ({formatCount(rows.length)} rows)
      </label>
      <DiffTable diff={diff} rows={rows} a={a} b={b} />
    </>
  );
}
