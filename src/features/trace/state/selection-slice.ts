/** Selection and focus (see SelectionSlice). */
import type { SelectionSlice, SetState } from './trace-page-state';

export function createSelectionSlice(set: SetState): SelectionSlice {
  return {
    selected: -1,
    selectionHistory: 'push',
    focused: -1,
    select(index, history = 'push') {
      set(
        index < 0
          ? { selected: -1, selectionHistory: history }
          : { selected: index, focused: index, selectionHistory: history },
      );
    },
    focus(index) {
      set({ focused: index });
    },
  };
}
