/**
 * Hostile input that is not a trace from the backend: files a user opens (FILE_CASES) and URLs a
 * user follows (URL_CASES: trace ids, query parameters, find text). Real fixtures are the bases,
 * mutated here.
 */
import { readFileSync } from 'node:fs';
import { REAL_FIXTURES } from '../support/local-files';
import type { V1Trace } from '../support/scripted-backend';
import { MARKUP, URLS } from './payloads';
import { baseTrace } from './trace-cases';

const fixture = (path: string) => readFileSync(`${REAL_FIXTURES}${path}`);
/** OTLP, 16 spans of one HotROD trace, pretty-printed over many lines. */
const HOTROD = fixture('jaeger-pr9263/n_plus_one_positive.json');
/** NDJSON: four lines, one span of the same trace on each. */
const NDJSON = fixture('jaeger-ui/otlp2jaeger-multi-in.json.txt').toString('utf8');

export interface FileCase {
  readonly name: string;
  readonly kind: 'bad files' | 'markup';
  readonly file: { readonly name: string; readonly buffer: Buffer };
  /** What the file's line in the list of opened files says. */
  readonly says: RegExp;
  /** Spans of the trace it still opens, if it opens one. */
  readonly spans?: number;
}

const hotrodText = HOTROD.toString('utf8');
/** A colon in the middle of the HotROD file made a semicolon (line 770 in an editor). */
const brokenAt = hotrodText.indexOf('"spanId"', hotrodText.length / 2) + '"spanId"'.length;

export const FILE_CASES: readonly FileCase[] = [
  {
    name: 'an empty file',
    kind: 'bad files',
    file: { name: 'empty.json', buffer: Buffer.alloc(0) },
    says: /empty/i,
  },
  {
    name: 'JSON that is not trace data',
    kind: 'bad files',
    file: { name: 'package.json', buffer: Buffer.from('{"name":"cairn","version":"1.0.0"}') },
    says: /not trace data/i,
  },
  {
    name: 'a real trace cut in half',
    kind: 'bad files',
    file: { name: 'cut.json', buffer: HOTROD.subarray(0, HOTROD.length >> 1) },
    says: /truncated\?\) \(byte 22250\)/,
  },
  {
    name: 'a real trace with one broken byte, named by its line',
    kind: 'bad files',
    file: {
      name: 'broken.json',
      buffer: Buffer.from(
        `${hotrodText.slice(0, brokenAt)};${hotrodText.slice(brokenAt + 1)}`,
        'utf8',
      ),
    },
    says: new RegExp(
      `^broken.json: 1 trace; Line ${hotrodText.slice(0, brokenAt).split('\n').length} \\(bytes`,
    ),
  },
  {
    name: 'binary data (a PNG header and random bytes)',
    kind: 'bad files',
    file: {
      name: 'image.json',
      buffer: Buffer.concat([
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0xff, 0xfe]),
        Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
      ]),
    },
    says: /not valid JSON|not trace data|binary|UTF-8/i,
  },
  {
    name: 'JSON nested 100,000 levels deep',
    kind: 'bad files',
    file: { name: 'deep.json', buffer: Buffer.from('['.repeat(100_000) + ']'.repeat(100_000)) },
    says: /not trace data|deep|nest/i,
  },
  {
    name: 'NDJSON with its second line broken: the other three spans open',
    kind: 'bad files',
    file: {
      name: 'spans.ndjson',
      buffer: Buffer.from(
        NDJSON.trim()
          .split('\n')
          .map((line, i) => (i === 1 ? line.slice(0, 40) : line))
          .join('\n'),
      ),
    },
    says: /Line 2:/,
    spans: 3,
  },
  {
    name: 'a file name with markup',
    kind: 'markup',
    file: { name: `${MARKUP.img}.json`, buffer: HOTROD },
    says: /16 spans|1 trace/,
    spans: 16,
  },
];

export interface UrlCase {
  readonly name: string;
  readonly kind: 'urls' | 'bad ids' | 'find';
  /** Relative to the app's base. */
  readonly path: string;
  /** What the page says (in main). */
  readonly says: RegExp | string;
  /** Traces the scripted backend holds. */
  readonly traces?: readonly V1Trace[];
  /** The trace ids requested from the backend, exactly (as the router sees the path). */
  readonly asks?: readonly string[];
  /** The trace id the trace page's message must show, as text. */
  readonly id?: string;
}

/** Span names of 5,000 "a"s then "!": `(a+)+$` as a regex backtracks for ever on them. */
const redos = () => {
  const trace = baseTrace();
  trace.spans.forEach((span) => (span.operationName = `${'a'.repeat(5000)}!`));
  return trace;
};
const redosTrace = redos();
const e = encodeURIComponent;

export const URL_CASES: readonly UrlCase[] = [
  {
    name: 'a trace id with a malformed escape',
    kind: 'bad ids',
    path: 'trace/%zz%',
    says: /not found/i,
    asks: ['%25zz%25'],
    id: '%zz%',
  },
  {
    name: 'a trace id that climbs out of the API path',
    kind: 'bad ids',
    path: `trace/${e('../../api/services')}`,
    says: /not found/i,
    asks: [e('../../api/services')],
    id: '../../api/services',
  },
  {
    name: 'a 5,000-character trace id',
    kind: 'bad ids',
    path: `trace/${'f'.repeat(5000)}`,
    says: /not found/i,
    id: 'f'.repeat(5000),
  },
  {
    name: 'a trace id of markup',
    kind: 'bad ids',
    path: `trace/${e(MARKUP.img)}`,
    says: /not found/i,
    asks: [e(MARKUP.img)],
    id: MARKUP.img,
  },
  {
    name: 'a javascript: trace id',
    kind: 'urls',
    path: `trace/${e(URLS.js)}`,
    says: /not found/i,
    id: URLS.js,
  },
  {
    name: 'a javascript: and a markup id to compare',
    kind: 'urls',
    path: `compare?cohort=${e(URLS.js)}&cohort=${e(MARKUP.svg)}`,
    says: /not found|could not load/i,
  },
  {
    name: 'markup in every search parameter, and absurd numbers',
    kind: 'urls',
    path: `search?service=${e(MARKUP.img)}&operation=${e(MARKUP.script)}&tags=${e(
      `{"${MARKUP.svg}":"${URLS.js}"}`,
    )}&lookback=${e(MARKUP.attr)}&limit=-5&minDuration=${e('1e400h')}&start=NaN`,
    says: /Find traces/,
  },
  {
    name: 'markup as the focal service of the deep dependency graph',
    kind: 'urls',
    path: `deep-dependencies?service=${e(MARKUP.img)}&operation=${e(MARKUP.script)}`,
    says: MARKUP.img,
  },
  {
    name: 'markup and absurd values in the monitor parameters',
    kind: 'urls',
    path: `monitor?service=${e(MARKUP.img)}&spanKind=${e(MARKUP.script)}&lookback=-1&start=NaN`,
    says: MARKUP.img,
  },
  {
    name: 'find text that is a catastrophic regex, on names it would backtrack on',
    kind: 'find',
    path: `trace/${redosTrace.traceID}?uiFind=${e('(a+)+$')}`,
    says: /0 of 0|No match/i,
    traces: [redosTrace],
  },
];
