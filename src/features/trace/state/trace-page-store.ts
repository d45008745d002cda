/**
 * One store per trace page, composed of slices split by concern (trace-page-state.ts): rows and
 * collapse, find, selection and focus, view window and layout. Created by the page's provider
 * (trace-page-store-context.tsx), never a module singleton: two trace pages never share state.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { preferenceStorage, type PreferenceStorage } from '../../../ui/safe-storage';
import { createFindSlice } from './find-slice';
import { createLayoutSlice } from './layout-slice';
import { createRowPass, createRowsSlice } from './rows-slice';
import { createSelectionSlice } from './selection-slice';
import type { TracePageState } from './trace-page-state';

export type TracePageStore = StoreApi<TracePageState>;

/** `storage` holds the user's layout preferences (tests give their own). */
export function createTracePageStore(
  storage: PreferenceStorage = preferenceStorage,
): TracePageStore {
  return createStore<TracePageState>()((set, get) => {
    const pass = createRowPass(set, get);
    return {
      ...createRowsSlice(get, pass),
      ...createFindSlice(set, get, pass),
      ...createSelectionSlice(set),
      ...createLayoutSlice(set, get, storage),
    };
  });
}
