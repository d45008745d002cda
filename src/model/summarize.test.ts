/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { parseTraceDocument } from './parse-document';
import { summarizeTrace } from './summarize';
import { FIXTURE_ROOT } from './test-support/fixture-index';

describe('summarizeTrace', () => {
  it('summarizes the HotROD v3 trace', () => {
    const [parsed] = parseTraceDocument(
      readFileSync(`${FIXTURE_ROOT}/jaeger-ui-pr4129/getTrace-response.json`, 'utf8'),
    ).traces;
    if (parsed === undefined) throw new Error('no trace');
    const summary = summarizeTrace(parsed.trace);
    expect(summary.spanCount).toBe(40);
    expect(summary.errorCount).toBe(3);
    expect(summary.rootService).toBe('frontend');
    expect(summary.services).toHaveLength(6);
    expect(summary.services.reduce((n, s) => n + s.spanCount, 0)).toBe(40);
    const counts = summary.services.map((s) => s.spanCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(summary.startTime).toBe(parsed.trace.startTime);
    expect(summary.duration).toBeGreaterThan(0);
  });
});
