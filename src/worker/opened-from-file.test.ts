// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { LoadedTrace } from './messages';
import { forgetLocalTrace, registerLocalTraces, wasOpenedFromFile } from './local-trace-registry';

describe('traces opened from files in this tab', () => {
  it('are remembered for the tab (sessionStorage), beyond the registry itself', () => {
    const trace = { traceId: '00ABC', handle: 41 } as unknown as LoadedTrace;
    expect(wasOpenedFromFile('abc')).toBe(false);
    registerLocalTraces([trace]);
    forgetLocalTrace('abc');
    // Ids compare without case and leading zeros, as trace ids do.
    expect(wasOpenedFromFile('0abc')).toBe(true);
    expect(sessionStorage.getItem('cairn.openedFromFile')).toBe('["abc"]');
    expect(wasOpenedFromFile('abd')).toBe(false);
  });
});
