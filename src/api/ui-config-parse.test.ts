import { realFixture } from './real-fixtures';
import { DEFAULT_UI_CONFIG } from './ui-config';
import {
  lookbackValueMicros,
  parseCapabilities,
  parseUiConfig,
  parseVersion,
  settingsFrom,
} from './ui-config-parse';

const nothing = { config: null, version: null, capabilities: null, storageCapabilities: null };

describe('parseUiConfig', () => {
  it("keeps Jaeger UI's defaults when nothing is configured", () => {
    const { config, problems } = parseUiConfig(null);
    expect(problems).toEqual([]);
    expect(config.search).toEqual({
      maxLookback: { label: '2 Days', value: '2d' },
      maxLimit: 1500,
    });
    expect(config.dependencies).toEqual({ menuEnabled: true, dagMaxNumServices: 100 });
    expect(config.archiveEnabled).toBe(true);
    expect(config.criticalPathEnabled).toBe(true);
    expect(config.traceIdDisplayLength).toBe(7);
    expect(config.deepDependencies.menuEnabled).toBe(false);
    expect(config.monitor.menuEnabled).toBe(true);
  });

  it('reads the real menu fixture as one link', () => {
    const raw: unknown = JSON.parse(realFixture('jaeger-query/fixture_ui-config-menu.json'));
    const { config, problems } = parseUiConfig(raw);
    expect(problems).toEqual([]);
    expect(config.menu).toEqual([
      { label: 'GitHub', url: 'https://github.com/jaegertracing/jaeger' },
    ]);
  });

  it('ignores keys it does not implement, tracking included, without a problem', () => {
    for (const file of ['fixture_ui-config.json', 'examples_oci_ui-config.json']) {
      const raw: unknown = JSON.parse(realFixture(`jaeger-query/${file}`));
      expect(parseUiConfig(raw)).toEqual({ config: DEFAULT_UI_CONFIG, problems: [] });
    }
  });

  it('reports a menu entry without a URL (the hot-reload fixture) and leaves it out', () => {
    const raw: unknown = JSON.parse(realFixture('jaeger-query/fixture_ui-config-hotreload.json'));
    const { config, problems } = parseUiConfig(raw);
    expect(config.menu).toEqual([]);
    expect(problems).toEqual(['menu[0] ("About Jaeger") has no "url"; left out.']);
  });

  it('merges sections one level deep, as Jaeger UI merges dependencies and search', () => {
    const { config } = parseUiConfig({
      search: { maxLimit: 200 },
      dependencies: { dagMaxNumServices: 300 },
      monitor: { menuEnabled: false },
    });
    expect(config.search).toEqual({ maxLookback: { label: '2 Days', value: '2d' }, maxLimit: 200 });
    expect(config.dependencies).toEqual({ menuEnabled: true, dagMaxNumServices: 300 });
    expect(config.monitor).toEqual({ ...DEFAULT_UI_CONFIG.monitor, menuEnabled: false });
  });

  it("honours Jaeger UI's deprecated dependenciesMenuEnabled when the new key is absent", () => {
    expect(parseUiConfig({ dependenciesMenuEnabled: false }).config.dependencies.menuEnabled).toBe(
      false,
    );
    expect(
      parseUiConfig({ dependenciesMenuEnabled: false, dependencies: { menuEnabled: true } }).config
        .dependencies.menuEnabled,
    ).toBe(true);
  });

  it('keeps the default for each key of the wrong type and names it', () => {
    const { config, problems } = parseUiConfig({
      search: { maxLimit: '50', maxLookback: { label: 'Forever', value: 'forever' } },
      archiveEnabled: 'yes',
      traceIdDisplayLength: -3,
      linkPatterns: {},
    });
    expect(config.search).toEqual(DEFAULT_UI_CONFIG.search);
    expect(config.archiveEnabled).toBe(true);
    expect(config.traceIdDisplayLength).toBe(7);
    expect(config.linkPatterns).toEqual([]);
    expect(problems).toHaveLength(5);
    expect(problems.join('\n')).toMatch(/"search.maxLimit".*"archiveEnabled"/s);
  });

  it('never turns a javascript: menu URL into a link', () => {
    const { config, problems } = parseUiConfig({
      menu: [
        { label: 'Evil', url: 'javascript:alert(1)' },
        {
          label: 'Tools',
          items: [
            { label: 'Bad', url: ' jAvAsCrIpT:alert(1)' },
            { label: 'Wiki', url: '/wiki' },
          ],
        },
      ],
    });
    expect(config.menu).toEqual([{ label: 'Tools', items: [{ label: 'Wiki', url: '/wiki' }] }]);
    expect(problems).toHaveLength(2);
  });

  it('writes out a menu URL that names another host as a path would ("/\\evil.example")', () => {
    const { config } = parseUiConfig({
      menu: [
        { label: 'Backslash', url: '/\\evil.example/x' },
        { label: 'Scheme-relative', url: '//evil.example' },
      ],
    });
    expect(config.menu).toEqual([
      { label: 'Backslash', url: '//evil.example/x' },
      { label: 'Scheme-relative', url: '//evil.example/' },
    ]);
  });

  it.each(['javascript:alert(1)', 'DaTa:text/html,<script>alert(1)</script>', 'java\tscript:x'])(
    'keeps the default monitor docs link instead of %j, and says so',
    (docsLink) => {
      const { config, problems } = parseUiConfig({ monitor: { docsLink } });
      expect(config.monitor.docsLink).toBe(DEFAULT_UI_CONFIG.monitor.docsLink);
      expect(problems).toEqual([
        '"monitor.docsLink" is not a http(s) link (or is too long); using the default.',
      ]);
    },
  );

  it('says so when the configuration is not an object', () => {
    expect(parseUiConfig([1, 2]).problems).toEqual([
      'The UI configuration is not a JSON object; using the defaults.',
    ]);
  });
});

