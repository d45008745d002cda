import { micros } from '../../model/units';
import { formatRelativeTime } from './format-time';

const NOW = micros(1_700_000_000_000_000);
const ago = (seconds: number) => formatRelativeTime(micros(NOW - seconds * 1_000_000), NOW);

describe('formatRelativeTime', () => {
  it.each([
    [0, 'now'],
    [30, '30 seconds ago'],
    [5 * 60, '5 minutes ago'],
    [3 * 3600, '3 hours ago'],
    [2 * 86400, '2 days ago'],
    [-120, 'in 2 minutes'],
  ])('%s s ago → %s', (seconds, expected) => {
    expect(ago(seconds)).toBe(expected);
  });
});
