import { computeSpanPairs } from '../analysis/span-pairs';
import type { TraceColumns } from '../trace';

/** What the diff needs of a trace: its columns and string tables. */
export interface DiffInput {
  readonly columns: TraceColumns;
  readonly services: readonly string[];
  readonly operations: readonly string[];
}

/**
 * One numbering of (service, operation) for both traces, so a span of A and a span of B with the
 * same names get the same name id. Strings are compared once per distinct pair of a trace (a
 * small table), never per span.
 */
export interface SpanNames {
  readonly nameOfA: Int32Array;
  readonly nameOfB: Int32Array;
  readonly nameCount: number;
  /** Per name: index into `services`. */
  readonly nameService: Int32Array;
  readonly nameOperation: readonly string[];
  /** Services of both traces, each once. */
  readonly services: readonly string[];
}

export function* nameSpans(a: DiffInput, b: DiffInput): Generator<undefined, SpanNames, void> {
  const services: string[] = [];
  const serviceIds = new Map<string, number>();
  const nameIds = new Map<string, number>();
  const nameServiceList: number[] = [];
  const nameOperation: string[] = [];
  const sideNames = (side: DiffInput): Int32Array => {
    const pairs = computeSpanPairs(side.columns, side.operations.length);
    const global = new Int32Array(pairs.pairCount);
    for (let p = 0; p < pairs.pairCount; p++) {
      const service = side.services[pairs.pairService[p] ?? 0] ?? '';
      const operation = side.operations[pairs.pairOperation[p] ?? 0] ?? '';
      let serviceId = serviceIds.get(service);
      if (serviceId === undefined) {
        serviceId = services.push(service) - 1;
        serviceIds.set(service, serviceId);
      }
      // The service id is digits up to the first colon, so no two pairs share a key.
      const key = `${serviceId}:${operation}`;
      let id = nameIds.get(key);
      if (id === undefined) {
        id = nameOperation.push(operation) - 1;
        nameServiceList.push(serviceId);
        nameIds.set(key, id);
      }
      global[p] = id;
    }
    const names = new Int32Array(side.columns.spanCount);
    for (let i = 0; i < names.length; i++) names[i] = global[pairs.pairOfSpan[i] ?? 0] ?? 0;
    return names;
  };
  const nameOfA = sideNames(a);
  yield;
  const nameOfB = sideNames(b);
  yield;
  return {
    nameOfA,
    nameOfB,
    nameCount: nameOperation.length,
    nameService: Int32Array.from(nameServiceList),
    nameOperation,
    services,
  };
}
