import { useLocation } from 'react-router';
import { fullPageHref } from '../ui/embed-params';
import './nav-bar.css';

/**
 * The header of the embedded mode (`uiEmbed=v0`): no navigation, one slim row with the name and a
 * link that opens the same page, without the embed parameters, in a new tab. The frame never
 * navigates its parent: a new tab is the only way out.
 */
export function EmbedBar() {
  // Re-rendered on every in-app navigation, so the link follows the page shown.
  useLocation();
  return (
    <header className="nav-bar nav-bar--embedded">
      <span className="nav-brand nav-brand--embedded">
        <img src="./static/favicon.svg" alt="" width={16} height={16} />
        Cairn
      </span>
      <span className="nav-spacer" />
      <a href={fullPageHref(window.location.href)} target="_blank" rel="noopener">
        Open in Cairn
        <span className="visually-hidden"> (opens in a new tab)</span>
      </a>
    </header>
  );
}
