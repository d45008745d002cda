import { Outlet } from 'react-router';
import { ConfigNotice } from './config-notice';
import { ErrorBoundary } from './error-boundary';
import { NavBar } from './nav-bar';
import { EmbedBar } from './embed-bar';
import { useEmbed } from '../ui/embed-context';

export function Shell({ demo }: { readonly demo: boolean }) {
  const { embedded } = useEmbed();
  return (
    <div className={embedded ? 'app-shell app-shell--embedded' : 'app-shell'}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      {embedded ? <EmbedBar /> : <NavBar demo={demo} />}
      <ConfigNotice />
      <main id="main" className="app-main">
        <ErrorBoundary>
          <Outlet />
        </ErrorBoundary>
      </main>
    </div>
  );
}
