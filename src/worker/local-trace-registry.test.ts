import { toLoadedTrace } from './loaded-trace';
import {
  forgetLocalTrace,
  getLocalTrace,
  listLocalTraces,
  registerLocalTraces,
} from './local-trace-registry';
import { testTrace } from './test-fixture';

const loaded = (handle: number, traceId: string) =>
  toLoadedTrace(handle, testTrace([-1, 0], traceId)).trace;

afterEach(() => {
  for (const trace of listLocalTraces()) forgetLocalTrace(trace.traceId);
});

describe('local trace registry', () => {
  it('finds a trace whatever the case, spacing and leading zeros of the id asked for', () => {
    expect(registerLocalTraces([loaded(1, '00000000000000ab')])).toEqual([]);
    expect(getLocalTrace('AB')?.handle).toBe(1);
    expect(getLocalTrace(' 0000000000000000000000000000ab ')?.handle).toBe(1);
    // Re-opening the same trace replaces the older copy and hands back its handle to release.
    expect(registerLocalTraces([loaded(2, 'AB')])).toEqual([1]);
    expect(listLocalTraces().map((trace) => trace.handle)).toEqual([2]);
  });

  it('never answers an all-zero id, even with a trace without a usable id open', () => {
    registerLocalTraces([loaded(3, '0000000000000000'), loaded(4, '')]);
    expect(getLocalTrace('00000000000000000000000000000000')).toBeUndefined();
    expect(getLocalTrace('0')).toBeUndefined();
    expect(getLocalTrace('')).toBeUndefined();
  });
});
