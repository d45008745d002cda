/**
 * Test helper: the tree columns of a span forest given as a parent list already in DFS pre-order
 * (each span's parent comes before it). In pre-order a subtree ends at the first later span that
 * is not deeper.
 */
export function preorderShape(parents: readonly number[]): {
  parent: Int32Array;
  depth: Int32Array;
  subtreeEnd: Int32Array;
} {
  const n = parents.length;
  const parent = Int32Array.from(parents);
  const depth = new Int32Array(n);
  for (let i = 0; i < n; i++)
    depth[i] = (parent[i] ?? -1) >= 0 ? (depth[parent[i] ?? 0] ?? 0) + 1 : 0;
  const subtreeEnd = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let end = i + 1;
    while (end < n && (depth[end] ?? 0) > (depth[i] ?? 0)) end++;
    subtreeEnd[i] = end;
  }
  return { parent, depth, subtreeEnd };
}
