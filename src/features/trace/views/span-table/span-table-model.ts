import { sortByKey } from '../../../../model/analysis/sort-order';
import { SpanFlag, type TraceColumns } from '../../../../model/trace';

export type SpanColumn = 'service' | 'operation' | 'start' | 'duration' | 'self' | 'error';
export const SPAN_TEXT_COLUMNS: readonly SpanColumn[] = ['service', 'operation'];

export interface SpanTableSource {
  readonly columns: TraceColumns;
  readonly services: readonly string[];
  readonly operations: readonly string[];
}

/** Alphabetical rank of each name in a string table (ties by index): small, sorted once. */
function ranks(names: readonly string[]): Float64Array {
  const order = names.map((_, i) => i).sort((a, b) => (names[a] ?? '').localeCompare(names[b] ?? '') || a - b);
  const rank = new Float64Array(names.length);
  order.forEach((index, position) => {
    rank[index] = position;
  });
  return rank;
}

/** The sort key of every span for a column, as one Float64Array (what sortByKey takes). */
function keysOf(source: SpanTableSource, column: SpanColumn): Float64Array {
  const { columns } = source;
  switch (column) {
    case 'start':
      return columns.start;
    case 'duration':
      return columns.duration;
    case 'self':
      return columns.selfTime;
    case 'service':
    case 'operation': {
      const rank = ranks(column === 'service' ? source.services : source.operations);
      const names = column === 'service' ? columns.service : columns.operation;
      const keys = new Float64Array(columns.spanCount);
      for (let i = 0; i < keys.length; i++) keys[i] = rank[names[i] ?? 0] ?? 0;
      return keys;
    }
    case 'error': {
      const keys = new Float64Array(columns.spanCount);
      for (let i = 0; i < keys.length; i++) keys[i] = (columns.flags[i] ?? 0) & SpanFlag.Error;
      return keys;
    }
  }
}

/**
 * Every span index in the column's order. Radix sorted (sort-order.ts), so 1M spans sort in tens
 * of ms; ties keep tree order, which for equal starts reads parent before child.
 */
export function sortSpans(source: SpanTableSource, column: SpanColumn, descending: boolean): Int32Array {
  return sortByKey(keysOf(source, column), undefined, descending);
}

/**
 * Spans of `order` whose service or operation contains `text` (case-insensitive), in that
 * order. Matching runs on the string tables, then one pass over the spans reads two bytes each.
 */
export function filterSpans(source: SpanTableSource, order: Int32Array, text: string): Int32Array {
  const needle = text.trim().toLowerCase();
  if (!needle) return order;
  const matchesIn = (names: readonly string[]) => Uint8Array.from(names, (name) => (name.toLowerCase().includes(needle) ? 1 : 0));
  const serviceHit = matchesIn(source.services);
  const operationHit = matchesIn(source.operations);
  const { service, operation } = source.columns;
  const out = new Int32Array(order.length);
  let kept = 0;
  for (let j = 0; j < order.length; j++) {
    const i = order[j] ?? 0;
    if (serviceHit[service[i] ?? 0] || operationHit[operation[i] ?? 0]) out[kept++] = i;
  }
  return out.slice(0, kept);
}
