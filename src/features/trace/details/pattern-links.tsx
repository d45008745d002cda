import type { ResolvedLink } from './link-patterns';

/**
 * Links from `linkPatterns`. Only hrefs `safeHref` (model/safe-href.ts) accepted become anchors; the rest are shown as
 * text so the operator sees the pattern fired but nothing executes.
 */
export function PatternLinks({ links }: { readonly links: readonly ResolvedLink[] }) {
  if (links.length === 0) return null;
  return (
    <ul className="pattern-links">
      {links.map((link, index) => (
        <li key={index}>
          {link.href !== null ? (
            <a href={link.href} target="_blank" rel="noopener noreferrer">
              {link.text}
            </a>
          ) : (
            <span className="pattern-links__inert" title="Not a http(s) link">
              {link.text}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