describe('lookbackValueMicros', () => {
  it("reads Jaeger's lookback values", () => {
    expect(lookbackValueMicros('2d')).toBe(2 * 86_400e6);
    expect(lookbackValueMicros('12h')).toBe(12 * 3600e6);
    expect(lookbackValueMicros('3w')).toBe(3 * 604_800e6);
    expect(lookbackValueMicros('0d')).toBeUndefined();
    expect(lookbackValueMicros('2 days')).toBeUndefined();
  });
});

describe('capabilities and version', () => {
  it('takes the backend capabilities, falling back to the legacy storage-only ones', () => {
    expect(parseCapabilities({ archiveStorage: true, aiAssistant: true }, null)).toEqual({
      archiveStorage: true,
      metricsStorage: false,
      searchWithoutServiceName: false,
    });
    expect(parseCapabilities(null, { archiveStorage: false, metricsStorage: true })).toEqual({
      archiveStorage: false,
      metricsStorage: true,
      searchWithoutServiceName: false,
    });
  });

  it('reads a version object and ignores anything else', () => {
    expect(parseVersion({ gitVersion: 'v2.20.0', gitCommit: 'abc', buildDate: 7 })).toEqual({
      gitVersion: 'v2.20.0',
      gitCommit: 'abc',
      buildDate: '',
    });
    expect(parseVersion('v2')).toEqual({ gitVersion: '', gitCommit: '', buildDate: '' });
  });
});

describe('settingsFrom', () => {
  it('uses config.json only when nothing was injected', () => {
    const file = { raw: { traceIdDisplayLength: 12 } };
    expect(settingsFrom(nothing, file).config.traceIdDisplayLength).toBe(12);
    expect(settingsFrom(nothing, file).source).toBe('config.json');
    const injected = { ...nothing, version: { gitVersion: 'v2.20.0' } };
    expect(settingsFrom(injected, file).config.traceIdDisplayLength).toBe(7);
    expect(settingsFrom(injected, file).source).toBe('injected');
  });

  it('reports a broken config.json and an UIConfig() that threw, and keeps the defaults', () => {
    const broken = settingsFrom(nothing, { error: 'config.json is not valid JSON' });
    expect(broken.problems).toEqual(['config.json is not valid JSON']);
    expect(broken.config).toEqual(DEFAULT_UI_CONFIG);
    const threw = settingsFrom({ ...nothing, configError: 'ReferenceError: x' });
    expect(threw.problems[0]).toMatch(/UIConfig\(\) failed: ReferenceError: x/);
  });
});
