/**
 * The span table's sort orders, computed in the worker (`sort-spans`): a radix argsort of 1M
 * spans is ~60–180 ms, too long for the main thread. The ascending order is cached per
 * (handle, column), and the other direction is one O(n) pass over it (`reverseOrder`), so
 * flipping a column's direction costs no sort. Each reply transfers a fresh copy.
 */
import {
  keysOf,
  reverseOrder,
  type SpanColumn,
  type SpanTableSource,
} from '../model/analysis/span-sort';
import { sortByKeySteps } from '../model/analysis/sort-order';
import { runSliced } from './run-sliced';

interface Sorted {
  readonly keys: Float64Array;
  readonly ascending: Int32Array;
}

export class SpanOrders {
  private readonly byHandle = new Map<number, Map<SpanColumn, Promise<Sorted>>>();

  /**
   * Span indexes of `source` ordered by `column`. The sort pauses between radix passes, so a
   * span detail asked meanwhile is answered; `isLoaded` false there stops it (rejects).
   */
  async order(
    handle: number,
    source: SpanTableSource,
    column: SpanColumn,
    descending: boolean,
    isLoaded: () => boolean,
  ): Promise<Int32Array> {
    let columns = this.byHandle.get(handle);
    if (!columns) {
      columns = new Map();
      this.byHandle.set(handle, columns);
    }
    let pending = columns.get(column);
    if (!pending) {
      const keys = keysOf(source, column);
      pending = runSliced(sortByKeySteps(keys), isLoaded).then((ascending) => ({
        keys,
        ascending,
      }));
      columns.set(column, pending);
      const cache = columns;
      const entry = pending;
      pending.catch(() => {
        if (cache.get(column) === entry) cache.delete(column);
      });
    }
    const { keys, ascending } = await pending;
    return descending ? reverseOrder(ascending, keys) : ascending.slice();
  }

  delete(handle: number): void {
    this.byHandle.delete(handle);
  }
}
