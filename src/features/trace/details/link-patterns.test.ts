import { buildLinkValues, compileLinkPatterns, resolveLinks } from './link-patterns';

const context = {
  values: buildLinkValues([
    { key: 'customer_id', value: '12 & <b>' },
    { key: 'host', value: 'web-1' },
  ]),
  traceId: 'abc123',
  traceStart: 1_700_000_000_000_000,
  traceDuration: 5000,
};

describe('compileLinkPatterns', () => {
  it('accepts Jaeger UI type names and drops malformed entries', () => {
    const patterns = compileLinkPatterns([
      {
        type: 'tags',
        key: 'customer_id',
        url: 'https://crm/#{customer_id}',
        text: 'Customer #{customer_id}',
      },
      { type: 'process', key: 'hostname', url: '/hosts/#{hostname}', text: 'Host' },
      { type: 'logs', key: 'event', url: 'x', text: 'y' },
      { type: 'traces', url: 'https://logs/?trace=#{trace.traceID}', text: 'Logs' },
      { type: 'tags', url: 'no key', text: 'x' },
      { type: 'bogus', key: 'k', url: 'u', text: 't' },
      'nonsense',
      null,
    ]);
    expect(patterns.map((p) => p.type)).toEqual(['attributes', 'resource', 'events', 'traces']);
    expect(compileLinkPatterns({ not: 'a list' })).toEqual([]);
  });
});

describe('resolveLinks', () => {
  const patterns = compileLinkPatterns([
    {
      type: 'attributes',
      key: 'customer_id',
      url: 'https://crm.example/c/#{customer_id}?h=#{host}',
      text: 'Customer #{customer_id}',
    },
    {
      type: 'traces',
      url: 'https://logs.example/?trace=#{trace.traceID}&from=#{trace.startTime}',
      text: 'Logs for #{trace.traceID}',
    },
    { type: 'attributes', key: 'missing', url: 'https://x/#{nope}', text: 'never' },
  ]);

  it('URL-encodes values into the url but keeps the text as typed', () => {
    expect(resolveLinks(patterns, 'attributes', 'customer_id', context)).toEqual([
      { text: 'Customer 12 & <b>', href: 'https://crm.example/c/12%20%26%20%3Cb%3E?h=web-1' },
    ]);
  });

  it('fills trace parameters for trace links', () => {
    expect(resolveLinks(patterns, 'traces', undefined, context)).toEqual([
      { text: 'Logs for abc123', href: 'https://logs.example/?trace=abc123&from=1700000000000000' },
    ]);
  });

  it('skips a pattern whose parameter is missing', () => {
    expect(resolveLinks(patterns, 'attributes', 'missing', context)).toEqual([]);
  });

  it('uses the value of the clicked entry over the span-wide map (events)', () => {
    const eventPatterns = compileLinkPatterns([
      { type: 'logs', key: 'id', url: 'https://e/#{id}', text: '#{id}' },
    ]);
    expect(resolveLinks(eventPatterns, 'events', 'id', context, 'e-7')).toEqual([
      { text: 'e-7', href: 'https://e/e-7' },
    ]);
  });

  it('turns non-http schemes into inert text', () => {
    const evil = compileLinkPatterns([
      { type: 'tags', key: 'k', url: 'javascript:alert(1)', text: 'js' },
      { type: 'tags', key: 'k', url: ' JaVaScRiPt:alert(1)', text: 'js2' },
      { type: 'tags', key: 'k', url: 'java\tscript:alert(1)', text: 'js3' },
      { type: 'tags', key: 'k', url: 'data:text/html,<script>alert(1)</script>', text: 'data' },
      { type: 'tags', key: 'k', url: '#{k}', text: 'value as url' },
    ]);
    const links = resolveLinks(evil, 'attributes', 'k', {
      ...context,
      values: buildLinkValues([{ key: 'k', value: 'javascript:alert(1)' }]),
    });
    expect(links.slice(0, 4).map((l) => l.href)).toEqual([null, null, null, null]);
    // The value is encoded, so it can only ever be a relative path, never a scheme.
    expect(links[4]?.href).toBe('javascript%3Aalert(1)');
  });
});
