import { foldGroupOf, type FoldIndex } from '../../model/row-filter';
import type { TraceColumns } from '../../model/trace';

interface RevealState {
  readonly collapsed: Uint8Array;
  readonly hiddenServices: Uint8Array;
  readonly revealed: Uint8Array;
  readonly folds: FoldIndex | null;
  readonly unfolded: Uint8Array;
}

/**
 * Makes span `index` a row of its own: opens collapsed ancestors, unfolds the repeated-sibling
 * runs on its path and reveals hidden-service subtrees on its path. Mutates the state's arrays in
 * place; returns whether anything changed. One walk up the parent chain: O(depth × log runs).
 */
export function revealPath(columns: TraceColumns, state: RevealState, index: number): boolean {
  const { collapsed, hiddenServices, revealed, folds, unfolded } = state;
  let changed = false;
  for (let x = index; x >= 0; x = columns.parent[x] ?? -1) {
    if (x !== index && collapsed[x]) {
      collapsed[x] = 0;
      changed = true;
    }
    const group = folds ? foldGroupOf(folds, columns.parent, x) : -1;
    if (group >= 0 && unfolded[group] !== 1) {
      unfolded[group] = 1;
      changed = true;
    }
    if (hiddenServices[columns.service[x] ?? -1] === 1 && revealed[x] !== 1) {
      revealed[x] = 1;
      changed = true;
    }
  }
  return changed;
}
