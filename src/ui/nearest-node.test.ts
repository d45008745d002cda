import { describe, expect, it } from 'vitest';
import { directionOfKey, nearestNode, type NodePoint } from './nearest-node';

//   a(0,0)   b(100,0)   c(200,0)
//            d(100,80)  e(220,90)
const POINTS: readonly NodePoint[] = [
  { id: 'a', x: 0, y: 0 },
  { id: 'b', x: 100, y: 0 },
  { id: 'c', x: 200, y: 0 },
  { id: 'd', x: 100, y: 80 },
  { id: 'e', x: 220, y: 90 },
];

describe('nearestNode', () => {
  it('prefers the node straight ahead over a closer one off to the side', () => {
    expect(nearestNode(POINTS, 'a', 'right')).toBe('b');
    expect(nearestNode(POINTS, 'b', 'right')).toBe('c');
    expect(nearestNode(POINTS, 'd', 'right')).toBe('e');
    expect(nearestNode(POINTS, 'b', 'down')).toBe('d');
    expect(nearestNode(POINTS, 'd', 'up')).toBe('b');
    expect(nearestNode(POINTS, 'c', 'left')).toBe('b');
  });

  it('returns undefined at the edge, and the first node from an unknown one', () => {
    expect(nearestNode(POINTS, 'a', 'left')).toBeUndefined();
    expect(nearestNode(POINTS, 'a', 'up')).toBeUndefined();
    expect(nearestNode(POINTS, 'zz', 'up')).toBe('a');
    expect(nearestNode([], 'zz', 'up')).toBeUndefined();
  });

  it('ignores nodes level with the start, so two nodes never bounce', () => {
    expect(nearestNode(POINTS, 'b', 'up')).toBeUndefined();
  });

  it('maps arrow keys only', () => {
    expect(directionOfKey('ArrowLeft')).toBe('left');
    expect(directionOfKey('ArrowDown')).toBe('down');
    expect(directionOfKey('Enter')).toBeUndefined();
  });
});
