import { useState } from 'react';
import { formatCount } from './format-count';

/**
 * Long lists grow page by page: 100,000 tags froze the span details when drawn at once, and 1,500
 * search results are ~50,000 DOM nodes, whose removal alone took 0.2-0.6 s when the page was left.
 */

/** How many of a long list to show; `more` adds a page. */
export function useShownCount(page: number): { shown: number; more: () => void } {
  const [shown, setShown] = useState(page);
  return { shown, more: () => setShown((count) => count + page) };
}

/** "500 of 100,000 shown. Show 500 more", or nothing when the whole list shows. */
export function ShowMore({
  shown,
  total,
  page,
  what = '',
  onMore,
}: {
  shown: number;
  total: number;
  /** How many a click adds (the page of useShownCount). */
  page: number;
  /** The items' name for the count ("events"); none: "shown" alone. */
  what?: string;
  onMore: () => void;
}) {
  const rest = total - shown;
  if (rest <= 0) return null;
  return (
    <p className="show-more">
      {formatCount(shown)} of {formatCount(total)} {what ? `${what} ` : ''}shown.{' '}
      <button type="button" className="link-button" onClick={onMore}>
        Show {formatCount(Math.min(rest, page))} more
      </button>
    </p>
  );
}
