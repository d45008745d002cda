/** Placeholder base: a relative href keeps this host, one that names another host does not. */
const RELATIVE_BASE = 'http://relative.invalid/';

/**
 * Longer hrefs are not links. Chromium drops navigations past 2 MB and most servers refuse a
 * request line past 8–16 KB, so such a link could only fail; it is most likely a megabyte
 * attribute value poured into a link pattern.
 */
export const MAX_HREF_LENGTH = 16_384;

/**
 * Whether a URL from data or configuration may become a link: an href if it is http(s) or relative
 * once parsed the way a browser would, else `null`. The URL parser strips tabs, newlines and
 * leading spaces exactly as browsers do, so "java\tscript:" is caught here too. One rule for
 * link patterns, the operator's menu, the monitor's docs link and anything else that turns a string
 * into an anchor.
 *
 * The href returned says where the link goes: an absolute URL comes back as the browser reads it,
 * and a relative one that names another host ("//evil.example", "/\evil.example", "\\evil.example",
 * which browsers read as "//evil.example") comes back as "//evil.example/…", so what the page
 * shows and checks (ui/external-link.tsx) is where a click lands. A plain relative href is kept as
 * written.
 */
export function safeHref(href: string): string | null {
  if (href.length > MAX_HREF_LENGTH) return null;
  let parsed: URL;
  try {
    parsed = new URL(href, RELATIVE_BASE);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  // Absolute on its own: read without the base, as a page on another scheme would ("http:x.example"
  // is a path on an http page but the host x.example on an https one).
  if (URL.canParse(href)) return new URL(href).href;
  if (parsed.host !== new URL(RELATIVE_BASE).host)
    return `//${parsed.host}${parsed.pathname}${parsed.search}${parsed.hash}`;
  return href;
}
