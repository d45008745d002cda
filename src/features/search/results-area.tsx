/**
 * Right-hand side of /search: whatever state the results are in (nothing asked, loading, failed,
 * partial, found), the scatter plot and the list. Remounted per search, so zoom starts fresh.
 */
import { useMemo, useState } from 'react';
import { ErrorPanel, failureDetails } from '../../ui/error-panel';
import { nowMicros } from './lookback';
import { ResultsList } from './results-list';
import type { ResultTrace } from './result-types';
import { ScatterPlot } from './scatter-plot';
import { useEmbed } from '../../ui/embed-context';
import { pointsInZoom, type PlotZoom } from './scatter-zoom';
import type { SortKey } from './sort-traces';
import type { SearchResults } from './use-search-results';

interface Props {
  readonly results: SearchResults;
  readonly localTraces: readonly ResultTrace[];
  readonly sort: SortKey;
  readonly onSortChange: (sort: SortKey) => void;
  readonly onOpen: (traceId: string) => void;
}

export function ResultsArea({ results, localTraces, sort, onSortChange, onOpen }: Props) {
  const [zoom, setZoom] = useState<PlotZoom | null>(null);
  const hideGraph = useEmbed().searchHideGraph;
  const all = useMemo(() => [...localTraces, ...results.traces], [localTraces, results.traces]);
  const shown = useMemo(() => pointsInZoom(all, zoom), [all, zoom]);
  // "5 minutes ago" is relative to when this search was shown (the area remounts per search),
  // not re-evaluated on every render.
  const [now] = useState(nowMicros);
  const { mode, error } = results;

  const downloadName =
    mode === 'search' && results.query
      ? `traces-${results.query.service}-${new Date(results.query.end / 1000).toISOString().slice(0, 19)}.json`
      : 'traces.json';

  return (
    <div className="search-results" aria-busy={results.isFetching}>
      {mode === 'none' && all.length === 0 && (
        <div className="search-empty">
          <h2>Find traces</h2>
          <p>
            Choose a service and press Find traces, paste trace IDs into “Lookup by trace ID”, or
            open trace files.
          </p>
        </div>
      )}
      {results.isPending && (
        <p className="search-loading" role="status">
          {mode === 'ids' ? 'Looking up traces…' : 'Searching…'}
        </p>
      )}
      {error && (
        <ErrorPanel
          title={mode === 'ids' ? 'Could not look up the traces' : 'Search failed'}
          error={failureDetails(error)}
          onRetry={results.refetch}
        />
      )}
      {results.warnings.length > 0 && (
        <div className="search-warnings" role="status">
          <strong>The server reported errors; the results may be incomplete:</strong>
          <ul>
            {results.warnings.map((warning, index) => (
              <li key={index}>{warning}</li>
            ))}
          </ul>
        </div>
      )}
      {results.missing.length > 0 && (
        <div className="search-missing" role="status">
          <strong>Not found:</strong>
          <ul>
            {results.missing.map((id) => (
              <li key={id}>
                <code>{id}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      {mode !== 'none' && !results.isPending && !error && all.length === 0 && (
        <div className="search-empty">
          <h2>No traces found</h2>
          <p>Try a longer lookback, fewer attributes or a wider duration range.</p>
        </div>
      )}
      {all.length > 0 && (
        <>
          {/* Embedded mode's uiSearchHideGraph drops the plot, as Jaeger UI does. */}
          {!hideGraph && <ScatterPlot traces={all} zoom={zoom} onZoom={setZoom} onOpen={onOpen} />}
          <ResultsList
            traces={shown}
            totalCount={all.length}
            tookMs={mode === 'none' ? null : results.tookMs}
            sort={sort}
            onSortChange={onSortChange}
            now={now}
            downloadName={downloadName}
            // The DDG fetches a search's traces itself, in one request; a zoomed subset is
            // not a search, so it goes by id.
            ddgSearch={
              mode === 'search' && shown.length === all.length
                ? (results.query ?? undefined)
                : undefined
            }
          />
        </>
      )}
    </div>
  );
}
