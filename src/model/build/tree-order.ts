/**
 * Depth-first pre-order of a span forest given as parent links (input indexes, -1 = root), with
 * siblings and roots ordered by start time, ties by span id, then input order. Iterative
 * throughout: chains 10,000+ deep and 100,000 siblings under one parent are normal inputs.
 * The links must be acyclic (see cut-cycles.ts).
 */
export interface TreeOrder {
  /** Tree position → input index. */
  readonly order: Int32Array;
  /** Input index → tree position. */
  readonly positionOf: Int32Array;
  /** By tree position. */
  readonly depth: Int32Array;
  readonly subtreeEnd: Int32Array;
}

export function computeTreeOrder(
  parent: Int32Array,
  start: Float64Array,
  ids: { compare(a: number, b: number): number },
): TreeOrder {
  const n = parent.length;
  // Children lists in CSR form; slot n collects the roots.
  const offsets = new Int32Array(n + 2);
  for (let i = 0; i < n; i++) {
    const p = parent[i] ?? -1;
    const slot = p === -1 ? n : p;
    offsets[slot + 1] = (offsets[slot + 1] ?? 0) + 1;
  }
  for (let s = 1; s <= n + 1; s++) offsets[s] = (offsets[s] ?? 0) + (offsets[s - 1] ?? 0);
  const children = new Int32Array(n);
  // Each slot's start serves as its fill cursor, which ends at the next slot's start; one shift
  // then restores the starts (no second array of n: at 1M spans every fresh array costs page faults).
  for (let i = 0; i < n; i++) {
    const p = parent[i] ?? -1;
    const slot = p === -1 ? n : p;
    const at = offsets[slot] ?? 0;
    children[at] = i;
    offsets[slot] = at + 1;
  }
  for (let s = n; s > 0; s--) offsets[s] = offsets[s - 1] ?? 0;
  offsets[0] = 0;

  // Inputs are usually already in start order, so each list is checked first and sorted only if
  // needed; the comparator looks at ids only on equal starts.
  const before = (a: number, b: number): number => {
    const byStart = (start[a] ?? 0) - (start[b] ?? 0);
    if (byStart !== 0) return byStart;
    return ids.compare(a, b) || a - b;
  };
  for (let s = 0; s <= n; s++) {
    const from = offsets[s] ?? 0;
    const to = offsets[s + 1] ?? 0;
    let sorted = true;
    for (let k = from + 1; k < to && sorted; k++)
      sorted = before(children[k - 1] ?? 0, children[k] ?? 0) <= 0;
    if (sorted) continue;
    // Most lists are short: an in-place insertion sort avoids a subarray and a native sort call each.
    if (to - from <= 16) insertionSort(children, from, to, before);
    else children.subarray(from, to).sort(before);
  }

  const order = new Int32Array(n);
  const positionOf = new Int32Array(n);
  const depth = new Int32Array(n);
  // Each span is pushed exactly once, so the stack never exceeds n.
  const stack = new Int32Array(n);
  let top = 0;
  for (let k = (offsets[n + 1] ?? 0) - 1; k >= (offsets[n] ?? 0); k--)
    stack[top++] = children[k] ?? 0;
  let position = 0;
  while (top > 0) {
    const v = stack[--top] ?? 0;
    const p = parent[v] ?? -1;
    // A parent comes before its children in pre-order: its depth is already written.
    depth[position] = p === -1 ? 0 : (depth[positionOf[p] ?? 0] ?? 0) + 1;
    order[position] = v;
    positionOf[v] = position;
    position++;
    for (let k = (offsets[v + 1] ?? 0) - 1; k >= (offsets[v] ?? 0); k--)
      stack[top++] = children[k] ?? 0;
  }

  // Children sit after their parent in pre-order, so one backward pass accumulates subtree sizes
  // (held in subtreeEnd until the last pass makes them ends).
  const subtreeEnd = new Int32Array(n).fill(1);
  for (let pos = n - 1; pos >= 0; pos--) {
    const p = parent[order[pos] ?? 0] ?? -1;
    if (p !== -1) {
      const pp = positionOf[p] ?? 0;
      subtreeEnd[pp] = (subtreeEnd[pp] ?? 0) + (subtreeEnd[pos] ?? 0);
    }
  }
  for (let pos = 0; pos < n; pos++) subtreeEnd[pos] = pos + (subtreeEnd[pos] ?? 1);
  return { order, positionOf, depth, subtreeEnd };
}

function insertionSort(
  items: Int32Array,
  from: number,
  to: number,
  before: (a: number, b: number) => number,
): void {
  for (let k = from + 1; k < to; k++) {
    const item = items[k] ?? 0;
    let j = k - 1;
    while (j >= from && before(items[j] ?? 0, item) > 0) {
      items[j + 1] = items[j] ?? 0;
      j--;
    }
    items[j + 1] = item;
  }
}
