import { panZoom, shortcutFor } from './use-trace-shortcuts';

const key = (
  k: string,
  target: EventTarget | null = document.body,
  mods: Partial<KeyboardEvent> = {},
) => shortcutFor({ key: k, ctrlKey: false, metaKey: false, altKey: false, target, ...mods });

describe('shortcutFor', () => {
  it("maps Jaeger UI's keys", () => {
    expect(['f', 'b', ']', '[', 'p', 'o', '?', 'Escape'].map((k) => key(k))).toEqual([
      'next',
      'previous',
      'collapse-all',
      'expand-all',
      'collapse-one',
      'expand-one',
      'help',
      'escape',
    ]);
    expect(key('x')).toBeNull();
    expect(key('f', document.body, { ctrlKey: true })).toBeNull();
  });
  it('leaves typing and the treegrid arrows alone', () => {
    const input = document.createElement('input');
    expect(key('f', input)).toBeNull();
    const grid = document.createElement('div');
    grid.setAttribute('role', 'treegrid');
    const row = document.createElement('div');
    grid.append(row);
    expect(key('ArrowLeft', row)).toBeNull();
    expect(key('ArrowLeft')).toBe('pan-left');
    expect(key(']', row)).toBe('collapse-all');
  });
});

describe('panZoom', () => {
  it('pans by 10% of the window and stays inside the trace', () => {
    const [s, e] = panZoom(0.2, 0.4, 'pan-right');
    expect(s).toBeCloseTo(0.22);
    expect(e).toBeCloseTo(0.42);
    expect(panZoom(0, 1, 'pan-left')).toEqual([0, 1]);
  });
  it('zooms around the centre', () => {
    const [s, e] = panZoom(0, 1, 'zoom-in');
    expect(s).toBeCloseTo(0.1);
    expect(e).toBeCloseTo(0.9);
    expect(panZoom(0.1, 0.9, 'zoom-out')).toEqual([0, 1]);
  });
});
