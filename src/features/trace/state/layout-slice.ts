/** View window and layout (see LayoutSlice). */
import { preferenceStorage, type PreferenceStorage } from '../../../ui/safe-storage';
import type { LayoutSlice, SetState } from './trace-page-state';

export const DEFAULT_NAME_COLUMN_WIDTH = 360;
export const MIN_NAME_COLUMN_WIDTH = 160;
export const MAX_NAME_COLUMN_FRACTION = 0.8;
/** The name column's width is the user's, remembered across traces and loads. */
export const NAME_COLUMN_WIDTH_KEY = 'cairn.nameColumnWidth';

/** The remembered width, or the default for anything unusable (absent, garbage, too narrow). */
export function rememberedNameColumnWidth(storage: PreferenceStorage): number {
  const width = Number(storage.getItem(NAME_COLUMN_WIDTH_KEY) ?? NaN);
  return Number.isFinite(width) && width >= MIN_NAME_COLUMN_WIDTH
    ? Math.round(width)
    : DEFAULT_NAME_COLUMN_WIDTH;
}

export function createLayoutSlice(
  set: SetState,
  get: () => LayoutSlice,
  storage: PreferenceStorage = preferenceStorage,
): LayoutSlice {
  return {
    viewStart: 0,
    viewEnd: 1,
    // The container's own limit (MAX_NAME_COLUMN_FRACTION) is applied where its width is known.
    nameColumnWidth: rememberedNameColumnWidth(storage),
    showCriticalPath: false,
    timeMode: 'adjusted',
    setViewWindow(start, end) {
      const s = Math.min(Math.max(start, 0), 1);
      const e = Math.min(Math.max(end, 0), 1);
      if (e - s <= 1e-9) return;
      set({ viewStart: s, viewEnd: e });
    },
    setNameColumnWidth(width) {
      set({ nameColumnWidth: Math.max(MIN_NAME_COLUMN_WIDTH, Math.round(width)) });
    },
    rememberNameColumnWidth() {
      // Not on every pointer move of a drag: storage writes are synchronous.
      storage.setItem(NAME_COLUMN_WIDTH_KEY, String(get().nameColumnWidth));
    },
    setShowCriticalPath(value) {
      set({ showCriticalPath: value });
    },
    setTimeMode(mode) {
      set({ timeMode: mode });
    },
  };
}
