import { readFileSync, readdirSync } from 'node:fs';
import { parseTraceDocument, type ParsedTrace } from '../parse-document';
import { FIXTURE_ROOT } from '../test-support/fixture-index';
import { adjustClockSkew } from './clock-skew';
import { computeCriticalPath } from './critical-path';
import { findByName, findSpans, matchesWithAncestors } from './find';
import { findRepeatedSiblings } from './repeated-siblings';
import { computeStatistics } from './statistics';

const parse = (path: string): ParsedTrace[] =>
  parseTraceDocument(readFileSync(`${FIXTURE_ROOT}/${path}`, 'utf8')).traces;
const first = (path: string): ParsedTrace => {
  const parsed = parse(path)[0];
  if (!parsed) throw new Error(`no trace in ${path}`);
  return parsed;
};

const traceFiles = readdirSync(FIXTURE_ROOT, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.json') && !file.includes('manifest'))
  .sort();

describe('analysis on every real fixture', () => {
  it.each(traceFiles)('%s', (file) => {
    for (const { trace, detail, spanIndexById } of parse(file)) {
      const { columns } = trace;
      const skew = adjustClockSkew(columns);
      expect(skew.adjustedStart.every(Number.isFinite)).toBe(true);
      const path = computeCriticalPath(columns, trace.services.length, {
        start: skew.adjustedStart,
      });
      // The path tiles every root exactly once.
      let rootTotal = 0;
      for (let i = 0; i < columns.spanCount; i = columns.subtreeEnd[i] ?? columns.spanCount)
        rootTotal += columns.duration[i] ?? 0;
      expect(path.total).toBeCloseTo(rootTotal, 3);
      expect(computeStatistics(trace).reduce((sum, row) => sum + row.count, 0)).toBe(
        columns.spanCount,
      );
      findRepeatedSiblings(columns);
      // Every span is found by its own id, and by its service name.
      for (let i = 0; i < columns.spanCount; i++) {
        const { spanId, service } = detail(i);
        if (spanId)
          expect(Array.from(findByName(spanId, trace, { spanIndexById }))).toContain(
            spanIndexById(spanId),
          );
        if (service) expect(Array.from(findSpans(`"${service}"`, trace, detail))).toContain(i);
      }
    }
  });
});

describe('zipkin/skew.json', () => {
  it('centres the server span in its client and carries its local child along', () => {
    const { trace } = first('zipkin/skew.json');
    const { columns, services } = trace;
    const skew = adjustClockSkew(columns);
    expect(skew.adjusted.length).toBe(1);
    const server = skew.adjusted[0] ?? -1;
    expect(services[columns.service[server] ?? -1]).toBe('serviceb');
    // Client 1470150004074202 + (94539 - 93577) / 2 minus the server's 1470150004008761.
    expect(skew.deltas[0]).toBe(65922);
    expect(skew.shiftedCount).toBe(2);
    const client = columns.parent[server] ?? -1;
    const s = skew.adjustedStart[server] ?? 0;
    const c = skew.adjustedStart[client] ?? 0;
    expect(s).toBeGreaterThanOrEqual(c);
    expect(s + (columns.duration[server] ?? 0)).toBeLessThanOrEqual(
      c + (columns.duration[client] ?? 0),
    );
  });

  it('puts the adjusted server on the critical path instead of clipping it away', () => {
    const { trace } = first('zipkin/skew.json');
    const { columns, services } = trace;
    const raw = computeCriticalPath(columns, services.length);
    const adjusted = computeCriticalPath(columns, services.length, {
      start: adjustClockSkew(columns).adjustedStart,
    });
    const serviceb = services.indexOf('serviceb');
    expect(adjusted.perService[serviceb] ?? 0).toBeGreaterThan(raw.perService[serviceb] ?? 0);
  });
});

describe('jaeger-pr9263 HotROD traces', () => {
  it('finds the 13 serial GetDriver siblings of n_plus_one_positive', () => {
    const { trace } = first('jaeger-pr9263/n_plus_one_positive.json');
    const groups = findRepeatedSiblings(trace.columns);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ count: 13 });
    expect(trace.operations[groups[0]?.operation ?? -1]).toBe('GetDriver');
  });

  it('finds redis timeouts by event text and key=value, and keeps their ancestors for "only matches"', () => {
    const { trace, detail } = first('jaeger-ui-pr4129/getTrace-response.json');
    const errors = Array.from({ length: trace.spanCount }, (_, i) => i).filter(
      (i) => detail(i).statusCode === 'error',
    );
    expect(errors.length).toBe(3);
    const byText = findSpans('redis timeout', trace, detail);
    expect(Array.from(byText)).toEqual(expect.arrayContaining(errors));
    const mask = matchesWithAncestors(trace.columns, byText);
    expect(mask[0]).toBeGreaterThan(0);
  });
});
