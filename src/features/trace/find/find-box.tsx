import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useSearchParams } from 'react-router';
import { isTypingTarget } from '../../../ui/typing-target';
import './find-box.css';
import { formatCount } from '../../../ui/format-count';
import { sortedIndexOf } from '../../../model/sorted-search';

export const FIND_PARAM = 'uiFind';

export interface FindBoxProps {
  /** The worker client's find; may reject (e.g. superseded), which keeps the previous result. */
  readonly find: (query: string) => Promise<Int32Array>;
  /** Every new result (ascending span indexes) with the query it answers; empty for no query. */
  readonly onMatchesChange?: (matches: Int32Array, query: string) => void;
  /** The match to show: on new results (`results`) and on next/previous (`navigate`). */
  readonly onCurrentMatch?: (spanIndex: number, reason: 'results' | 'navigate') => void;
  readonly showOnlyMatches?: boolean;
  /** Without it there is no "show only matches" toggle. */
  readonly onShowOnlyMatchesChange?: (value: boolean) => void;
  /** The span focused elsewhere (f/b keys, clicks): when it is a match, "n of m" follows it. */
  readonly activeSpan?: number;
  readonly debounceMs?: number;
}

const EMPTY = new Int32Array(0);

/**
 * The find box, bound to `?uiFind=` (Jaeger UI's parameter, so shared links carry the search).
 * Typing is debounced; only the latest query's answer is applied, however the replies arrive.
 * Enter / Shift+Enter step through matches; Escape clears; "/" or Ctrl+B focuses it from anywhere.
 */
export function FindBox({
  find,
  onMatchesChange,
  onCurrentMatch,
  showOnlyMatches = false,
  onShowOnlyMatchesChange,
  activeSpan = -1,
  debounceMs = 200,
}: FindBoxProps) {
  const [params, setParams] = useSearchParams();
  const urlValue = params.get(FIND_PARAM) ?? '';
  const [text, setText] = useState(urlValue);
  /** The query last written to (or read from) the URL; tells our own writes from back/forward. */
  const synced = useRef(urlValue);
  const [result, setResult] = useState<{ query: string; matches: Int32Array }>({
    query: '',
    matches: EMPTY,
  });
  const [current, setCurrent] = useState(0);
  const [pending, setPending] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const latest = useRef(0);
  // Callbacks are read through a ref so a parent re-render does not restart the debounce.
  const callbacks = useRef({ find, onMatchesChange, onCurrentMatch });
  useEffect(() => {
    callbacks.current = { find, onMatchesChange, onCurrentMatch };
  });

  const setParamsRef = useRef(setParams);
  useEffect(() => {
    setParamsRef.current = setParams;
  });
  const syncUrl = useCallback((query: string) => {
    setParamsRef.current(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (query) next.set(FIND_PARAM, query);
        else next.delete(FIND_PARAM);
        return next;
      },
      { replace: true },
    );
  }, []);

  // Back/forward or a link changed ?uiFind: the box follows.
  useEffect(() => {
    if (urlValue === synced.current) return;
    synced.current = urlValue;
    setText(urlValue);
  }, [urlValue]);

  useEffect(() => {
    const query = text.trim();
    const ticket = ++latest.current;
    const apply = (matches: Int32Array): void => {
      if (ticket !== latest.current) return;
      setPending(false);
      setResult({ query, matches });
      setCurrent(0);
      // The URL follows the applied query, not every keystroke.
      if (query !== synced.current.trim()) {
        synced.current = query;
        syncUrl(query);
      }
      callbacks.current.onMatchesChange?.(matches, query);
      const first = matches[0];
      if (first !== undefined) callbacks.current.onCurrentMatch?.(first, 'results');
    };
    if (!query) {
      apply(EMPTY);
      return undefined;
    }
    setPending(true);
    const timer = window.setTimeout(() => {
      callbacks.current.find(query).then(apply, () => {
        if (ticket === latest.current) setPending(false);
      });
    }, debounceMs);
    return () => window.clearTimeout(timer);
  }, [text, debounceMs, syncUrl]);

  // Matches are ascending, so the active span's position is a binary search.
  const activePosition = activeSpan >= 0 ? sortedIndexOf(result.matches, activeSpan) : -1;
  const shownCurrent = activePosition >= 0 ? activePosition : current;

  const step = useCallback(
    (delta: number) => {
      const count = result.matches.length;
      if (count === 0) return;
      const next = (shownCurrent + delta + count) % count;
      setCurrent(next);
      const index = result.matches[next];
      if (index !== undefined) callbacks.current.onCurrentMatch?.(index, 'navigate');
    },
    [shownCurrent, result.matches],
  );

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent): void => {
      const wantsFind =
        (event.key === 'b' && event.ctrlKey && !event.metaKey) ||
        (event.key === '/' && !event.ctrlKey && !event.metaKey);
      if (wantsFind && !isTypingTarget(event.target)) {
        event.preventDefault();
        input.current?.focus();
        input.current?.select();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter') {
      event.preventDefault();
      step(event.shiftKey ? -1 : 1);
    } else if (event.key === 'Escape' && text) {
      event.preventDefault();
      event.stopPropagation();
      setText('');
    }
  };

  const count = result.matches.length;
  const status = !result.query
    ? ''
    : count === 0
      ? 'No matches'
      : `${formatCount(shownCurrent + 1)} of ${formatCount(count)}`;
  return (
    <div className="find-box" role="search">
      <input
        ref={input}
        type="search"
        className="find-box__input"
        aria-label="Find spans"
        aria-keyshortcuts="/ Control+B"
        placeholder="Find… (service, operation, tag, key=value, span id)"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        spellCheck={false}
        autoComplete="off"
      />
      <span
        className="find-box__status"
        role="status"
        aria-live="polite"
        data-pending={pending || undefined}
      >
        {status}
      </span>
      <button
        type="button"
        onClick={() => step(-1)}
        disabled={count === 0}
        aria-label="Previous match"
      >
        ↑
      </button>
      <button type="button" onClick={() => step(1)} disabled={count === 0} aria-label="Next match">
        ↓
      </button>
      {onShowOnlyMatchesChange && (
        <label className="find-box__only">
          <input
            type="checkbox"
            checked={showOnlyMatches}
            onChange={(event) => onShowOnlyMatchesChange(event.target.checked)}
          />
          Show only matches
        </label>
      )}
    </div>
  );
}
