import { Outlet } from 'react-router';
import { ConfigNotice } from './config-notice';
import { ErrorBoundary } from './error-boundary';
import { NavBar } from './nav-bar';

export function Shell({ demo }: { readonly demo: boolean }) {
  return (
    <div className="app-shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <NavBar demo={demo} />
      <ConfigNotice />
      <main id="main" className="app-main">
        <ErrorBoundary>
          <Outlet />
        </ErrorBoundary>
      </main>
    </div>
  );
}
