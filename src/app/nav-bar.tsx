import { NavLink } from 'react-router';
import { useUiSettings } from '../api/ui-settings-context';
import { ThemeToggle } from './theme-toggle';
import { TraceIdLookup } from './trace-id-lookup';
import './nav-bar.css';

export function NavBar({ demo }: { readonly demo: boolean }) {
  const deepDependencies = useUiSettings().config.deepDependencies.menuEnabled;
  return (
    <header className="nav-bar">
      <NavLink to="/search" className="nav-brand" aria-label="Cairn home">
        <img src="./favicon.svg" alt="" width={20} height={20} />
        Cairn
      </NavLink>
      <nav aria-label="Main">
        <NavLink to="/search">Search</NavLink>
        <NavLink to="/compare">Compare</NavLink>
        <NavLink to="/dependencies">Dependencies</NavLink>
        {(demo || deepDependencies) && (
          <NavLink to="/deep-dependencies">Deep dependency graph</NavLink>
        )}
      </nav>
      <TraceIdLookup />
      <span className="nav-spacer" />
      {demo && (
        <span
          className="demo-badge"
          title="Data comes from Cairn's built-in demo backend, not a real Jaeger"
        >
          Demo data
        </span>
      )}
      <ThemeToggle />
    </header>
  );
}
