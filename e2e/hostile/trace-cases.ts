/**
 * Hostile trace data: each case is a real fixture (../shared/fixtures/real, read unchanged) mutated
 * here into what an arbitrary app or a broken pipeline sends. The runners (trace-data.spec.ts,
 * trace-elsewhere.spec.ts) feed each case to every page that shows trace data and check what the
 * user sees: every span counted, the flag or message that says what is wrong, markup as text.
 */
import { readFileSync } from 'node:fs';
import { REAL_FIXTURES } from '../support/local-files';
import type { V1Trace } from '../support/scripted-backend';
import { ALL_MARKUP, BIDI, MARKUP, URLS } from './payloads';

export type TraceClass =
  | 'markup'
  | 'urls'
  | 'huge values'
  | 'broken trees'
  | 'bad times'
  | 'bad ids'
  | 'wrong types'
  | 'unicode'
  | 'prototype keys';

export interface TraceCase {
  readonly name: string;
  readonly kind: TraceClass;
  /** The document the backend (or a file) holds. */
  readonly build: () => V1Trace;
  /** Spans the trace page must count: in its header and as rows of the span table. */
  readonly spans: number;
  /** Text on the trace page that says what is wrong (a finding, warning or badge). */
  readonly flag?: RegExp;
  /** Text that must show as typed (markup as text, escapes as escapes). */
  readonly shows?: string;
  /** A find query that must match at least one span. */
  readonly find?: string;
  /** The row (by its text) whose details are opened; the first row if absent. */
  readonly detailRow?: string;
  /** The JSON view draws only the start of a span this big, and says so. */
  readonly jsonCut?: boolean;
}

/**
 * jaeger-ui/testTraceNormal.json: 5 spans, 2 services, one root (150c…, api-gateway); its spans in
 * file order are 622a… (leaf), e821…, 4085… (leaf), 22be…, 150c… (root).
 */
const NORMAL = JSON.parse(
  readFileSync(`${REAL_FIXTURES}jaeger-ui/testTraceNormal.json`, 'utf8'),
) as V1Trace;

let counter = 0;
/** A fresh copy of the base trace under its own trace id (cases share one backend). */
export function baseTrace(traceID = `4057113${(++counter).toString(16).padStart(25, '0')}`) {
  const copy = structuredClone(NORMAL);
  copy.traceID = traceID;
  for (const span of copy.spans) {
    span.traceID = traceID;
    for (const ref of span.references as { traceID: string }[]) ref.traceID = traceID;
  }
  return copy;
}

const span = (trace: V1Trace, index: number) => trace.spans[index] as Record<string, unknown>;
/** The process `p1` (customers-service) or `p2` (api-gateway) of the base trace. */
const proc = (trace: V1Trace, id: 'p1' | 'p2') =>
  trace.processes[id] as { serviceName: unknown; tags: unknown };
const ROOT = 4;
const setParent = (trace: V1Trace, index: number, parent: string) => {
  span(trace, index).references = [{ refType: 'CHILD_OF', traceID: trace.traceID, spanID: parent }];
};
const mutate =
  (change: (trace: V1Trace) => void, traceID?: string): (() => V1Trace) =>
  () => {
    const trace = baseTrace(traceID);
    change(trace);
    return trace;
  };

