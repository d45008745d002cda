import { useCallback, useState } from 'react';

/** Where span details open: under the row (Jaeger UI's way) or in a side panel. */
export type DetailLayout = 'inline' | 'side';

export const DETAIL_LAYOUT_KEY = 'cairn.spanDetailLayout';

export function readDetailLayout(): DetailLayout {
  try {
    return localStorage.getItem(DETAIL_LAYOUT_KEY) === 'side' ? 'side' : 'inline';
  } catch {
    // Storage can be disabled (privacy mode); the default is fine.
    return 'inline';
  }
}

/** The user's choice, remembered across loads in localStorage. */
export function useDetailLayout(): [DetailLayout, (layout: DetailLayout) => void] {
  const [layout, setLayout] = useState<DetailLayout>(readDetailLayout);
  const update = useCallback((next: DetailLayout) => {
    setLayout(next);
    try {
      localStorage.setItem(DETAIL_LAYOUT_KEY, next);
    } catch {
      // Not remembered, still applied for this page.
    }
  }, []);
  return [layout, update];
}
