import type { Trace, TraceColumns } from '../trace';
import { SpanFlag } from '../trace';
import { micros } from '../units';

/**
 * Test helper: builds a columnar `Trace` by hand, honouring the invariants of `trace.ts` (DFS
 * pre-order, siblings by start, `subtreeEnd`, `selfTime` with children clipped). Used by the
 * analysis tests until (and alongside) the real parser; not used by production code.
 */
export interface TestSpan {
  readonly id: string;
  readonly parent?: string;
  readonly start: number;
  readonly duration: number;
  readonly service?: string;
  readonly operation?: string;
  readonly flags?: number;
}

export function buildTestTrace(spans: readonly TestSpan[]): Trace & { readonly ids: string[] } {
  const byId = new Map<string, TestSpan>();
  for (const span of spans) byId.set(span.id, span);
  const children = new Map<string | undefined, TestSpan[]>();
  for (const span of spans) {
    const key = span.parent !== undefined && byId.has(span.parent) ? span.parent : undefined;
    const list = children.get(key) ?? [];
    list.push(span);
    children.set(key, list);
  }
  for (const list of children.values())
    list.sort((a, b) => a.start - b.start || a.id.localeCompare(b.id));

  const order: { span: TestSpan; parent: number; depth: number }[] = [];
  const stack: { span: TestSpan; parent: number; depth: number }[] = (children.get(undefined) ?? [])
    .slice()
    .reverse()
    .map((span) => ({ span, parent: -1, depth: 0 }));
  while (stack.length > 0) {
    const item = stack.pop();
    if (!item) break;
    const index = order.length;
    order.push(item);
    const kids = children.get(item.span.id) ?? [];
    for (let k = kids.length - 1; k >= 0; k--) {
      const kid = kids[k];
      if (kid) stack.push({ span: kid, parent: index, depth: item.depth + 1 });
    }
  }

  const n = order.length;
  const minStart = Math.min(...spans.map((s) => s.start));
  const services: string[] = [];
  const operations: string[] = [];
  const intern = (table: string[], name: string): number => {
    const at = table.indexOf(name);
    if (at >= 0) return at;
    table.push(name);
    return table.length - 1;
  };
  const columns = {
    spanCount: n,
    start: new Float64Array(n),
    duration: new Float64Array(n),
    selfTime: new Float64Array(n),
    parent: new Int32Array(n),
    depth: new Int32Array(n),
    subtreeEnd: new Int32Array(n),
    service: new Int32Array(n),
    operation: new Int32Array(n),
    flags: new Uint16Array(n),
  } satisfies TraceColumns;
  order.forEach((item, i) => {
    columns.start[i] = item.span.start - minStart;
    columns.duration[i] = item.span.duration;
    columns.parent[i] = item.parent;
    columns.depth[i] = item.depth;
    columns.service[i] = intern(services, item.span.service ?? 'svc');
    columns.operation[i] = intern(operations, item.span.operation ?? 'op');
    columns.flags[i] = item.span.flags ?? 0;
    columns.subtreeEnd[i] = i + 1;
  });
  for (let i = n - 1; i >= 0; i--) {
    const p = columns.parent[i] ?? -1;
    if (p >= 0)
      columns.subtreeEnd[p] = Math.max(columns.subtreeEnd[p] ?? 0, columns.subtreeEnd[i] ?? 0);
  }
  for (let i = 0; i < n; i++) columns.selfTime[i] = selfTimeOf(columns, i);

  const end = Math.max(...order.map((o) => o.span.start + o.span.duration)) - minStart;
  const root = order[0]?.span;
  return {
    traceId: 'test-trace',
    name: root ? `${root.service ?? 'svc'}: ${root.operation ?? 'op'}` : '',
    startTime: micros(minStart),
    duration: micros(end),
    spanCount: n,
    errorCount: order.filter((o) => ((o.span.flags ?? 0) & SpanFlag.Error) !== 0).length,
    maxDepth: Math.max(0, ...order.map((o) => o.depth)),
    rootCount: order.filter((o) => o.parent < 0).length,
    format: 'test',
    columns,
    services,
    operations,
    findings: [],
    warnings: [],
    ids: order.map((o) => o.span.id),
  };
}

function selfTimeOf(c: TraceColumns, i: number): number {
  const s = c.start[i] ?? 0;
  const e = s + (c.duration[i] ?? 0);
  const intervals: [number, number][] = [];
  for (let k = i + 1; k < (c.subtreeEnd[i] ?? 0); k = c.subtreeEnd[k] ?? k + 1) {
    const ks = Math.max(s, c.start[k] ?? 0);
    const ke = Math.min(e, (c.start[k] ?? 0) + (c.duration[k] ?? 0));
    if (ke > ks) intervals.push([ks, ke]);
  }
  intervals.sort((a, b) => a[0] - b[0]);
  let covered = 0;
  let cursor = s;
  for (const [a, b] of intervals) {
    const from = Math.max(a, cursor);
    if (b > from) covered += b - from;
    cursor = Math.max(cursor, b);
  }
  return e - s - covered;
}
