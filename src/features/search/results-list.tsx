/**
 * The results list with its toolbar: count and timing, sort, compare selection and JSON download.
 * It receives already filtered traces (brush zoom) and sorts them itself.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type MouseEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useJaegerClient } from '../../api/client-context';
import { tracePathsRequest } from '../../api/queries';
import { traceQueryParams } from '../../api/trace-query-params';
import type { TraceQuery } from '../../api/types';
import type { Micros } from '../../model/units';
import { useTraceWorker } from '../../worker/trace-worker-context';
import { tracePathsQuery } from '../../worker/trace-paths-query';
import { distinctShortIds } from '../../ui/short-id';
import { ShowMore, useShownCount } from '../../ui/show-more';
import { downloadTraces } from './download-traces';
import { comparePath, type ResultTrace } from './result-types';
import { ALL_OPERATIONS, ALL_SERVICES } from './search-params';
import { ResultRow } from './result-row';
import { SORT_OPTIONS, isSortKey, sortTraces, type SortKey } from './sort-traces';
import './results-list.css';

/** Result rows drawn at first and added a click (a search may return 1,500 traces). */
const RESULTS_PAGE = 200;

interface Props {
  readonly traces: readonly ResultTrace[];
  /** Shown when the plot's zoom hides some results. */
  readonly totalCount: number;
  readonly tookMs: number | null;
  readonly sort: SortKey;
  readonly onSortChange: (sort: SortKey) => void;
  readonly now: Micros;
  readonly downloadName: string;
  /** The search these results answer, when the list shows all of it (not zoomed, not by id). */
  readonly ddgSearch?: TraceQuery | undefined;
}

export function ResultsList({
  traces,
  totalCount,
  tookMs,
  sort,
  onSortChange,
  now,
  downloadName,
  ddgSearch,
}: Props) {
  const navigate = useNavigate();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const sorted = useMemo(() => sortTraces(traces, sort), [traces, sort]);
  const { shown, more } = useShownCount(RESULTS_PAGE);
  const shortIds = useMemo(() => distinctShortIds(traces.map((t) => t.traceId)), [traces]);
  const maxDuration = useMemo(
    () => traces.reduce((max, t) => Math.max(max, t.duration), 0),
    [traces],
  );
  // Selections survive re-sorting and zooming, but only ids still in the results count.
  const chosen = sorted.filter((t) => selected.has(t.traceId)).map((t) => t.traceId);

  const toggle = (traceId: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(traceId)) next.delete(traceId);
      else next.add(traceId);
      return next;
    });

  const client = useJaegerClient();
  const worker = useTraceWorker();
  const [downloading, setDownloading] = useState<{ done: number } | { error: string } | null>(null);
  const download = async () => {
    setDownloading({ done: 0 });
    try {
      const blob = await downloadTraces(
        sorted.map((t) => t.traceId),
        (traceId) => client.traceUrl(traceId),
        worker,
        (done) => setDownloading({ done }),
      );
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = downloadName;
      link.click();
      // Revoke after the click has been dispatched; the download holds its own reference.
      setTimeout(() => URL.revokeObjectURL(url), 0);
      setDownloading(null);
    } catch (failure) {
      setDownloading({ error: failure instanceof Error ? failure.message : String(failure) });
    }
  };
  const busy = downloading !== null && 'done' in downloading;

  const count = `${traces.length} ${traces.length === 1 ? 'trace' : 'traces'}`;
  return (
    <section className="results" aria-label="Search results">
      <div className="results-toolbar">
        <h2 className="results-count" aria-live="polite">
          {count}
          {traces.length !== totalCount && (
            <span className="results-sub"> of {totalCount} (zoomed)</span>
          )}
          {tookMs !== null && <span className="results-sub"> in {Math.round(tookMs)} ms</span>}
        </h2>
        <label className="results-sort">
          Sort{' '}
          <select
            value={sort}
            onChange={(event) => isSortKey(event.target.value) && onSortChange(event.target.value)}
          >
            {SORT_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          disabled={chosen.length < 2}
          onClick={() => void navigate(comparePath(chosen))}
        >
          Compare{chosen.length > 0 ? ` (${chosen.length})` : ''}
        </button>
        {chosen.length > 0 && (
          <button type="button" onClick={() => setSelected(new Set())}>
            Clear selection
          </button>
        )}
        <button
          type="button"
          onClick={() => void download()}
          disabled={traces.length === 0 || busy}
          title="The full traces, in Jaeger's JSON format (opens in Jaeger UI and in Cairn)"
        >
          {busy ? `Fetching traces… ${downloading.done} of ${sorted.length}` : 'Download JSON'}
        </button>
        {traces.some((trace) => !trace.localFile) && <DdgLink traces={traces} search={ddgSearch} />}
        {downloading && 'error' in downloading ? (
          <span role="alert">Download failed: {downloading.error}</span>
        ) : null}
      </div>
      <ol className="results-rows">
        {sorted.slice(0, shown).map((trace) => (
          <ResultRow
            key={trace.traceId}
            trace={trace}
            maxDuration={maxDuration}
            now={now}
            selected={selected.has(trace.traceId)}
            onToggle={toggle}
            shortId={shortIds.get(trace.traceId)}
          />
        ))}
      </ol>
      <ShowMore
        shown={shown}
        total={sorted.length}
        page={RESULTS_PAGE}
        what="traces"
        onMore={more}
      />
    </section>
  );
}

/**
 * Jaeger UI's "view as deep dependency graph" of these results (`view=ddg`), on its own page.
 * A whole search travels as the search (the page fetches its traces in one request); anything
 * else (a zoomed subset, a lookup by id) as trace ids.
 */
function DdgLink({
  traces,
  search,
}: {
  readonly traces: readonly ResultTrace[];
  readonly search: TraceQuery | undefined;
}) {
  const [params] = useSearchParams();
  const searched = params.get('service');
  const fetched = traces.filter((trace) => !trace.localFile);
  const service = (searched !== ALL_SERVICES && searched) || fetched[0]?.rootService || '';
  const operation = params.get('operation') ?? '';
  const target = new URLSearchParams({ service });
  if (operation && operation !== ALL_OPERATIONS) target.set('operation', operation);
  if (search) for (const [name, value] of traceQueryParams(search)) target.append(name, value);
  // Traces from files cannot be fetched again by id.
  else for (const trace of fetched) target.append('traceID', trace.traceId);
  const client = useJaegerClient();
  const worker = useTraceWorker();
  const queryClient = useQueryClient();
  // The worker that will parse the traces boots now, not on the click (80-500 ms at 1,500
  // results, with the search page's teardown competing for the CPU).
  useEffect(() => {
    try {
      worker.prewarm();
    } catch {
      // A worker that cannot start (a CSP, no Worker) must not break the results: the DDG's
      // load reports it where it happens.
    }
  }, [worker]);
  // The download starts with the click, not once the graph's page has replaced this one (a
  // click that opens another tab or window loads there).
  const start = (event: MouseEvent) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
      return;
    void queryClient.prefetchQuery(
      tracePathsQuery(
        worker,
        tracePathsRequest(
          client,
          search ? { search } : { ids: fetched.map((trace) => trace.traceId) },
        ),
      ),
    );
  };
  return (
    <Link to={`/deep-dependencies?${target.toString()}`} onClick={start}>
      View as dependency graph
    </Link>
  );
}
