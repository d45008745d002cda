/**
 * One colour per service NAME, the same on every page and every load: search rows, the scatter
 * plot and the waterfall must agree, so the colour is a pure function of the name (no order of
 * appearance, no stored state).
 *
 * The palette is 20 mid-tone hues picked to keep at least 3:1 contrast against both a white and
 * a near-black background (WCAG 1.4.11 for graphical objects), so it works in light and dark themes.
 */
export const SERVICE_PALETTE: readonly string[] = [
  '#1f77b4', '#d9480f', '#2b8a3e', '#c2255c', '#7048e8',
  '#8c564b', '#0b7285', '#9c6d00', '#5c7cfa', '#e8590c',
  '#37b24d', '#ae3ec9', '#1098ad', '#f03e3e', '#74b816',
  '#4263eb', '#b8860b', '#d6336c', '#0ca678', '#845ef7',
];

/** FNV-1a over UTF-16 code units: fast, stable across engines, and spreads short names well. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function serviceColor(name: string): string {
  // The palette is non-empty, so the index is always in range; the fallback only satisfies the type.
  return SERVICE_PALETTE[hash(name) % SERVICE_PALETTE.length] ?? '#1f77b4';
}
