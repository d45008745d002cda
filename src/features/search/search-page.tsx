/**
 * /search: the form, the results of the search or trace-id lookup in the URL, the scatter plot and
 * traces opened from files. The URL is the state (shareable, back/forward); the last submitted
 * search is remembered in localStorage and prefills an empty page.
 */
import { useCallback, useEffect, useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { TraceQuery } from '../../api/types';
import { micros } from '../../model/units';
import { lookbackValueMicros } from '../../api/ui-config-parse';
import { useUiSettings } from '../../api/ui-settings-context';
import { DEFAULT_MAX_LOOKBACK, nowMicros } from './lookback';
import { loadLastSearch, saveLastSearch } from './last-search';
import { LocalFiles } from './local-files';
import { useLocalTraces } from './local-traces';
import { ResultsArea } from './results-area';
import { tracePath } from '../../ui/trace-path';
import {
  ALL_SERVICES,
  EMPTY_FORM,
  formFromParams,
  paramsFromQuery,
  validateForm,
  type SearchForm,
  type SearchLimits,
} from './search-params';
import { SearchFormView } from './search-form';
import { isSortKey, type SortKey } from './sort-traces';
import { needsPinning, useSearchResults } from './use-search-results';
import './search-page.css';

export function SearchPage() {
  const { config, capabilities } = useUiSettings();
  // Jaeger UI's `search.maxLookback` (presets beyond it are hidden) and `search.maxLimit`.
  const lookbackText = config.search.maxLookback.value;
  const { maxLimit } = config.search;
  const allServices = capabilities.searchWithoutServiceName;
  const limits = useMemo((): SearchLimits => {
    const lookback = lookbackValueMicros(lookbackText);
    const maxLookback = lookback === undefined ? DEFAULT_MAX_LOOKBACK : micros(lookback);
    return { maxLookback, maxLimit, allServices };
  }, [lookbackText, maxLimit, allServices]);
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const results = useSearchResults(params, limits);
  const localTraces = useLocalTraces();

  // Sort is view state, not part of the search: it must not remount the form or reset the zoom.
  const searchKey = useMemo(() => {
    const copy = new URLSearchParams(params);
    copy.delete('sort');
    return copy.toString();
  }, [params]);
  const sortParam = params.get('sort') ?? '';
  const sort: SortKey = isSortKey(sortParam) ? sortParam : 'recent';

  // A link with a relative lookback ("last hour") is pinned to absolute times once, on arrival,
  // so refetches, sharing and back/forward all show the same window.
  useEffect(() => {
    const current = new URLSearchParams(searchKey);
    if (!needsPinning(current)) return;
    const form = formFromParams(current);
    const { query } = validateForm(form, nowMicros(), limits);
    if (query) void setParams(paramsFromQuery(form, query), { replace: true });
  }, [searchKey, limits, setParams]);

  const initialForm = useMemo((): SearchForm => {
    const fromUrl = formFromParams(new URLSearchParams(searchKey));
    if (fromUrl.service !== '') return fromUrl;
    const last = loadLastSearch() ?? EMPTY_FORM;
    // Remembered from a backend that could search all services; this one may not.
    return last.service === ALL_SERVICES && !allServices ? { ...last, service: '' } : last;
  }, [searchKey, allServices]);

  const submit = (form: SearchForm, query: TraceQuery) => {
    saveLastSearch(form);
    const next = paramsFromQuery(form, query);
    if (sortParam) next.set('sort', sortParam);
    if (next.toString() === params.toString()) results.refetch();
    else void setParams(next);
  };

  const setSort = (value: SortKey) => {
    const next = new URLSearchParams(params);
    if (value === 'recent') next.delete('sort');
    else next.set('sort', value);
    void setParams(next, { replace: true });
  };

  const openTrace = useCallback((traceId: string) => void navigate(tracePath(traceId)), [navigate]);

  return (
    <div className="search-page">
      <aside className="search-aside">
        <h1 className="search-title">Search</h1>
        <SearchFormView key={searchKey} initial={initialForm} limits={limits} onSubmit={submit} />
        {!config.disableFileUploadControl && <LocalFiles />}
      </aside>
      <ResultsArea
        key={searchKey}
        results={results}
        localTraces={localTraces}
        sort={sort}
        onSortChange={setSort}
        onOpen={openTrace}
      />
    </div>
  );
}
