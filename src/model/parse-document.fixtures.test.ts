/// <reference types="node" />
import { readFileSync, readdirSync } from 'node:fs';
import { parseTraceDocument } from './parse-document';
import type { ParseResult } from './parse-document';
import { SpanFlag } from './trace';
import { UNKNOWN_SERVICE } from './formats/span-context';
import { FIXTURE_ROOT, expectedFormat, readFixtureIndex } from './test-support/fixture-index';

/**
 * Files INDEX.md marks as not trace data. Each must still parse without throwing and must come
 * back with a clear error instead of traces.
 */
const NOT_TRACE_DATA = new Set([
  'jaeger/queries.json', // integration-test query list
  'jaeger/FindTraceSummaries.json', // v3 search summaries
  'jaeger/GetServices.json', // v3 services list
  'jaeger/GetOperations.json', // v3 operations list
  'jaeger-idl/query_service.openapi.yaml', // OpenAPI spec, not even JSON
  'jaeger-ui/small.json', // dependency links
  'jaeger-pr9263/n_plus_one_full_concurrent.manifest.json', // manifests describe sibling fixtures
  'jaeger-pr9263/n_plus_one_full_serial.manifest.json',
  'jaeger-pr9263/n_plus_one_near_miss.manifest.json',
  'jaeger-pr9263/n_plus_one_positive.manifest.json',
  'jaeger-pr9263/sibling_errors.manifest.json',
]);

/**
 * Where Cairn's parent choice differs from the one INDEX.md's counts assume. These spans carry
 * three references, the first a CHILD_OF into ANOTHER trace (…ff) and a later CHILD_OF to a span
 * of this trace. INDEX counts them by the first reference (Jaeger UI's rule: an orphan); Cairn
 * uses Jaeger's backend rule (model.Span.ParentSpanID: first CHILD_OF in the same trace), which
 * places the span under its in-trace parent. So one orphan fewer; the spans and roots agree.
 */
const ORPHAN_OVERRIDES = new Map([
  ['jaeger/ui_01.json', 0],
  ['jaeger/fixtures-domain_01.json', 0],
]);

function listFixtures(): string[] {
  const files: string[] = [];
  for (const dir of readdirSync(FIXTURE_ROOT, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue; // INDEX.md itself
    for (const file of readdirSync(`${FIXTURE_ROOT}/${dir.name}`))
      files.push(`${dir.name}/${file}`);
  }
  return files.sort();
}

function count(result: ParseResult, bit: number): number {
  let total = 0;
  for (const { trace } of result.traces)
    for (let i = 0; i < trace.spanCount; i++) if ((trace.columns.flags[i] ?? 0) & bit) total++;
  return total;
}

const sum = (result: ParseResult, f: (r: ParseResult['traces'][number]) => number): number =>
  result.traces.reduce((acc, t) => acc + f(t), 0);

/** Folders INDEX.md describes as something other than traces (jaeger-query's UI files). */
const NOT_TRACE_FOLDERS = ['jaeger-query/'];
const isTraceData = (file: string): boolean =>
  !NOT_TRACE_DATA.has(file) && !NOT_TRACE_FOLDERS.some((folder) => file.startsWith(folder));

const index = readFixtureIndex();
const files = listFixtures();

describe('real fixtures', () => {
  it('finds every fixture file listed, and INDEX.md rows for all trace data', () => {
    expect(files.length).toBeGreaterThan(80);
    for (const file of files) if (isTraceData(file)) expect(index.has(file), file).toBe(true);
  });

  it.each(files.filter((f) => !isTraceData(f)))('%s is reported as not trace data', (file) => {
    const result = parseTraceDocument(readFileSync(`${FIXTURE_ROOT}/${file}`, 'utf8'));
    expect(result.traces).toHaveLength(0);
    expect(result.errors.length).toBeGreaterThan(0);
    expect(result.errors[0]).toMatch(/not (valid JSON|trace data)/);
  });

  it.each(files.filter(isTraceData))('%s matches INDEX.md', (file) => {
    const row = index.get(file);
    if (row === undefined) throw new Error(`no INDEX.md row for ${file}`);
    const result = parseTraceDocument(readFileSync(`${FIXTURE_ROOT}/${file}`, 'utf8'));
    expect(result.format).toBe(expectedFormat(row.format));
    expect(result.traces).toHaveLength(row.traces);
    expect(sum(result, (t) => t.trace.spanCount)).toBe(row.spans);
    const orphans = count(result, SpanFlag.Orphan);
    const cycleCuts = count(result, SpanFlag.CycleCut);
    expect(orphans).toBe(ORPHAN_OVERRIDES.get(file) ?? row.orphans);
    // INDEX's roots are spans with no parent reference; Cairn's roots also hold orphans and cut
    // cycles (a self-parent counts as neither in INDEX).
    expect(sum(result, (t) => t.trace.rootCount) - orphans - cycleCuts).toBe(row.roots);
    const duplicates = sum(
      result,
      (t) => t.trace.findings.find((f) => f.kind === 'duplicate-ids')?.count ?? 0,
    );
    expect(duplicates).toBe(row.duplicates);
    expect(sum(result, (t) => t.trace.errorCount)).toBe(row.errors);
    expect(count(result, SpanFlag.BadTiming)).toBe(row.noTimestamp);
    const services = new Set(
      result.traces.flatMap((t) => t.trace.services.filter((s) => s !== UNKNOWN_SERVICE)),
    );
    expect(services.size).toBe(row.services);
    if (row.duplicates === 0) {
      // With duplicates, which copy is "the" parent is a choice; INDEX's counts assume another.
      expect(count(result, SpanFlag.StartsBeforeParent)).toBe(row.early);
      expect(count(result, SpanFlag.OutlivesParent)).toBe(row.late);
    }
    for (const { trace, detail } of result.traces)
      for (let i = 0; i < trace.spanCount; i++) expect(detail(i).index).toBe(i);
  });
});
