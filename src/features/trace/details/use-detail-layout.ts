import { useCallback, useState } from 'react';
import { preferenceStorage } from '../../../ui/safe-storage';

/** Where span details open: under the row (Jaeger UI's way) or in a side panel. */
export type DetailLayout = 'inline' | 'side';

export const DETAIL_LAYOUT_KEY = 'cairn.spanDetailLayout';

export function readDetailLayout(): DetailLayout {
  return preferenceStorage.getItem(DETAIL_LAYOUT_KEY) === 'side' ? 'side' : 'inline';
}

/** The user's choice, remembered across loads in localStorage. */
export function useDetailLayout(): [DetailLayout, (layout: DetailLayout) => void] {
  const [layout, setLayout] = useState<DetailLayout>(readDetailLayout);
  const update = useCallback((next: DetailLayout) => {
    setLayout(next);
    preferenceStorage.setItem(DETAIL_LAYOUT_KEY, next);
  }, []);
  return [layout, update];
}
