import { useUiSettings } from '../api/ui-settings-context';
import { NavMenu } from './nav-menu';

const SOURCE_TEXT = {
  injected: 'injected by jaeger-query',
  'config.json': 'from config.json',
  defaults: 'defaults',
} as const;

/** Which Cairn and which Jaeger the user is looking at: the first question of a bug report. */
export function AboutMenu() {
  const { version, source } = useUiSettings();
  const jaeger = version.gitVersion || 'unknown (not reported by the server)';
  return (
    <NavMenu label="About">
      <dl className="about-list">
        <dt>Cairn</dt>
        <dd>{__CAIRN_VERSION__}</dd>
        <dt>Jaeger</dt>
        <dd>{jaeger}</dd>
        {version.gitCommit && (
          <>
            <dt>Commit</dt>
            <dd>{version.gitCommit.slice(0, 12)}</dd>
          </>
        )}
        {version.buildDate && (
          <>
            <dt>Built</dt>
            <dd>{version.buildDate}</dd>
          </>
        )}
        <dt>UI configuration</dt>
        <dd>{SOURCE_TEXT[source]}</dd>
      </dl>
    </NavMenu>
  );
}
