/**
 * Turns what the deployment injected (or served as config.json) into UiSettings. Jaeger UI's merge
 * rule holds: the operator's top-level keys replace the defaults and the sections `dependencies`,
 * `search` and `tracking` merge one level deep. Cairn validates every key it reads, so in effect
 * every section merges shallowly: a key of the wrong type keeps its default and is reported.
 */
import type {
  BackendCapabilities,
  JaegerVersion,
  MenuEntry,
  MenuLabel,
  MenuLink,
  UiConfig,
  UiSettings,
} from './ui-config';
import { DEFAULT_CAPABILITIES, DEFAULT_UI_CONFIG, UNKNOWN_VERSION } from './ui-config';
import { isRecord } from './json-guards';
import { safeHref } from '../model/safe-href';

/** What index.html's inline script collected from jaeger-query's replacements. */
export interface InjectedValues {
  readonly config: unknown;
  /** The message of an exception thrown by an injected `UIConfig()` function. */
  readonly configError?: string | null;
  readonly version: unknown;
  readonly capabilities: unknown;
  readonly storageCapabilities: unknown;
}

/** Jaeger's lookback syntax: a count and a unit (minutes, hours, days, weeks). */
const LOOKBACK = /^(\d+)([mhdw])$/;
const UNIT_MICROS: Record<string, number> = {
  m: 60e6,
  h: 3600e6,
  d: 86_400e6,
  w: 604_800e6,
};

/** µs in a Jaeger lookback value such as "2d", or undefined when it is not one. */
export function lookbackValueMicros(value: string): number | undefined {
  const match = LOOKBACK.exec(value);
  if (!match?.[1] || !match[2]) return undefined;
  const count = Number(match[1]);
  const unit = UNIT_MICROS[match[2]];
  return count > 0 && unit !== undefined ? count * unit : undefined;
}

class Reader {
  readonly problems: string[] = [];

  constructor(private readonly raw: Record<string, unknown>) {}

  private value(path: string): unknown {
    let node: unknown = this.raw;
    for (const part of path.split('.')) {
      if (!isRecord(node)) return undefined;
      node = node[part];
    }
    return node;
  }

  private take<T>(path: string, fallback: T, ok: (v: unknown) => v is T, want: string): T {
    const found = this.value(path);
    if (found === undefined || found === null) return fallback;
    if (ok(found)) return found;
    this.problems.push(`"${path}" should be ${want}; using the default.`);
    return fallback;
  }

  bool(path: string, fallback: boolean): boolean {
    return this.take(path, fallback, (v): v is boolean => typeof v === 'boolean', 'true or false');
  }

  count(path: string, fallback: number): number {
    return this.take(
      path,
      fallback,
      (v): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0,
      'a positive whole number',
    );
  }

  string(path: string, fallback: string): string {
    return this.take(path, fallback, (v): v is string => typeof v === 'string', 'a string');
  }

  /** A URL that may become a link (model/safe-href.ts), as safeHref writes it. */
  link(path: string, fallback: string): string {
    const found = this.string(path, fallback);
    const href = safeHref(found);
    if (href !== null) return href;
    this.problems.push(`"${path}" is not a http(s) link (or is too long); using the default.`);
    return fallback;
  }

  array(path: string): readonly unknown[] {
    return this.take<readonly unknown[]>(
      path,
      [],
      (v): v is unknown[] => Array.isArray(v),
      'a list',
    );
  }

  lookback(path: string, fallback: UiConfig['search']['maxLookback']) {
    const found = this.value(path);
    if (found === undefined || found === null) return fallback;
    if (isRecord(found) && typeof found.value === 'string') {
      if (lookbackValueMicros(found.value) !== undefined) {
        const label = typeof found.label === 'string' ? found.label : found.value;
        return { label, value: found.value };
      }
    }
    this.problems.push(`"${path}" should be { "label": …, "value": "2d" }; using the default.`);
    return fallback;
  }

  menu(): readonly MenuEntry[] {
    const entries: MenuEntry[] = [];
    const link = (item: unknown, where: string): MenuLink | MenuLabel | undefined => {
      if (!isRecord(item) || typeof item.label !== 'string') {
        this.problems.push(`${where} needs a "label"; left out.`);
        return undefined;
      }
      if (item.url === undefined) return { label: item.label };
      const url = typeof item.url === 'string' ? safeHref(item.url) : null;
      if (url !== null) return { label: item.label, url };
      this.problems.push(`${where} ("${item.label}") has a URL that is not http(s); left out.`);
      return undefined;
    };
    this.array('menu').forEach((entry, index) => {
      const where = `menu[${index}]`;
      if (isRecord(entry) && Array.isArray(entry.items) && typeof entry.label === 'string') {
        const items = entry.items
          .map((item, at) => link(item, `${where}.items[${at}]`))
          .filter((item) => item !== undefined);
        entries.push({ label: entry.label, items });
        return;
      }
      const single = link(entry, where);
      // A top-level entry without a URL has nothing to open.
      if (single?.url !== undefined) entries.push(single as MenuLink);
      else if (single) this.problems.push(`${where} ("${single.label}") has no "url"; left out.`);
    });
    return entries;
  }
}

