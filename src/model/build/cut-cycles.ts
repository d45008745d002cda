import { SpanFlag } from '../trace';

/**
 * Parent links form a functional graph, which may contain cycles (A→B→A) when ids collide or the
 * input is corrupt. Walks each span's ancestor chain once (iteratively, marking visited spans) and
 * cuts every cycle at its earliest-starting member, which becomes a root flagged CycleCut: the
 * earliest span is the most plausible real root. O(n) overall.
 */
export function cutCycles(parent: Int32Array, start: Float64Array, flags: Uint16Array): number {
  const n = parent.length;
  const NEW = 0;
  const ON_PATH = 1;
  const DONE = 2;
  const state = new Uint8Array(n);
  const path = new Int32Array(n);
  let cuts = 0;
  for (let origin = 0; origin < n; origin++) {
    if (state[origin] !== NEW) continue;
    let length = 0;
    let v = origin;
    while (v !== -1 && state[v] === NEW) {
      state[v] = ON_PATH;
      path[length++] = v;
      v = parent[v] ?? -1;
    }
    if (v !== -1 && state[v] === ON_PATH) {
      // The cycle is the tail of the path starting where `v` was first entered.
      let k = length - 1;
      while (k > 0 && path[k] !== v) k--;
      let cut = v;
      for (let j = k; j < length; j++) {
        const member = path[j] ?? v;
        const a = start[member] ?? 0;
        const b = start[cut] ?? 0;
        if (a < b || (a === b && member < cut)) cut = member;
      }
      parent[cut] = -1;
      flags[cut] = (flags[cut] ?? 0) | SpanFlag.CycleCut;
      cuts++;
    }
    for (let j = 0; j < length; j++) state[path[j] ?? 0] = DONE;
  }
  return cuts;
}
