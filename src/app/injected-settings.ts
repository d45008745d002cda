/**
 * The deployment's settings, read once at start-up: what jaeger-query injected into index.html
 * (collected by its inline script into `window.__CAIRN_INJECTED__`), or else a `config.json`
 * beside index.html, so that plain static hosting (nginx, an ingress) can configure Cairn too.
 */
import type { UiSettings } from '../api/ui-config';
import type { InjectedValues } from '../api/ui-config-parse';
import { settingsFrom, wasInjected } from '../api/ui-config-parse';
import { isRecord } from '../api/json-guards';

declare global {
  interface Window {
    __CAIRN_INJECTED__?: unknown;
  }
}

/** A slow or hanging static server must not hold the app back for long. */
const CONFIG_FILE_TIMEOUT_MS = 3_000;

const NOTHING: InjectedValues = {
  config: null,
  version: null,
  capabilities: null,
  storageCapabilities: null,
};

function injectedValues(): InjectedValues & { readonly scriptFailed?: boolean } {
  const raw = window.__CAIRN_INJECTED__;
  // The inline script did not finish: an injected UI config file with a syntax error stops it.
  if (!isRecord(raw)) return { ...NOTHING, scriptFailed: true };
  return {
    config: raw.config,
    configError: typeof raw.configError === 'string' ? raw.configError : null,
    version: raw.version,
    capabilities: raw.capabilities,
    storageCapabilities: raw.storageCapabilities,
  };
}

type ConfigFile = { readonly raw: unknown } | { readonly error: string } | undefined;

/** `config.json` beside index.html; undefined where there is none (404, or the SPA's HTML). */
export async function fetchConfigFile(baseUrl: string): Promise<ConfigFile> {
  const url = new URL('config.json', baseUrl).href;
  let response: Response;
  try {
    response = await fetch(url, {
      signal: AbortSignal.timeout(CONFIG_FILE_TIMEOUT_MS),
      headers: { Accept: 'application/json' },
    });
  } catch {
    return undefined;
  }
  if (!response.ok) return undefined;
  const text = await response.text().catch(() => '');
  // jaeger-query and SPA fallbacks answer unknown paths with index.html.
  if (
    /html/i.test(response.headers.get('content-type') ?? '') ||
    text.trimStart().startsWith('<')
  ) {
    return undefined;
  }
  try {
    return { raw: JSON.parse(text) as unknown };
  } catch (error) {
    return {
      error: `config.json is not valid JSON (${(error as Error).message}); using the defaults.`,
    };
  }
}

/** Everything the deployment says about itself; never rejects. */
export async function loadUiSettings(baseUrl: string = document.baseURI): Promise<UiSettings> {
  const values = injectedValues();
  const configFile = wasInjected(values) ? undefined : await fetchConfigFile(baseUrl);
  const settings = settingsFrom(values, configFile);
  if (!values.scriptFailed) return settings;
  return {
    ...settings,
    problems: [
      'The UI configuration injected into index.html could not run (a syntax error in the UI config file?); using the defaults.',
      ...settings.problems,
    ],
  };
}
