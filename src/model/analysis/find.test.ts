import fc from 'fast-check';
import type { SpanDetail } from '../span-detail';
import type { TraceColumns } from '../trace';
import { micros } from '../units';
import { findByName, findSpans, matchesWithAncestors, startFind } from './find';
import { parseFindQuery } from './find-query';
import { buildTestTrace } from './test-trace';

const trace = buildTestTrace([
  {
    id: '00000000000000a1',
    start: 0,
    duration: 100,
    service: 'frontend',
    operation: 'HTTP GET /dispatch',
  },
  {
    id: '00000000000000b2',
    parent: '00000000000000a1',
    start: 10,
    duration: 20,
    service: 'customer',
    operation: 'SQL SELECT',
  },
  {
    id: '00000000000000c3',
    parent: '00000000000000a1',
    start: 40,
    duration: 50,
    service: 'driver',
    operation: 'FindNearest',
  },
  {
    id: '00000000000000d4',
    parent: '00000000000000c3',
    start: 45,
    duration: 5,
    service: 'redis',
    operation: 'GetDriver',
  },
]);

function detail(index: number): SpanDetail {
  const base = {
    traceId: 't',
    parentSpanId: '',
    kind: '',
    statusCode: 'unset' as const,
    statusMessage: '',
    start: micros(0),
    absoluteStart: micros(0),
    duration: micros(0),
    selfTime: micros(0),
    scope: [],
    references: [],
    warnings: [],
  };
  const spanId = trace.ids[index] ?? '';
  const byId: Record<string, Partial<SpanDetail>> = {
    '00000000000000b2': {
      attributes: [
        { key: 'db.statement', value: 'SELECT * FROM customer WHERE id=123', type: 'string' },
      ],
    },
    '00000000000000d4': {
      attributes: [{ key: 'http.status_code', value: '500', type: 'int' }],
      events: [
        {
          time: micros(46),
          name: 'redis timeout',
          attributes: [
            { key: 'error.object', value: '<img src=x onerror=alert(1)>', type: 'string' },
          ],
        },
      ],
    },
    '00000000000000c3': { resource: [{ key: 'hostname', value: 'Host-42', type: 'string' }] },
  };
  return {
    ...base,
    index,
    spanId,
    service: trace.services[trace.columns.service[index] ?? 0] ?? '',
    operation: '',
    attributes: [],
    resource: [],
    events: [],
    ...byId[spanId],
  };
}
const spanIndexById = (id: string): number => trace.ids.indexOf(id);
const ids = (matches: Int32Array): string[] => Array.from(matches, (i) => trace.ids[i] ?? '?');

