import { useState } from 'react';
import { formatCount } from '../../../ui/format-count';

/** Long lists in span details grow by this many items a click (100,000 tags froze the page). */
export const DETAIL_PAGE = 500;

/** How many of a long list to show; `more` adds a page. */
export function useShownCount(): { shown: number; more: () => void } {
  const [shown, setShown] = useState(DETAIL_PAGE);
  return { shown, more: () => setShown((count) => count + DETAIL_PAGE) };
}

/** "500 of 100,000 shown. Show 500 more", or nothing when the whole list shows. */
export function ShowMore({
  shown,
  total,
  what = '',
  onMore,
}: {
  shown: number;
  total: number;
  /** The items' name for the count ("events"); none: "shown" alone. */
  what?: string;
  onMore: () => void;
}) {
  const rest = total - shown;
  if (rest <= 0) return null;
  return (
    <p className="attribute-table__more">
      {formatCount(shown)} of {formatCount(total)} {what ? `${what} ` : ''}shown.{' '}
      <button type="button" className="link-button" onClick={onMore}>
        Show {formatCount(Math.min(rest, DETAIL_PAGE))} more
      </button>
    </p>
  );
}
