/**
 * Whole counts with thousands grouped: `12,345`. The UI is in English and so are its numbers.
 *
 * Deliberately not Intl.NumberFormat (nor Number#toLocaleString, the same thing): a page's first
 * Intl object loads ICU data, 12–38 ms measured in a fresh Chromium renderer, and on the trace
 * page that landed on the way to the first rows. Nothing else there needs ICU.
 */
export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const digits = String(Math.abs(Math.round(value)));
  const grouped = digits.replace(/\B(?=(\d{3})+$)/g, ',');
  return value <= -0.5 ? `-${grouped}` : grouped;
}

/** `1 error`, `2 errors`, `1,200 spans`: a count with its noun in the number it needs. */
export function countOf(value: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(value)} ${Math.abs(value) === 1 ? singular : plural}`;
}
