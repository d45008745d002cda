// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTraceDocument, type ParsedTrace } from '../model/parse-document';
import { FIXTURE_ROOT } from '../model/test-support/fixture-index';
import { SpanFlag } from '../model/trace';
import { answerExportJson, exportTraceJson } from './export-json';
import type { WorkerResponse } from './messages';

const parseFixture = (path: string): ParsedTrace[] =>
  parseTraceDocument(readFileSync(`${FIXTURE_ROOT}/${path}`, 'utf8')).traces;

/** Flags that come from the data (not from timing repairs, which a re-read need not repeat). */
const MEANING = SpanFlag.Error | SpanFlag.KindServer | SpanFlag.KindClient | SpanFlag.Orphan;

/** Exports, then opens the file the way a user's upload is opened. */
async function roundTrip(original: ParsedTrace): Promise<ParsedTrace> {
  const blob = await exportTraceJson(original, () => false);
  const text = (await blob?.text()) ?? '';
  const document = JSON.parse(text) as { data: unknown[] };
  // Jaeger UI's "upload" and Jaeger's API take exactly this envelope.
  expect(Object.keys(document)).toEqual(['data']);
  expect(document.data).toHaveLength(1);
  const reopened = parseTraceDocument(text).traces;
  expect(reopened).toHaveLength(1);
  const [again] = reopened;
  if (!again) throw new Error('nothing reopened');
  return again;
}

describe.each([
  'jaeger-ui-pr4129/getTrace-response.json',
  'jaeger/ui_01.json',
  'jaeger/otel_traces_01.json',
  'jaeger/link_attributes_trace.json',
  'jaeger/domain_01.json',
  'jaeger-pr9263/n_plus_one_positive.json',
  'jaeger-pr9263/sibling_errors.json',
  'jaeger-ui/TraceGraph-testTrace.json',
  'jaeger-ui/genaiTestTrace.json',
  'jaeger/GetTrace.json',
])('the JSON download of %s', (path) => {
  it('reopens in Cairn with the same spans, names, times, tags and structure', async () => {
    for (const original of parseFixture(path)) {
      const again = await roundTrip(original);
      const a = original.trace;
      const b = again.trace;
      expect(b.traceId).toBe(a.traceId);
      expect(b.spanCount).toBe(a.spanCount);
      expect(b.startTime).toBe(a.startTime);
      expect(b.duration).toBe(a.duration);
      expect([...b.services].sort()).toEqual([...a.services].sort());
      for (let i = 0; i < a.spanCount; i++) {
        const before = original.detail(i);
        const after = again.detail(i);
        expect(after.spanId).toBe(before.spanId);
        // A root's OTLP link is a FOLLOWS_FROM reference in Jaeger's format, and Jaeger (UI and
        // Cairn alike) reads a span's first reference as its parent when it has no CHILD_OF.
        const rootLink = before.parentSpanId === '' ? before.references[0] : undefined;
        expect(after.parentSpanId).toBe(rootLink ? rootLink.spanId : before.parentSpanId);
        expect(after.service).toBe(before.service);
        expect(after.operation).toBe(before.operation);
        expect(after.absoluteStart).toBe(before.absoluteStart);
        expect(after.duration).toBe(before.duration);
        expect(after.statusCode).toBe(before.statusCode);
        expect(after.kind).toBe(before.kind);
        const meaning = rootLink ? MEANING & ~SpanFlag.Orphan : MEANING;
        expect((b.columns.flags[i] ?? 0) & meaning).toBe((a.columns.flags[i] ?? 0) & meaning);
        const tags = new Set(after.attributes.map((t) => `${t.key}=${t.value}`));
        for (const t of before.attributes) expect(tags).toContain(`${t.key}=${t.value}`);
        expect(after.resource).toEqual(before.resource);
        expect(after.events.map((e) => [e.time, e.name])).toEqual(
          before.events.map((e) => [e.time, e.name]),
        );
        expect(after.references.map((r) => r.spanId)).toEqual(
          before.references.map((r) => r.spanId),
        );
      }
    }
  });
});

describe('exportTraceJson', () => {
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
