// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import type { LoadedTrace } from './messages';
import {
  forgetLocalTrace,
  localTraceNotes,
  registerLocalTraces,
  wasOpenedFromFile,
} from './local-trace-registry';

// Each test starts from a tab that opened no file yet.
beforeEach(() => sessionStorage.clear());

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

describe('notes of local traces', () => {
  it("carry the file's read problems, and say when a later file replaced a trace", () => {
    const first = { traceId: 'f1', handle: 1 } as unknown as LoadedTrace;
    const again = { traceId: 'F1', handle: 2 } as unknown as LoadedTrace;
    expect(registerLocalTraces([first], ['a.ndjson: Line 3: bad'])).toEqual([]);
    expect(localTraceNotes('f1')).toEqual(['a.ndjson: Line 3: bad']);
    expect(registerLocalTraces([again])).toEqual([1]);
    expect(localTraceNotes('f1')).toEqual([expect.stringMatching(/earlier file too/)]);
    forgetLocalTrace('f1');
    expect(localTraceNotes('f1')).toEqual([]);
  });
});
