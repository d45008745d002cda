import type { ReactNode } from 'react';
import './external-link.css';

export interface ExternalLinkProps {
  /** Already checked by model/safe-href.ts: http(s) or relative. */
  readonly href: string;
  readonly children: ReactNode;
  /** Open in a new tab (the default); the operator's `forbidNewPage` turns it off. */
  readonly newTab?: boolean;
}

/**
 * A link to somewhere the app does not control (the operator's menu, link patterns, docs). It is
 * visibly external: a link leaving the app's origin shows the host it goes to, so a link text
 * never hides where a click lands (`//evil.example` read as a path), and says when it opens a new
 * tab. It never hands the opened page Cairn's window or address (`noopener noreferrer`).
 */
export function ExternalLink({ href, children, newTab = true }: ExternalLinkProps) {
  const target = new URL(href, document.baseURI);
  const offOrigin = target.origin !== window.location.origin;
  return (
    <a
      className="external-link"
      href={href}
      target={newTab ? '_blank' : undefined}
      rel="noopener noreferrer"
      title={offOrigin ? target.href : undefined}
      data-external={offOrigin ? target.host : undefined}
    >
      {children}
      {offOrigin && <span className="external-link__host"> ({target.host})</span>}
      {newTab && <span className="visually-hidden"> (opens in a new tab)</span>}
    </a>
  );
}
