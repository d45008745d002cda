import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorPanel, failureDetails } from '../../ui/error-panel';
import { CohortPicker } from './cohort-picker';
import { MEDIAN, pickPair } from './cohort-pair';
import { Comparison } from './comparison';
import { useComparedTraces, type ComparedState } from './use-compared-traces';
import './compare.css';

/**
 * Traces side by side, span against span (`/compare?cohort=a&cohort=b`, Jaeger UI's parameter).
 * More than two `cohort` ids list the cohort; `a` and `b` pick the pair by position, and either
 * may be `median`: the median of the other traces per aligned span (`b=median`: A against the
 * median of the rest; `a=median`: the median of the rest against B).
 */
export function ComparePage() {
  const [params, setParams] = useSearchParams();
  const ids = params.getAll('cohort');
  const [attempt, setAttempt] = useState(0);
  const state = useComparedTraces(ids, attempt);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const chosen = ['a', 'b'].map((name) => String(form.get(name) ?? '').trim()).filter(Boolean);
    setParams(new URLSearchParams(chosen.map((id) => ['cohort', id])));
  };
  const choose = (a: number, b: number) => {
    const next = new URLSearchParams(params);
    next.set('a', a < 0 ? MEDIAN : String(a));
    next.set('b', b < 0 ? MEDIAN : String(b));
    setParams(next, { replace: true });
  };

  return (
    <div className="compare-page">
      <form className="compare-form" onSubmit={submit} aria-label="Traces to compare">
        <h1>Compare traces</h1>
        <label>
          Trace A{' '}
          <input
            name="a"
            defaultValue={ids[0] ?? ''}
            key={`a-${ids[0] ?? ''}`}
            spellCheck={false}
            required
          />
        </label>
        <label>
          Trace B{' '}
          <input
            name="b"
            defaultValue={ids[1] ?? ''}
            key={`b-${ids[1] ?? ''}`}
            spellCheck={false}
            required
          />
        </label>
        <button type="submit" className="primary">
          Compare
        </button>
      </form>
      <CompareBody
        state={state}
        pick={pickPair(params, ids.length)}
        onPick={choose}
        onRetry={() => setAttempt((n) => n + 1)}
      />
    </div>
  );
}

function CompareBody({
  state,
  pick,
  onPick,
  onRetry,
}: {
  readonly state: ComparedState;
  readonly pick: [number, number];
  readonly onPick: (a: number, b: number) => void;
  readonly onRetry: () => void;
}) {
  switch (state.status) {
    case 'idle':
      return (
        <p className="page-loading">
          Enter two trace IDs, or select two or more traces in the search results and press Compare.
        </p>
      );
    case 'loading':
      return (
        <p className="page-loading" role="status">
          Loading {state.which.includes(', ') ? 'traces' : 'trace'} {state.which}…
          {state.done > 0 ? ` (${state.done} loaded)` : ''}
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
    case 'crashed':
      return (
        <ErrorPanel
          title="The comparison stopped: a trace worker crashed"
          error={{
            ...failureDetails(state.error),
            message: `${failureDetails(state.error).message}. The traces it held are gone; Retry loads them again in a new worker.`,
          }}
          onRetry={onRetry}
        />
      );
    case 'ready': {
      const { traces } = state;
      const [ia, ib] = pick;
      const a = ia >= 0 ? (traces[ia] ?? null) : null;
      const b = ib >= 0 ? (traces[ib] ?? null) : null;
      if (!a && !b) return null;
      // The median side is of every trace but the other side's.
      const baseline = a && b ? [b] : traces.filter((_, k) => k !== (a ? ia : ib));
      return (
        <>
          {traces.length > 2 && <CohortPicker traces={traces} a={ia} b={ib} onChange={onPick} />}
          <Comparison
            key={`${a?.handle ?? 'median'}:${b?.handle ?? 'median'}`}
            a={a}
            b={b}
            baseline={baseline}
          />
        </>
      );
    }
  }
}
