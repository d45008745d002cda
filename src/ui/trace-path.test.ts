import { describe, expect, it } from 'vitest';
import { traceIdOfPath, tracePath } from './trace-path';

describe('trace id paths', () => {
  it.each(['abc123', 'a%2Fb', 'a/b', '..%2Fx', '../x', '%', 'a b?c#d', 'ü'])(
    'reads back exactly the id it wrote: %s',
    (id) => {
      const path = tracePath(id);
      expect(path.split('/')).toHaveLength(3);
      expect(traceIdOfPath(path)).toBe(id);
    },
  );

  it('decodes a path segment once, as it stands in the URL', () => {
    expect(traceIdOfPath('/trace/a%252Fb')).toBe('a%2Fb');
    expect(traceIdOfPath('/trace/a%2Fb')).toBe('a/b');
    expect(traceIdOfPath('/trace/%zz')).toBe('%zz');
    expect(traceIdOfPath('/search')).toBeUndefined();
    expect(traceIdOfPath('/trace/a/b')).toBeUndefined();
  });
});
