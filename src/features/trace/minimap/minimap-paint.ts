import type { MinimapBins } from '../../../model/minimap-bins';

const hexToRgb = (hex: string): [number, number, number] => {
  const value = Number.parseInt(hex.replace('#', '').slice(0, 6), 16);
  return Number.isFinite(value)
    ? [(value >> 16) & 255, (value >> 8) & 255, value & 255]
    : [128, 128, 128];
};

/** RGBA pixels for `putImageData`: the row's service colour, opacity growing with density. */
export function paintBins(
  bins: MinimapBins,
  colorOf: (service: number) => string,
): Uint8ClampedArray<ArrayBuffer> {
  const pixels = new Uint8ClampedArray(new ArrayBuffer(bins.width * bins.height * 4));
  const logMax = Math.log1p(bins.maxDensity);
  for (let row = 0; row < bins.height; row++) {
    const svc = bins.rowService[row] ?? -1;
    if (svc < 0) continue;
    const [r, g, b] = hexToRgb(colorOf(svc));
    for (let x = 0; x < bins.width; x++) {
      const d = bins.density[row * bins.width + x] ?? 0;
      if (d <= 0) continue;
      const at = (row * bins.width + x) * 4;
      pixels[at] = r;
      pixels[at + 1] = g;
      pixels[at + 2] = b;
      pixels[at + 3] = Math.round(255 * (0.45 + (0.55 * Math.log1p(d)) / Math.max(logMax, 1e-9)));
    }
  }
  return pixels;
}
