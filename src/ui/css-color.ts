/**
 * A theme colour as canvas drawing needs it (`rgb(…)`). Reading a custom property directly
 * returns its source text — `light-dark(#fff, #111)` in theme.css — which canvas cannot parse,
 * so the variable is resolved through a probe element's computed `color`, under `within` so the
 * element's own colour scheme applies.
 */
export function cssColor(within: Element, variable: `--${string}`, fallback = '#888888'): string {
  const probe = document.createElement('span');
  probe.style.display = 'none';
  probe.style.color = `var(${variable}, ${fallback})`;
  const host = within.parentElement ?? document.body;
  host.appendChild(probe);
  const color = getComputedStyle(probe).color;
  probe.remove();
  return color || fallback;
}
