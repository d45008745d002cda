// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTraceDocument } from '../model/parse-document';
import { FIXTURE_ROOT } from '../model/test-support/fixture-index';
import { answerExportJson, exportTraceJson } from './export-json';
import type { WorkerResponse } from './messages';

const parsed = () => {
  const text = readFileSync(`${FIXTURE_ROOT}/jaeger-ui-pr4129/getTrace-response.json`, 'utf8');
  const [first] = parseTraceDocument(text).traces;
  if (!first) throw new Error('fixture holds no trace');
  return first;
};

describe('exportTraceJson', () => {
  it('writes the summary and every span detail, in tree order, as one valid JSON document', async () => {
    const trace = parsed();
    const blob = await exportTraceJson(trace, () => false);
    expect(blob?.type).toBe('application/json');
    const document = JSON.parse((await blob?.text()) ?? '') as {
      traceId: string;
      spanCount: number;
      spans: { index: number; spanId: string }[];
    };
    expect(document.traceId).toBe(trace.trace.traceId);
    expect(document.spanCount).toBe(40);
    expect(document.spans.map((span) => span.index)).toEqual(
      Array.from({ length: 40 }, (_, i) => i),
    );
    expect(document.spans[3]?.spanId).toBe(trace.detail(3).spanId);
  });

  it('answers an error for a released handle instead of throwing', async () => {
    const posted: WorkerResponse[] = [];
    await answerExportJson(
      7,
      undefined,
      () => false,
      (message) => posted.push(message),
    );
    expect(posted).toEqual([
      { type: 'error', id: 7, error: expect.objectContaining({ kind: 'not-found' }) as unknown },
    ]);
  });
});
