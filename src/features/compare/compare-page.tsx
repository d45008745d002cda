import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorPanel, failureDetails } from '../../ui/error-panel';
import { CohortPicker, MEDIAN } from './cohort-picker';
import { Comparison } from './comparison';
import { useComparedTraces, type ComparedState } from './use-compared-traces';
import './compare.css';

/**
 * Traces side by side, span against span (`/compare?cohort=a&cohort=b`, Jaeger UI's parameter).
 * More than two `cohort` ids list the cohort; `a` and `b` pick the pair (`b=median`: A against
 * the median of the others).
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
    next.set('a', String(a));
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

/** A and B as positions in the cohort; B -1 is the median of the others. */
function pickPair(params: URLSearchParams, count: number): [number, number] {
  const position = (value: string | null, fallback: number) => {
    const n = Number(value);
    return value !== null && Number.isInteger(n) && n >= 0 && n < count ? n : fallback;
  };
  const a = position(params.get('a'), 0);
  const b =
    params.get('b') === MEDIAN && count > 2 ? -1 : position(params.get('b'), a === 0 ? 1 : 0);
  return [a, b === a ? (a === 0 ? 1 : 0) : b];
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
      const a = traces[ia];
      if (!a) return null;
      const b = ib >= 0 ? (traces[ib] ?? null) : null;
      const baseline = b ? [b] : traces.filter((_, k) => k !== ia);
      return (
        <>
          {traces.length > 2 && <CohortPicker traces={traces} a={ia} b={ib} onChange={onPick} />}
          <Comparison
            key={`${a.handle}:${b?.handle ?? 'median'}`}
            a={a}
            b={b}
            baseline={baseline}
          />
        </>
      );
    }
  }
}
