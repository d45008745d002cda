import { ExternalLink } from '../../../ui/external-link';
import type { ResolvedLink } from './link-patterns';

/**
 * Links from `linkPatterns`. Only hrefs `safeHref` (model/safe-href.ts) accepted become anchors,
 * visibly external; the rest are shown as text that says why, so the operator sees the pattern
 * fired but nothing executes.
 */
export function PatternLinks({ links }: { readonly links: readonly ResolvedLink[] }) {
  if (links.length === 0) return null;
  return (
    <ul className="pattern-links">
      {links.map((link, index) => (
        <li key={index}>
          {link.href !== null ? (
            <ExternalLink href={link.href}>{link.text}</ExternalLink>
          ) : (
            <span className="pattern-links__inert">
              {link.text}{' '}
              <span className="pattern-links__why">(not a link: not http(s), or too long)</span>
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
