import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildTestTrace } from '../analysis/test-trace';
import { parseTraceDocument } from '../parse-document';
import { FIXTURE_ROOT } from '../test-support/fixture-index';
import type { Trace } from '../trace';
import { buildDdg, ddgNodeName, ddgNodesNamed, visibleDdgNodes, type Ddg } from './ddg';

const input = (trace: Trace, traceId = trace.traceId) => ({ ...trace, traceId });
const names = (ddg: Ddg) =>
  ddg.nodes.map((n) => `${n.distance}:${n.service}${n.operation ? `/${n.operation}` : ''}`);

// gateway → api → (db, cache → db); a second trace: mobile → api → db
const first = buildTestTrace([
  { id: 'g', start: 0, duration: 100, service: 'gateway', operation: 'GET /' },
  { id: 'a', parent: 'g', start: 1, duration: 90, service: 'api', operation: 'list' },
  { id: 'a2', parent: 'a', start: 2, duration: 10, service: 'api', operation: 'internal' },
  { id: 'd', parent: 'a', start: 20, duration: 10, service: 'db', operation: 'query' },
  { id: 'c', parent: 'a', start: 40, duration: 20, service: 'cache', operation: 'get' },
  { id: 'cd', parent: 'c', start: 41, duration: 5, service: 'db', operation: 'query' },
]);
const second = buildTestTrace([
  { id: 'm', start: 0, duration: 100, service: 'mobile', operation: 'POST' },
  { id: 'a', parent: 'm', start: 1, duration: 90, service: 'api', operation: 'list' },
  { id: 'd', parent: 'a', start: 20, duration: 10, service: 'db', operation: 'query' },
]);

describe('buildDdg', () => {
  it('merges the paths of several traces through the focal service, by service', () => {
    const ddg = buildDdg([input(first, 't1'), input(second, 't2')], { service: 'api' }, 'service');
    expect(ddg.focalSpans).toBe(2);
    expect(names(ddg).sort()).toEqual(
      ['0:api', '1:db', '1:cache', '2:db', '-1:gateway', '-1:mobile'].sort(),
    );
    const db = ddg.nodes.find((n) => n.distance === 1 && n.service === 'db');
    expect(db?.traces).toEqual([0, 1]);
    // db under cache is a different path from db under api.
    const deepDb = ddg.nodes.find((n) => n.distance === 2);
    expect(ddg.nodes[deepDb?.toward ?? -1]?.service).toBe('cache');
  });

  it('by service and operation, focal operation only', () => {
    const ddg = buildDdg([input(first)], { service: 'api', operation: 'list' }, 'operation');
    expect(names(ddg)).toContain('1:api/internal');
    expect(names(ddg)).toContain('0:api/list');
    expect(
      buildDdg([input(first)], { service: 'api', operation: 'nope' }, 'operation').nodes,
    ).toEqual([]);
  });

  it('limits hops both ways and hides a node with everything beyond it', () => {
    const ddg = buildDdg([input(first)], { service: 'api' }, 'service');
    const cache = ddg.nodes.findIndex((n) => n.service === 'cache');
    const shown = (mask: Uint8Array) =>
      names(ddg)
        .filter((_, i) => mask[i])
        .sort();
    expect(shown(visibleDdgNodes(ddg, 0, 1, new Set()))).toEqual(['0:api', '1:cache', '1:db']);
    expect(shown(visibleDdgNodes(ddg, 5, 5, new Set([cache])))).toEqual(
      ['-1:gateway', '0:api', '1:db'].sort(),
    );
  });

  it('hides by stable names: every node of that name but the focal; unknown names hide nothing', () => {
    const byService = buildDdg(
      [input(first), input(second, 'second')],
      { service: 'api' },
      'service',
    );
    const db = ddgNodesNamed(byService, ['db']);
    // db is reached directly from api and through cache: both are hidden.
    expect([...db].map((i) => names(byService)[i]).sort()).toEqual(['1:db', '2:db']);
    expect(ddgNodesNamed(byService, ['api'])).toEqual(new Set());
    // An older link's node numbers, or a service gone from the data.
    expect(ddgNodesNamed(byService, ['3', '1,2', 'gone'])).toEqual(new Set());

    const byOperation = buildDdg([input(first)], { service: 'api' }, 'operation');
    const cache = byOperation.nodes.findIndex((n) => n.service === 'cache');
    const name = ddgNodeName(byOperation.nodes[cache] ?? { service: '', operation: '' });
    expect(name).toBe('cache::get');
    expect(ddgNodesNamed(byOperation, [name])).toEqual(new Set([cache]));
    expect(ddgNodesNamed(byOperation, ['cache'])).toEqual(new Set());
  });

  it('on a real HotROD trace, focal frontend: upstream empty, the whole trace downstream', () => {
    const text = readFileSync(`${FIXTURE_ROOT}/jaeger-ui-pr4129/getTrace-response.json`, 'utf8');
    const trace = parseTraceDocument(text).traces[0]?.trace;
    if (!trace) throw new Error('fixture holds no trace');
    const ddg = buildDdg([trace], { service: 'frontend' }, 'service');
    expect(ddg.focalSpans).toBe(1);
    expect(ddg.nodes.every((n) => n.distance >= 0)).toBe(true);
    const services = new Set(ddg.nodes.map((n) => n.service));
    expect(services).toEqual(new Set(trace.services));
    // Focal on a leaf service: everything is upstream.
    const leaf = buildDdg([trace], { service: 'mysql' }, 'service');
    expect(leaf.nodes.some((n) => n.distance < 0)).toBe(true);
    expect(leaf.nodes.every((n) => n.distance <= 0)).toBe(true);
  });
});
