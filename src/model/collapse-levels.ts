import type { TraceColumns } from './trace';

/**
 * "Collapse one level" / "expand one level" on a collapse state (`collapsed[i] !== 0` hides the
 * descendants of i). Both are single O(n) passes over the depth column and return a new array, so
 * state holders can compare by identity.
 */
type LevelColumns = Pick<TraceColumns, 'spanCount' | 'subtreeEnd' | 'depth'>;

/** Depth of the shallowest visible span that has children and is expanded; -1 if none. */
function deepestExpandedDepth(columns: LevelColumns, collapsed: Uint8Array): number {
  const n = columns.spanCount;
  let deepest = -1;
  for (let i = 0; i < n; i = collapsed[i] ? (columns.subtreeEnd[i] ?? n) : i + 1) {
    if ((columns.subtreeEnd[i] ?? 0) > i + 1 && !collapsed[i])
      deepest = Math.max(deepest, columns.depth[i] ?? 0);
  }
  return deepest;
}

/** Collapses every visible, expanded parent at the deepest expanded depth. */
export function collapseOneLevel(columns: LevelColumns, collapsed: Uint8Array): Uint8Array {
  const next = copyState(columns, collapsed);
  const level = deepestExpandedDepth(columns, collapsed);
  if (level < 0) return next;
  const n = columns.spanCount;
  for (let i = 0; i < n; i++)
    if (columns.depth[i] === level && (columns.subtreeEnd[i] ?? 0) > i + 1) next[i] = 1;
  return next;
}

/** Expands every collapsed parent at the shallowest collapsed depth that is visible. */
export function expandOneLevel(columns: LevelColumns, collapsed: Uint8Array): Uint8Array {
  const next = copyState(columns, collapsed);
  const n = columns.spanCount;
  let level = Number.POSITIVE_INFINITY;
  for (let i = 0; i < n; i = collapsed[i] ? (columns.subtreeEnd[i] ?? n) : i + 1)
    if (collapsed[i] && (columns.subtreeEnd[i] ?? 0) > i + 1)
      level = Math.min(level, columns.depth[i] ?? 0);
  if (!Number.isFinite(level)) return next;
  for (let i = 0; i < n; i++) if (columns.depth[i] === level) next[i] = 0;
  return next;
}

export const collapseAll = (columns: LevelColumns): Uint8Array =>
  new Uint8Array(columns.spanCount).fill(1);
export const expandAll = (columns: LevelColumns): Uint8Array => new Uint8Array(columns.spanCount);

function copyState(columns: LevelColumns, collapsed: Uint8Array): Uint8Array {
  const next = new Uint8Array(columns.spanCount);
  next.set(collapsed.subarray(0, columns.spanCount));
  return next;
}
