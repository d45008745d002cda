/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTraceDocument } from '../parse-document';
import { FIXTURE_ROOT } from '../test-support/fixture-index';
import { derivedAttributes, findSpans } from './find';

function load(path: string) {
  const parsed = parseTraceDocument(readFileSync(`${FIXTURE_ROOT}/${path}`, 'utf8')).traces[0];
  if (!parsed) throw new Error(`no trace in ${path}`);
  return parsed;
}

describe('find on OTLP data', () => {
  it('matches the tags Jaeger shows for OTLP status and kind (error=true, span.kind)', () => {
    // Status code 2 (error) on three GetDriver spans; kinds as numbers.
    const { trace, detail } = load('jaeger-pr9263/n_plus_one_positive.json');
    const errors = findSpans('error=true', trace, detail);
    expect(errors).toHaveLength(3);
    for (const index of errors) expect(detail(index).statusCode).toBe('error');
    const clients = findSpans('span.kind=client', trace, detail);
    expect(clients.length).toBeGreaterThan(0);
    for (const index of clients) expect(detail(index).kind).toBe('client');
    expect(findSpans('otel.status_code=error', trace, detail)).toEqual(errors);
  });

  it('matches the attributes of links', () => {
    const { trace, detail } = load('jaeger/link_attributes_trace.json');
    const hits = findSpans('sameplacelinkattribute1=sameplacevalue', trace, detail);
    expect(hits).toHaveLength(trace.columns.spanCount);
    expect(findSpans('sameplacelinkattribute2=124', trace, detail)).toHaveLength(0);
  });

  it('derives nothing for a span without kind or status', () => {
    const { detail } = load('jaeger/link_attributes_trace.json');
    expect(derivedAttributes(detail(0))).toEqual([]);
  });
});
