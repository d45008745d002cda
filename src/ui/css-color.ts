/**
 * Theme colours as canvas drawing needs them (`rgb(…)`). Reading a custom property directly
 * returns its source text — `light-dark(#fff, #111)` in theme.css — which canvas cannot parse,
 * so each variable is resolved through a probe element's computed `color`, under `within` so the
 * element's own colour scheme applies.
 */
export function cssColor(within: Element, variable: `--${string}`, fallback = '#888888'): string {
  return cssColors(within, { color: variable }, fallback).color;
}

/**
 * Several at once: their probes go in together and are read after one style recalculation (one
 * probe at a time recalculated styles once a colour; the waterfall's first paint read seven).
 */
export function cssColors<Name extends string>(
  within: Element,
  variables: Readonly<Record<Name, `--${string}`>>,
  fallback = '#888888',
): Record<Name, string> {
  const host = within.parentElement ?? document.body;
  const names = Object.keys(variables) as Name[];
  const probes = names.map((name) => {
    const probe = document.createElement('span');
    probe.style.display = 'none';
    probe.style.color = `var(${variables[name]}, ${fallback})`;
    host.appendChild(probe);
    return probe;
  });
  const colors = {} as Record<Name, string>;
  names.forEach((name, k) => {
    colors[name] = (probes[k] && getComputedStyle(probes[k]).color) || fallback;
  });
  for (const probe of probes) probe.remove();
  return colors;
}
