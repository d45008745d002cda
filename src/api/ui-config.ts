/**
 * Jaeger UI's configuration, as jaeger-query injects it into index.html (a JSON object, or a
 * `UIConfig()` function from a .js file) or as a `config.json` beside index.html provides it.
 *
 * Operators write this file by hand, so it is validated key by key: a key of the wrong type falls
 * back to its default and is named in `problems` (shown as a notice), never a crash. Keys Cairn
 * does not implement are ignored, tracking keys included (no third-party script is ever loaded).
 *
 * Merge rule (Jaeger UI's get-config): the embedded object's top-level keys replace the defaults,
 * except the sections in MERGED_SECTIONS, which are merged one level deep.
 */

export interface MenuLink {
  readonly label: string;
  /** http(s) or relative only; anything else is dropped with a problem. */
  readonly url: string;
}

export interface MenuGroup {
  readonly label: string;
  readonly items: readonly (MenuLink | MenuLabel)[];
}

/** An item without a URL: Jaeger UI's default "About" group lists the version this way. */
export interface MenuLabel {
  readonly label: string;
  readonly url?: undefined;
}

export type MenuEntry = MenuLink | MenuGroup;

export interface UiConfig {
  readonly menu: readonly MenuEntry[];
  readonly search: {
    /** Jaeger's duration string, e.g. "2d", "12h". */
    readonly maxLookback: { readonly label: string; readonly value: string };
    readonly maxLimit: number;
  };
  readonly dependencies: { readonly menuEnabled: boolean; readonly dagMaxNumServices: number };
  readonly monitor: { readonly menuEnabled: boolean; readonly docsLink: string };
  readonly deepDependencies: { readonly menuEnabled: boolean };
  readonly archiveEnabled: boolean;
  /** Raw `linkPatterns` entries; compiled (and validated) by the trace page. */
  readonly linkPatterns: readonly unknown[];
  readonly criticalPathEnabled: boolean;
  readonly themes: { readonly enabled: boolean };
  readonly traceIdDisplayLength: number;
  readonly forbidNewPage: boolean;
  readonly disableFileUploadControl: boolean;
  readonly disableJsonView: boolean;
}

/** Jaeger UI's FALLBACK_DAG_MAX_NUM_SERVICES. */
export const DEFAULT_DAG_MAX_NUM_SERVICES = 100;

export const DEFAULT_UI_CONFIG: UiConfig = {
  // Jaeger UI's default menu is an "About Jaeger" group of links to the project; Cairn shows its
  // own About menu (versions) instead, so the default here is no operator menu.
  menu: [],
  search: { maxLookback: { label: '2 Days', value: '2d' }, maxLimit: 1500 },
  dependencies: { menuEnabled: true, dagMaxNumServices: DEFAULT_DAG_MAX_NUM_SERVICES },
  monitor: { menuEnabled: true, docsLink: 'https://www.jaegertracing.io/docs/latest/spm/' },
  deepDependencies: { menuEnabled: false },
  // Jaeger UI's default is true; the Archive button still needs the backend's archiveStorage.
  archiveEnabled: true,
  linkPatterns: [],
  criticalPathEnabled: true,
  themes: { enabled: true },
  traceIdDisplayLength: 7,
  forbidNewPage: false,
  disableFileUploadControl: false,
  disableJsonView: false,
};

/** What jaeger-query injects as JAEGER_BACKEND_CAPABILITIES (older ones: STORAGE_CAPABILITIES). */
export interface BackendCapabilities {
  readonly archiveStorage: boolean;
  readonly metricsStorage: boolean;
  readonly searchWithoutServiceName: boolean;
}

export const DEFAULT_CAPABILITIES: BackendCapabilities = {
  archiveStorage: false,
  metricsStorage: false,
  searchWithoutServiceName: false,
};

/** jaeger-query's version.Get(): empty strings when nothing was injected. */
export interface JaegerVersion {
  readonly gitCommit: string;
  readonly gitVersion: string;
  readonly buildDate: string;
}

export const UNKNOWN_VERSION: JaegerVersion = { gitCommit: '', gitVersion: '', buildDate: '' };

/** Everything the deployment tells the UI about itself. */
export interface UiSettings {
  readonly config: UiConfig;
  readonly capabilities: BackendCapabilities;
  readonly version: JaegerVersion;
  /** Where the configuration came from, for the About menu. */
  readonly source: 'injected' | 'config.json' | 'defaults';
  /** Human-readable problems with the configuration (shown as a non-fatal notice). */
  readonly problems: readonly string[];
}

export const DEFAULT_UI_SETTINGS: UiSettings = {
  config: DEFAULT_UI_CONFIG,
  capabilities: DEFAULT_CAPABILITIES,
  version: UNKNOWN_VERSION,
  source: 'defaults',
  problems: [],
};
