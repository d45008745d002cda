import type { SpanRecord } from './span-record';
import { InternedKeys, SpanIdKeys, copyInto } from './span-id-keys';

/** The spans of one trace in input order, as growable typed-array columns. */
export class TraceAccumulator {
  readonly traceId: string;
  count = 0;
  /** Lookup keys (idKey) of each span id and declared parent id, as numbers. */
  private readonly interned = new InternedKeys();
  readonly ids = new SpanIdKeys(this.interned, 16);
  readonly parentIds = new SpanIdKeys(this.interned, 16);
  start = new Float64Array(16);
  duration = new Float64Array(16);
  service = new Int32Array(16);
  operation = new Int32Array(16);
  flags = new Uint16Array(16);
  shared = new Uint8Array(16);
  source = new Int32Array(16);
  readonly services: string[] = [];
  readonly operations: string[] = [];
  readonly warnings: string[] = [];
  private readonly serviceIndex = new Map<string, number>();
  private readonly operationIndex = new Map<string, number>();

  constructor(traceId: string) {
    this.traceId = traceId;
  }

  add(record: SpanRecord): void {
    if (this.count === this.start.length) this.grow(this.count * 2);
    const i = this.count++;
    const { spanKey, parentKey } = record;
    if (spanKey.read) this.ids.setHalves(i, spanKey.hi, spanKey.lo);
    else this.ids.set(i, record.spanId);
    if (parentKey.read) this.parentIds.setHalves(i, parentKey.hi, parentKey.lo);
    else this.parentIds.set(i, record.parentSpanId);
    this.start[i] = record.start;
    this.duration[i] = record.duration;
    this.service[i] = intern(record.service, this.services, this.serviceIndex);
    this.operation[i] = intern(record.operation, this.operations, this.operationIndex);
    this.flags[i] = record.flags;
    this.shared[i] = record.shared ? 1 : 0;
    this.source[i] = record.source;
  }

  /** The key of the normalized id `id` at index 0, for lookups; null if no span can have it. */
  keyOf(id: string): SpanIdKeys | null {
    const key = new SpanIdKeys(this.interned, 1);
    return key.set(0, id, false) ? key : null;
  }

  /**
   * Renames services after the fact (Jaeger v1 `processes` may follow the spans that use them).
   * Two old names may become one, so the column is remapped, which costs one pass per trace.
   */
  renameServices(rename: (name: string) => string): void {
    const renamed = this.services.map(rename);
    if (renamed.every((name, i) => name === this.services[i])) return;
    const remap = new Int32Array(renamed.length);
    this.services.length = 0;
    this.serviceIndex.clear();
    renamed.forEach((name, i) => {
      remap[i] = intern(name, this.services, this.serviceIndex);
    });
    for (let i = 0; i < this.count; i++) this.service[i] = remap[this.service[i] ?? 0] ?? 0;
  }

  private grow(capacity: number): void {
    this.ids.grow(capacity);
    this.parentIds.grow(capacity);
    this.start = copyInto(new Float64Array(capacity), this.start);
    this.duration = copyInto(new Float64Array(capacity), this.duration);
    this.service = copyInto(new Int32Array(capacity), this.service);
    this.operation = copyInto(new Int32Array(capacity), this.operation);
    this.flags = copyInto(new Uint16Array(capacity), this.flags);
    this.shared = copyInto(new Uint8Array(capacity), this.shared);
    this.source = copyInto(new Int32Array(capacity), this.source);
  }
}

function intern(name: string, table: string[], index: Map<string, number>): number {
  const known = index.get(name);
  if (known !== undefined) return known;
  table.push(name);
  index.set(name, table.length - 1);
  return table.length - 1;
}
