/**
 * Find by service or operation name (case-insensitive substring), used until the analysis find
 * (src/model/analysis/find.ts) with its query syntax is wired in. Names are matched once per
 * string table entry, then one typed-array pass marks spans: O(spans + names).
 */
import type { ParsedTrace } from '../model/parse-document';

function matchingEntries(table: readonly string[], needle: string): Uint8Array {
  const hits = new Uint8Array(table.length);
  table.forEach((name, i) => {
    if (name.toLowerCase().includes(needle)) hits[i] = 1;
  });
  return hits;
}

export function basicFind(parsed: ParsedTrace, query: string): Int32Array {
  const needle = query.trim().toLowerCase();
  const { trace } = parsed;
  if (needle === '') return new Int32Array(0);
  const services = matchingEntries(trace.services, needle);
  const operations = matchingEntries(trace.operations, needle);
  const { service, operation, spanCount } = trace.columns;
  const out = new Int32Array(spanCount);
  let count = 0;
  for (let i = 0; i < spanCount; i++) {
    if (services[service[i] ?? 0] || operations[operation[i] ?? 0]) out[count++] = i;
  }
  const byId = parsed.spanIndexById(query.trim());
  if (byId >= 0 && !(count > 0 && binaryHas(out, count, byId))) {
    out[count++] = byId;
    out.subarray(0, count).sort();
  }
  return out.slice(0, count);
}

function binaryHas(sorted: Int32Array, length: number, value: number): boolean {
  let lo = 0;
  let hi = length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = sorted[mid] ?? 0;
    if (at === value) return true;
    if (at < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
