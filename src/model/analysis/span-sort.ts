/**
 * The span table's sort keys, sort and filter: pure typed-array work, so the trace worker sorts
 * (`sort-spans`, cached per column) and unit tests sort on the main thread with the same code.
 */
import { sortByKey } from './sort-order';
import { SpanFlag, type TraceColumns } from '../trace';

export type SpanColumn = 'service' | 'operation' | 'start' | 'duration' | 'self' | 'error';
export const SPAN_TEXT_COLUMNS: readonly SpanColumn[] = ['service', 'operation'];

export interface SpanTableSource {
  readonly columns: TraceColumns;
  readonly services: readonly string[];
  readonly operations: readonly string[];
}

/** Alphabetical rank of each name in a string table (ties by index): small, sorted once. */
function ranks(names: readonly string[]): Float64Array {
  const order = names
    .map((_, i) => i)
    .sort((a, b) => (names[a] ?? '').localeCompare(names[b] ?? '') || a - b);
  const rank = new Float64Array(names.length);
  order.forEach((index, position) => {
    rank[index] = position;
  });
  return rank;
}

/** The sort key of every span for a column, as one Float64Array (what sortByKey takes). */
export function keysOf(source: SpanTableSource, column: SpanColumn): Float64Array {
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
export function sortSpans(
  source: SpanTableSource,
  column: SpanColumn,
  descending: boolean,
): Int32Array {
  return sortByKey(keysOf(source, column), undefined, descending);
}

/**
 * The descending order from an ascending one, as {@link sortSpans} would give it: runs of equal
 * keys are reversed as blocks and keep their order inside, so ties still read in tree order.
 */
export function reverseOrder(ascending: Int32Array, keys: Float64Array): Int32Array {
  const out = new Int32Array(ascending.length);
  let at = 0;
  let end = ascending.length;
  while (end > 0) {
    const key = keys[ascending[end - 1] ?? 0];
    let begin = end - 1;
    while (begin > 0 && keys[ascending[begin - 1] ?? 0] === key) begin--;
    for (let k = begin; k < end; k++) out[at++] = ascending[k] ?? 0;
    end = begin;
  }
  return out;
}

/**
 * Spans of `order` whose service or operation contains `text` (case-insensitive), in that
 * order. Matching runs on the string tables, then one pass over the spans reads two bytes each.
 */
export function filterSpans(source: SpanTableSource, order: Int32Array, text: string): Int32Array {
  const needle = text.trim().toLowerCase();
  if (!needle) return order;
  const matchesIn = (names: readonly string[]) =>
    Uint8Array.from(names, (name) => (name.toLowerCase().includes(needle) ? 1 : 0));
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