/** The operator's configuration over Jaeger UI's defaults, with what was wrong with it. */
export function parseUiConfig(raw: unknown): { config: UiConfig; problems: string[] } {
  if (raw === undefined || raw === null) return { config: DEFAULT_UI_CONFIG, problems: [] };
  if (!isRecord(raw)) {
    return {
      config: DEFAULT_UI_CONFIG,
      problems: ['The UI configuration is not a JSON object; using the defaults.'],
    };
  }
  const read = new Reader(raw);
  const d = DEFAULT_UI_CONFIG;
  // Jaeger UI's deprecated spelling still counts when the new one is absent.
  const legacyDependencies =
    typeof raw.dependenciesMenuEnabled === 'boolean' ? raw.dependenciesMenuEnabled : undefined;
  const config: UiConfig = {
    menu: read.menu(),
    search: {
      maxLookback: read.lookback('search.maxLookback', d.search.maxLookback),
      maxLimit: read.count('search.maxLimit', d.search.maxLimit),
    },
    dependencies: {
      menuEnabled: read.bool(
        'dependencies.menuEnabled',
        legacyDependencies ?? d.dependencies.menuEnabled,
      ),
      dagMaxNumServices: read.count(
        'dependencies.dagMaxNumServices',
        d.dependencies.dagMaxNumServices,
      ),
    },
    monitor: {
      menuEnabled: read.bool('monitor.menuEnabled', d.monitor.menuEnabled),
      docsLink: read.link('monitor.docsLink', d.monitor.docsLink),
    },
    deepDependencies: {
      menuEnabled: read.bool('deepDependencies.menuEnabled', d.deepDependencies.menuEnabled),
    },
    archiveEnabled: read.bool('archiveEnabled', d.archiveEnabled),
    linkPatterns: read.array('linkPatterns'),
    criticalPathEnabled: read.bool('criticalPathEnabled', d.criticalPathEnabled),
    themes: { enabled: read.bool('themes.enabled', d.themes.enabled) },
    traceIdDisplayLength: read.count('traceIdDisplayLength', d.traceIdDisplayLength),
    forbidNewPage: read.bool('forbidNewPage', d.forbidNewPage),
    disableFileUploadControl: read.bool('disableFileUploadControl', d.disableFileUploadControl),
    disableJsonView: read.bool('disableJsonView', d.disableJsonView),
  };
  return { config, problems: read.problems };
}

const flag = (record: unknown, key: string): boolean | undefined =>
  isRecord(record) && typeof record[key] === 'boolean' ? record[key] : undefined;

/** Backend capabilities; the legacy storage-only injection counts where the new one is silent. */
export function parseCapabilities(backend: unknown, storage: unknown): BackendCapabilities {
  const pick = (key: keyof BackendCapabilities): boolean =>
    flag(backend, key) ?? flag(storage, key) ?? DEFAULT_CAPABILITIES[key];
  return {
    archiveStorage: pick('archiveStorage'),
    metricsStorage: pick('metricsStorage'),
    searchWithoutServiceName: pick('searchWithoutServiceName'),
  };
}

export function parseVersion(raw: unknown): JaegerVersion {
  if (!isRecord(raw)) return UNKNOWN_VERSION;
  const text = (key: string): string => (typeof raw[key] === 'string' ? raw[key] : '');
  return {
    gitCommit: text('gitCommit'),
    gitVersion: text('gitVersion'),
    buildDate: text('buildDate'),
  };
}

/** Whether jaeger-query filled the placeholders (then config.json is not looked for). */
export function wasInjected(values: InjectedValues): boolean {
  return (
    values.config != null ||
    values.version != null ||
    values.capabilities != null ||
    values.storageCapabilities != null ||
    Boolean(values.configError)
  );
}

/** Settings from injected values, or from a config.json when nothing was injected. */
export function settingsFrom(
  values: InjectedValues,
  configFile?: { readonly raw: unknown } | { readonly error: string },
): UiSettings {
  const injected = wasInjected(values);
  const problems: string[] = [];
  let raw: unknown = values.config;
  if (values.configError) {
    problems.push(`The UI configuration's UIConfig() failed: ${values.configError}`);
    raw = null;
  }
  if (!injected && configFile) {
    if ('error' in configFile) problems.push(configFile.error);
    else raw = configFile.raw;
  }
  const parsed = parseUiConfig(raw);
  return {
    config: parsed.config,
    capabilities: parseCapabilities(values.capabilities, values.storageCapabilities),
    version: parseVersion(values.version),
    source: injected ? 'injected' : configFile && 'raw' in configFile ? 'config.json' : 'defaults',
    problems: [...problems, ...parsed.problems],
  };
}
