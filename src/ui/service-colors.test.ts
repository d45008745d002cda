import { SERVICE_PALETTE, serviceColor } from './service-colors';

describe('serviceColor', () => {
  it('is deterministic per name', () => {
    expect(serviceColor('frontend')).toBe(serviceColor('frontend'));
  });

  it('always returns a palette colour, even for odd names', () => {
    for (const name of ['', 'frontend', 'redis', '<script>', 'ü'.repeat(300)]) {
      expect(SERVICE_PALETTE).toContain(serviceColor(name));
    }
  });

  it('spreads typical service names over several colours', () => {
    const names = ['frontend', 'driver', 'customer', 'route', 'redis', 'mysql', 'api', 'auth'];
    expect(new Set(names.map(serviceColor)).size).toBeGreaterThanOrEqual(5);
  });
});
