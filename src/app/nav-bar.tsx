import { NavLink } from 'react-router';
import { useUiSettings } from '../api/ui-settings-context';
import { AboutMenu } from './about-menu';
import { OperatorMenu } from './operator-menu';
import { ThemeToggle } from './theme-toggle';
import { TraceIdLookup } from './trace-id-lookup';
import './nav-bar.css';

export function NavBar({ demo }: { readonly demo: boolean }) {
  const { config, capabilities } = useUiSettings();
  // Jaeger UI's rule: a page's menu entry shows when the config enables it and, for pages that
  // need a storage of their own, when the backend has it (the demo backend has everything).
  const monitor = config.monitor.menuEnabled && (demo || capabilities.metricsStorage);
  return (
    <header className="nav-bar">
      <NavLink to="/search" className="nav-brand" aria-label="Cairn home">
        <img src="./static/favicon.svg" alt="" width={20} height={20} />
        Cairn
      </NavLink>
      <nav aria-label="Main">
        <NavLink to="/search">Search</NavLink>
        <NavLink to="/compare">Compare</NavLink>
        {config.dependencies.menuEnabled && <NavLink to="/dependencies">Dependencies</NavLink>}
        {monitor && <NavLink to="/monitor">Monitor</NavLink>}
        {(demo || config.deepDependencies.menuEnabled) && (
          <NavLink to="/deep-dependencies">Deep dependency graph</NavLink>
        )}
        <OperatorMenu entries={config.menu} newTab={!config.forbidNewPage} />
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
      <AboutMenu />
      {config.themes.enabled && <ThemeToggle />}
    </header>
  );
}