describe('parseFindQuery', () => {
  it('splits words, quoted phrases and key=value pairs, lower-casing them', () => {
    expect(
      parseFindQuery('  Frontend "GET /dispatch"  http.status_code=500 k="a b" present= ').terms,
    ).toEqual([
      { kind: 'text', text: 'frontend' },
      { kind: 'text', text: 'get /dispatch' },
      { kind: 'kv', key: 'http.status_code', value: '500' },
      { kind: 'kv', key: 'k', value: 'a b' },
      { kind: 'kv', key: 'present', value: '' },
    ]);
  });
  it('treats regex syntax and a leading = literally, and ignores an unclosed quote', () => {
    expect(parseFindQuery('.*( =x "open').terms).toEqual([
      { kind: 'text', text: '.*(' },
      { kind: 'text', text: '=x' },
      { kind: 'text', text: 'open' },
    ]);
  });
  it('never throws and never yields empty terms (property)', () => {
    fc.assert(
      fc.property(fc.string(), (input) => {
        for (const term of parseFindQuery(input).terms) {
          if (term.kind === 'text') expect(term.text.length).toBeGreaterThan(0);
          else expect(term.key.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});

describe('findSpans', () => {
  it('matches service and operation names case-insensitively, any term', () => {
    expect(ids(findByName('DRIVER sql', trace))).toEqual([
      '00000000000000b2',
      '00000000000000c3',
      '00000000000000d4',
    ]);
  });
  it('matches a span id with or without leading zeros', () => {
    expect(ids(findByName('c3', trace, { spanIndexById }))).toEqual(['00000000000000c3']);
    expect(ids(findByName('span=00000000000000a1', trace, { spanIndexById }))).toEqual([
      '00000000000000a1',
    ]);
  });
  it('supports service= and operation= against the name tables exactly', () => {
    expect(ids(findByName('service=redis', trace))).toEqual(['00000000000000d4']);
    expect(ids(findByName('service=red', trace))).toEqual([]);
    expect(ids(findByName('operation="sql select"', trace))).toEqual(['00000000000000b2']);
  });
  it('matches attribute keys and values, resource and events in the detail pass', () => {
    expect(ids(findSpans('customer where', trace, detail))).toEqual(['00000000000000b2']);
    expect(ids(findSpans('http.status_code=500', trace, detail))).toEqual(['00000000000000d4']);
    expect(ids(findSpans('http.status_code=50', trace, detail))).toEqual([]);
    expect(ids(findSpans('host-42', trace, detail))).toEqual(['00000000000000c3']);
    expect(ids(findSpans('timeout', trace, detail))).toEqual(['00000000000000d4']);
    expect(ids(findSpans('<img src=x', trace, detail))).toEqual(['00000000000000d4']);
  });
  it('returns nothing for an empty query and skips details for name-only queries', () => {
    expect(findSpans('   ', trace, detail).length).toBe(0);
    const calls: number[] = [];
    findSpans('service=driver', trace, (i) => (calls.push(i), detail(i)));
    expect(calls).toEqual([]);
  });
  it('scans details incrementally, name matches first', () => {
    const scan = startFind('frontend 500', trace, detail);
    expect(ids(scan.matches())).toEqual(['00000000000000a1']);
    expect(scan.step(2)).toBe(false);
    expect(scan.step(10)).toBe(true);
    expect(ids(scan.matches())).toEqual(['00000000000000a1', '00000000000000d4']);
  });
});

describe('matchesWithAncestors', () => {
  it('marks matches 1 and their ancestors 2', () => {
    const mask = matchesWithAncestors(
      trace.columns,
      Int32Array.of(trace.ids.indexOf('00000000000000d4')),
    );
    expect(Array.from(mask)).toEqual([2, 0, 2, 1]);
  });
});

describe('find at 1M spans', () => {
  it('matches by service and operation name across 1M spans', () => {
    const n = 1_000_000;
    const services = Array.from({ length: 50 }, (_, k) => `service-${k}`);
    const operations = Array.from({ length: 2000 }, (_, k) => `operation-${k}`);
    const columns: TraceColumns = {
      spanCount: n,
      start: new Float64Array(n),
      duration: new Float64Array(n),
      selfTime: new Float64Array(n),
      parent: new Int32Array(n).fill(-1),
      depth: new Int32Array(n),
      subtreeEnd: Int32Array.from({ length: n }, (_, i) => i + 1),
      service: Int32Array.from({ length: n }, (_, i) => i % 50),
      operation: Int32Array.from({ length: n }, (_, i) => i % 2000),
      flags: new Uint16Array(n),
    };
    const big = { columns, services, operations };
    // Correctness at this size only: a time bound here would fail on a busy machine and prove
    // little (the page runs find in the worker, off the main thread).
    const matches = findByName('service-7 operation-1999', big);
    expect(matches.length).toBe(n / 50 + n / 2000);
  });
});

describe('find with invisible characters', () => {
  const hostile = buildTestTrace([
    { id: 'a1', start: 0, duration: 10, service: 'svc\u202Eelive-rtl' },
    { id: 'b2', parent: 'a1', start: 1, duration: 5, service: 'plain' },
  ]);
  const none = (): undefined => undefined;

  it('finds a name by what is drawn (escaped) and by what is stored', () => {
    expect(findSpans('svc\\u202Eelive', hostile, none)).toEqual(Int32Array.of(0));
    expect(findSpans('service=svc\\u202eelive-rtl', hostile, none)).toEqual(Int32Array.of(0));
    expect(findSpans('svc\u202Eelive', hostile, none)).toEqual(Int32Array.of(0));
    // What a bidi override makes the screen show raw is not in the data.
    expect(findSpans('svcvile', hostile, none)).toEqual(Int32Array.of());
  });

  it('finds attribute keys and values by their escaped form', () => {
    const withTag = (): SpanDetail => ({
      ...detail(0),
      attributes: [{ key: 'user\u200Bid', value: 'x\uFEFFy', type: 'string' }],
    });
    expect(findSpans('user\\u200Bid=x\\uFEFFy', hostile, withTag)).toHaveLength(2);
  });
});
