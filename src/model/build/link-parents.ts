import { SpanFlag } from '../trace';
import type { TraceAccumulator } from './trace-accumulator';
import { IdTable } from './id-table';

export interface ParentLinks {
  /** Input index of each span's tree parent, -1 for a root. */
  readonly parent: Int32Array;
  /** Span id key → the input index children with that parent id attach to. */
  readonly byId: IdTable;
  /** Spans beyond the first with an already-seen id. */
  readonly duplicateExtras: number;
}

/**
 * Resolves declared parent ids to input indexes. Sets Orphan (parent id not in the trace),
 * CycleCut for self-parents, and DuplicateId on every span that shares its id. Longer cycles are
 * left for cut-cycles.ts.
 *
 * Duplicate ids: children attach to the first span with the id, except for Zipkin shared
 * client/server pairs, where the server half (shared) sits under the client half and children
 * attach to the server half, as Zipkin itself draws them.
 */
export function linkParents(acc: TraceAccumulator, flags: Uint16Array): ParentLinks {
  const n = acc.count;
  const byId = new IdTable(acc.ids, n);
  // Only spans whose id was seen before; duplicates are rare, so this stays small.
  const duplicates: number[] = [];
  for (let i = 0; i < n; i++) {
    const first = byId.addFirst(i);
    if (first !== -1) {
      duplicates.push(i);
      flags[first] = (flags[first] ?? 0) | SpanFlag.DuplicateId;
      flags[i] = (flags[i] ?? 0) | SpanFlag.DuplicateId;
    }
  }

  // Zipkin shared halves: shared span → its client half; id → the shared span.
  const sharedParent = new Map<number, number>();
  if (duplicates.length > 0) {
    const groups = new Map<string, number[]>();
    for (const i of duplicates) {
      const id = acc.ids.text(i);
      const group = groups.get(id) ?? [byId.find(acc.ids, i)];
      group.push(i);
      groups.set(id, group);
    }
    for (const group of groups.values()) {
      const client = group.find((i) => acc.shared[i] === 0);
      const server = group.find((i) => acc.shared[i] === 1);
      if (client === undefined || server === undefined) continue;
      byId.replace(server);
      for (const i of group) if (acc.shared[i] === 1) sharedParent.set(i, client);
    }
  }

  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const viaShared = sharedParent.size === 0 ? undefined : sharedParent.get(i);
    if (viaShared !== undefined) {
      parent[i] = viaShared;
      continue;
    }
    if (acc.parentIds.isEmpty(i)) {
      parent[i] = -1;
      continue;
    }
    const p = byId.find(acc.parentIds, i);
    if (p === -1) {
      parent[i] = -1;
      flags[i] = (flags[i] ?? 0) | SpanFlag.Orphan;
    } else if (p === i) {
      parent[i] = -1;
      flags[i] = (flags[i] ?? 0) | SpanFlag.CycleCut;
    } else parent[i] = p;
  }
  return { parent, byId, duplicateExtras: duplicates.length };
}
