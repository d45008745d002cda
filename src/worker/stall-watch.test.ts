import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchForStall } from './stall-watch';

describe('watchForStall', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('fires once the body has been quiet for the whole timeout', () => {
    const onStall = vi.fn();
    watchForStall(1000, onStall);
    vi.advanceTimersByTime(999);
    expect(onStall).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onStall).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(5000);
    expect(onStall).toHaveBeenCalledTimes(1);
  });

  it('counts the timeout from the latest chunk, not from the start', () => {
    const onStall = vi.fn();
    const watch = watchForStall(1000, onStall);
    for (let k = 0; k < 30; k++) {
      vi.advanceTimersByTime(400);
      watch.touch();
    }
    expect(onStall).not.toHaveBeenCalled();
    vi.advanceTimersByTime(999);
    expect(onStall).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onStall).toHaveBeenCalledTimes(1);
  });

  it('never fires once stopped', () => {
    const onStall = vi.fn();
    const watch = watchForStall(1000, onStall);
    vi.advanceTimersByTime(500);
    watch.stop();
    vi.advanceTimersByTime(10_000);
    expect(onStall).not.toHaveBeenCalled();
  });
});