export const TRACE_CASES: readonly TraceCase[] = [
  // ── markup and script in every string field ──
  {
    name: 'markup in operation names',
    kind: 'markup',
    build: mutate((t) => t.spans.forEach((s) => (s.operationName = `op ${ALL_MARKUP}`))),
    spans: 5,
    shows: MARKUP.img,
    find: 'onerror',
  },
  {
    name: 'markup in service names',
    kind: 'markup',
    build: mutate((t) => {
      proc(t, 'p1').serviceName = MARKUP.img;
      proc(t, 'p2').serviceName = MARKUP.svg;
    }),
    spans: 5,
    shows: MARKUP.img,
    find: 'svg onload',
  },
  {
    name: 'markup in tag keys, tag values, log fields and process tags',
    kind: 'markup',
    build: mutate((t) => {
      const root = span(t, ROOT);
      root.tags = [
        { key: MARKUP.script, type: 'string', value: MARKUP.img },
        { key: 'comment', type: 'string', value: MARKUP.attr },
      ];
      root.logs = [
        { timestamp: 1579070675083100, fields: [{ key: MARKUP.svg, value: MARKUP.template }] },
      ];
      proc(t, 'p2').tags = [{ key: 'hostname', type: 'string', value: MARKUP.script }];
    }),
    spans: 5,
    shows: MARKUP.template,
    find: 'comment',
    detailRow: 'GET /api/customer/owners/8/pets/10',
  },
  {
    name: 'markup in trace and span warnings',
    kind: 'markup',
    build: mutate((t) => {
      t.warnings = [MARKUP.img];
      span(t, ROOT).warnings = [MARKUP.script];
    }),
    spans: 5,
    shows: MARKUP.script,
    detailRow: 'GET /api/customer/owners/8/pets/10',
  },
  // ── URLs that would run script if they became links ──
  {
    name: 'javascript:, data: and vbscript: URLs in tags and logs',
    kind: 'urls',
    build: mutate((t) => {
      const root = span(t, ROOT);
      root.tags = [
        { key: 'http.url', type: 'string', value: URLS.js },
        { key: 'link', type: 'string', value: URLS.jsMixedCase },
        { key: 'doc', type: 'string', value: URLS.data },
        { key: 'vb', type: 'string', value: URLS.vbscript },
      ];
      root.logs = [{ timestamp: 1579070675083100, fields: [{ key: 'url', value: URLS.data }] }];
    }),
    spans: 5,
    shows: URLS.js,
    detailRow: 'GET /api/customer/owners/8/pets/10',
  },
  // ── huge values ──
  {
    name: 'a 10 MB tag value',
    kind: 'huge values',
    build: mutate((t) => {
      span(t, ROOT).tags = [{ key: 'body', type: 'string', value: 'x'.repeat(10 * 1024 * 1024) }];
    }),
    spans: 5,
    shows: 'Show all (10,485,760 characters)',
    detailRow: 'GET /api/customer/owners/8/pets/10',
  },
  {
    name: '100,000 tags on one span',
    kind: 'huge values',
    build: mutate((t) => {
      span(t, ROOT).tags = Array.from({ length: 100_000 }, (_, i) => ({
        key: `k${i}`,
        type: 'string',
        value: `v${i}`,
      }));
    }),
    spans: 5,
    find: 'k99999=v99999',
    detailRow: 'GET /api/customer/owners/8/pets/10',
    jsonCut: true,
  },
  // ── broken trees ──
  {
    name: 'a parent cycle (two spans each the parent of the other)',
    kind: 'broken trees',
    build: mutate((t) => {
      setParent(t, 1, '22be69e72cbcde0b');
      setParent(t, 3, 'e821b549888cbc3b');
    }),
    spans: 5,
    flag: /Parent cycles \(1\)/,
  },
  {
    name: 'a span that is its own parent',
    kind: 'broken trees',
    build: mutate((t) => setParent(t, 0, '622a5079b565623e')),
    spans: 5,
    flag: /Parent cycles \(1\)/,
  },
  {
    name: 'orphans whose parents are missing',
    kind: 'broken trees',
    build: mutate((t) => {
      setParent(t, 0, 'ffffffffffff0001');
      setParent(t, 2, 'ffffffffffff0002');
    }),
    spans: 5,
    flag: /Orphan spans \(2\)/,
  },
  {
    name: 'duplicate span ids',
    kind: 'broken trees',
    build: mutate((t) => {
      span(t, 2).spanID = '622a5079b565623e';
    }),
    spans: 5,
    flag: /Duplicate span IDs \(1\)/,
  },
  {
    name: 'several roots and a parent in another trace',
    kind: 'broken trees',
    build: mutate((t) => {
      span(t, 3).references = [];
      span(t, 1).references = [
        { refType: 'CHILD_OF', traceID: 'ffffffffffffffffffffffffffffffff', spanID: 'aaaa' },
      ];
    }),
    spans: 5,
    flag: /Multiple roots \(3\)/,
  },
  // ── bad times ──
  {
    name: 'negative duration (end before start)',
    kind: 'bad times',
    build: mutate((t) => (span(t, 1).duration = -1739)),
    spans: 5,
    flag: /Bad timing \(1\)/,
  },
  {
    name: 'start and duration that are not numbers',
    kind: 'bad times',
    build: mutate((t) => {
      span(t, 0).startTime = 'NaN';
      span(t, 2).duration = 'Infinity';
    }),
    spans: 5,
    flag: /Bad timing \(2\)/,
  },
  {
    name: 'a span in the far future and one at the epoch',
    kind: 'bad times',
    build: mutate((t) => {
      span(t, 0).startTime = 253402300799000000; // 9999-12-31
      span(t, 2).startTime = 0;
    }),
    spans: 5,
    // Both: a start more than a day ahead is as absurd as none.
    flag: /Bad timing \(2\)/,
  },
  // ── bad ids ──
  {
    name: 'a trace id that is not hex, with markup',
    kind: 'bad ids',
    build: () => baseTrace(`trace <b>x</b> & ${MARKUP.img}`),
    spans: 5,
    shows: 'GET /api/customer/owners/8/pets/10',
  },
  {
    name: 'a 1,000-character trace id',
    kind: 'bad ids',
    build: () => baseTrace('ab'.repeat(500)),
    spans: 5,
  },
  {
    name: 'all-zero trace and span ids',
    kind: 'bad ids',
    build: mutate((t) => {
      t.spans.forEach((s, i) => (s.spanID = '0'.repeat(15) + String(i)));
      for (const [i, s] of t.spans.entries())
        if (i !== ROOT)
          (s.references as { spanID: string }[]).forEach(
            (r) => (r.spanID = '0'.repeat(15) + String(i === 0 || i === 2 ? 1 : i === 1 ? 3 : 4)),
          );
    }, '0'.repeat(32)),
    spans: 5,
  },
  // ── wrong JSON types ──
  {
    name: 'numbers, objects and nulls where strings and arrays belong',
    kind: 'wrong types',
    build: mutate((t) => {
      span(t, 0).operationName = 42;
      span(t, 1).tags = { not: 'an array' };
      span(t, 2).logs = null;
      span(t, 3).references = 'CHILD_OF';
      span(t, ROOT).tags = [
        { key: 'obj', type: 'string', value: { nested: [1, 2] } },
        { key: 7, type: 'int64', value: 'seven' },
      ];
      proc(t, 'p1').serviceName = 12345;
    }),
    spans: 5,
  },
  // ── unicode ──
  {
    name: 'bidi overrides, isolates and zero-width characters in names and values',
    kind: 'unicode',
    build: mutate((t) => {
      proc(t, 'p2').serviceName = BIDI.override;
      span(t, ROOT).operationName = BIDI.zeroWidth;
      span(t, ROOT).tags = [{ key: 'note', type: 'string', value: BIDI.isolate }];
    }),
    spans: 5,
    shows: 'svc\\u202Eelive-rtl',
    find: 'elive-rtl',
    detailRow: 'get\\u200Buser',
  },
  {
    name: 'lone surrogates and right-to-left text',
    kind: 'unicode',
    build: mutate((t) => {
      span(t, ROOT).operationName = 'חיפוש \uD800 بحث \uDFFF';
      proc(t, 'p1').serviceName = 'خدمة-\uDBFF';
    }),
    spans: 5,
    find: 'חיפוש',
  },
  // ── prototype keys ──
  {
    name: '__proto__ and constructor as tag keys, process id and service name',
    kind: 'prototype keys',
    build: mutate((t) => {
      // JSON.stringify skips an own __proto__ set by assignment: define it as data.
      Object.defineProperty(t, 'processes', {
        enumerable: true,
        value: JSON.parse(
          '{"__proto__":{"serviceName":"__proto__","tags":[]},"constructor":{"serviceName":"constructor","tags":[]}}',
        ),
      });
      t.spans.forEach(
        (s, i) => (s.processID = i === 0 || i === 1 || i === 2 ? 'constructor' : '__proto__'),
      );
      span(t, ROOT).tags = [
        { key: '__proto__', type: 'string', value: 'polluted' },
        { key: 'constructor', type: 'string', value: 'prototype' },
      ];
    }),
    spans: 5,
    shows: '__proto__',
    find: '__proto__=polluted',
  },
];
