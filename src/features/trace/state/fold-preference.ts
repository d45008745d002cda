/**
 * "Fold repeated calls" is the user's choice, remembered across traces and loads. Folding is on
 * until they turn it off: a folded row shows the errors and warnings of what it folds, so it
 * never hides one.
 */
export const FOLD_REPEATS_KEY = 'cairn.foldRepeats';

export function readFoldRepeats(storage: Pick<Storage, 'getItem'> | undefined): boolean {
  try {
    return storage?.getItem(FOLD_REPEATS_KEY) !== 'off';
  } catch {
    // Storage can be disabled (privacy mode, a sandboxed iframe): the default applies.
    return true;
  }
}

export function saveFoldRepeats(value: boolean, storage: Pick<Storage, 'setItem'> | undefined) {
  try {
    storage?.setItem(FOLD_REPEATS_KEY, value ? 'on' : 'off');
  } catch {
    // Not remembered; still applied to this page.
  }
}
