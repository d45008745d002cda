/**
 * Whether a URL from data or configuration may become a link: `href` if it is http(s) or relative
 * once parsed the way a browser would, else `null`. The URL parser strips tabs, newlines and
 * leading spaces exactly as browsers do, so "java\tscript:" is caught here too. One rule for
 * link patterns, the operator's menu and anything else that turns a string into an anchor.
 */
export function safeHref(href: string): string | null {
  try {
    const parsed = new URL(href, 'http://relative.invalid/');
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? href : null;
  } catch {
    return null;
  }
}
