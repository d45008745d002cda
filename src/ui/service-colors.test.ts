import { resetServiceColors, SERVICE_PALETTE, serviceColor } from './service-colors';

beforeEach(() => {
  localStorage.clear();
  resetServiceColors();
});

describe('serviceColor', () => {
  it('is stable per name', () => {
    expect(serviceColor('frontend')).toBe(serviceColor('frontend'));
  });

  it('always returns a palette colour, even for odd names', () => {
    for (const name of ['', 'frontend', 'redis', '<script>', 'ü'.repeat(300)]) {
      expect(SERVICE_PALETTE).toContain(serviceColor(name));
    }
  });

  it('gives distinct colours to services whose names hash alike (frontend and mysql do)', () => {
    const names = ['frontend', 'mysql', 'customer', 'driver', 'redis-manual', 'route'];
    expect(new Set(names.map(serviceColor)).size).toBe(names.length);
  });

  it('keeps a colour across page loads through storage', () => {
    const first = ['frontend', 'mysql'].map(serviceColor);
    resetServiceColors();
    expect(['mysql', 'frontend'].map(serviceColor)).toEqual([first[1], first[0]]);
  });

  it('repeats colours only once the palette is used up', () => {
    const names = Array.from({ length: SERVICE_PALETTE.length }, (_, i) => `service-${i}`);
    expect(new Set(names.map(serviceColor)).size).toBe(SERVICE_PALETTE.length);
    expect(SERVICE_PALETTE).toContain(serviceColor('one-more'));
  });

  it('ignores a corrupted stored table', () => {
    localStorage.setItem('cairn.serviceColors', '{"frontend": 99, "x": "y"');
    expect(SERVICE_PALETTE).toContain(serviceColor('frontend'));
  });
});
