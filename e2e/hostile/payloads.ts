/**
 * Strings that run script if any page puts them into markup, a URL or an event handler. Each sets
 * `window.__pwned` (checked by e2e/support/hostile-guard.ts), so a run is seen even without a
 * dialog.
 */
export const MARKUP = {
  img: `<img src=x onerror="window.__pwned='img'">`,
  script: `<script>window.__pwned='script'</script>`,
  svg: `"><svg onload="window.__pwned='svg'">`,
  attr: `' onmouseover='window.__pwned=1' x='`,
  template: '{{constructor.constructor("window.__pwned=1")()}}',
} as const;

export const URLS = {
  js: `javascript:window.__pwned='js'`,
  jsMixedCase: ` JaVaScRiPt:window.__pwned='js2'`,
  data: `data:text/html,<script>window.__pwned='data'</script>`,
  vbscript: 'vbscript:msgbox(1)',
} as const;

/** Every markup payload in one string: one field shows all of them. */
export const ALL_MARKUP = Object.values(MARKUP).join(' ');

/** Bidi overrides, isolates and zero-width characters: what they hide must show. */
export const BIDI = {
  override: 'svc\u202Eelive-rtl',
  zeroWidth: 'get\u200Buser\u200D',
  isolate: 'a\u2066b\u2069',
} as const;
