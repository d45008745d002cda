import { SpanFlag, type TraceColumns } from '../trace';
import { inChunks } from './in-chunks';

/**
 * Per (service, operation) name of both traces: total time, self time, calls and errors on each
 * side. "Where the time went" sums these by name or by service and sorts by the change.
 */
export interface NameTotals {
  readonly totalA: Float64Array;
  readonly totalB: Float64Array;
  readonly selfA: Float64Array;
  readonly selfB: Float64Array;
  readonly callsA: Float64Array;
  readonly callsB: Float64Array;
  readonly errorsA: Float64Array;
  readonly errorsB: Float64Array;
}

export function* totalByName(
  a: TraceColumns,
  b: TraceColumns,
  nameOfA: Int32Array,
  nameOfB: Int32Array,
  nameCount: number,
): Generator<undefined, NameTotals, void> {
  const make = () => new Float64Array(nameCount);
  const out: NameTotals = {
    totalA: make(),
    totalB: make(),
    selfA: make(),
    selfB: make(),
    callsA: make(),
    callsB: make(),
    errorsA: make(),
    errorsB: make(),
  };
  const sides = [
    [a, nameOfA, out.totalA, out.selfA, out.callsA, out.errorsA],
    [b, nameOfB, out.totalB, out.selfB, out.callsB, out.errorsB],
  ] as const;
  for (const [side, names, total, self, calls, errors] of sides) {
    yield* inChunks(side.spanCount, (from, to) => {
      for (let i = from; i < to; i++) {
        const k = names[i] ?? 0;
        total[k] = (total[k] ?? 0) + (side.duration[i] ?? 0);
        self[k] = (self[k] ?? 0) + (side.selfTime[i] ?? 0);
        calls[k] = (calls[k] ?? 0) + 1;
        if (((side.flags[i] ?? 0) & SpanFlag.Error) !== 0) errors[k] = (errors[k] ?? 0) + 1;
      }
    });
  }
  return out;
}
