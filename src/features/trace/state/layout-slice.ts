/** View window and layout (see LayoutSlice). */
import type { LayoutSlice, SetState } from './trace-page-state';

export const DEFAULT_NAME_COLUMN_WIDTH = 360;
export const MIN_NAME_COLUMN_WIDTH = 160;
export const MAX_NAME_COLUMN_FRACTION = 0.8;

export function createLayoutSlice(set: SetState): LayoutSlice {
  return {
    viewStart: 0,
    viewEnd: 1,
    nameColumnWidth: DEFAULT_NAME_COLUMN_WIDTH,
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
    setShowCriticalPath(value) {
      set({ showCriticalPath: value });
    },
    setTimeMode(mode) {
      set({ timeMode: mode });
    },
  };
}
