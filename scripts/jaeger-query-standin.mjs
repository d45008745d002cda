// A stand-in for jaeger-query's UI handler, written from its Go source
// (shared/fixtures/real/jaeger-query/static_handler.go.txt), in front of the demo backend's API.
// It serves a built bundle exactly the way jaeger-query does, so the browser tests prove that
// Cairn is a drop-in for Jaeger UI:
// - files only under `<base>/static/`; every other path under the base gets index.html;
// - index.html read once at start; on every serve the UI config (cached, re-read after 10 s),
//   version and backend capabilities are substituted with the same patterns;
// - a UI config file is `.json` (an object) or `.js` (must define `function UIConfig()`); any
//   other or an invalid one stops the server at start, as jaeger-query refuses to start;
// - `--legacy` plays jaeger-query before 2.18: it rewrites `<base href="/"` to the base path and
//   fills the storage-only capabilities placeholder instead.
//
// Usage: node scripts/jaeger-query-standin.mjs --assets dist [--port 16686] [--base-path /jaeger]
//          [--ui-config file.json|file.js] [--archive] [--metrics] [--search-without-service]
//          [--version v2.20.0] [--legacy]
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { loadDemoApi } from './demo-api.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] !== undefined ? args[at + 1] : fallback;
};
const flag = (name) => args.includes(`--${name}`);

const assets = resolve(option('assets', 'dist'));
const port = Number(option('port', '16686'));
// jaeger-query's base path has no trailing slash; "/" means none.
const basePath = option('base-path', '/').replace(/\/+$/, '');
const uiConfigFile = option('ui-config', '');
const legacy = flag('legacy');
const UI_CONFIG_RELOAD_MS = 10_000;

const configPattern = /JAEGER_CONFIG *= *DEFAULT_CONFIG;/g;
const configJsPattern = /^\s*\/\/\s*JAEGER_CONFIG_JS.*\n.*/gim;
const versionPattern = /JAEGER_VERSION *= *DEFAULT_VERSION;/g;
const capabilitiesPattern = /JAEGER_BACKEND_CAPABILITIES *= *DEFAULT_BACKEND_CAPABILITIES;/g;
const storageCapabilitiesPattern = /JAEGER_STORAGE_CAPABILITIES *= *DEFAULT_STORAGE_CAPABILITIES;/g;
const basePathPattern = /<base href="\/"/g;

/**
 * Go's json.Marshal: JSON with `<`, `>`, `&`, U+2028 and U+2029 escaped (its HTMLEscape), which is
 * what keeps a `</script>` in an operator's config from closing the inline script it is put in.
 */
const goJson = (value) =>
  JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

/** Go's regexp ReplaceAll expands `$name` in the replacement; none of these patterns has groups. */
const goExpand = (replacement) =>
  replacement.replace(/\$(\$|\{[^}]*\}|\w+)/g, (match) => (match === '$$' ? '$' : ''));

function loadUIConfig(file) {
  if (!file) return undefined;
  let bytes;
  try {
    bytes = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read UI config file ${file}: ${error.message}`);
  }
  switch (extname(file).toLowerCase()) {
    case '.json': {
      let parsed;
      try {
        parsed = JSON.parse(bytes);
      } catch (error) {
        throw new Error(`cannot parse UI config file ${file}: ${error.message}`);
      }
      // Go unmarshals into map[string]any: anything but an object (or null) is an error.
      if (typeof parsed !== 'object' || Array.isArray(parsed)) {
        throw new Error(`cannot parse UI config file ${file}: not a JSON object`);
      }
      return { pattern: configPattern, text: `JAEGER_CONFIG = ${goJson(parsed)};` };
    }
    case '.js': {
      const text = bytes.trim();
      if (!/function\s+UIConfig(\s)?\(\s?\)(\s)?{/.test(text)) {
        throw new Error(`UI config file must define function UIConfig(): ${file}`);
      }
      return { pattern: configJsPattern, text };
    }
    default:
      throw new Error(`unrecognized UI config file format, expecting .js or .json file: ${file}`);
  }
}

let uiConfig;
try {
  uiConfig = loadUIConfig(uiConfigFile);
} catch (error) {
  console.error(`jaeger-query stand-in: Could not create static assets handler: ${error.message}`);
  process.exit(1);
}
let uiConfigExpiry = Date.now() + UI_CONFIG_RELOAD_MS;

function currentUIConfig() {
  if (!uiConfigFile) return undefined;
  if (Date.now() < uiConfigExpiry) return uiConfig;
  try {
    uiConfig = loadUIConfig(uiConfigFile);
  } catch (error) {
    console.error(`could not reload UI config; keeping previously cached value: ${error.message}`);
  }
  uiConfigExpiry = Date.now() + UI_CONFIG_RELOAD_MS;
  return uiConfig;
}

const indexHTMLRaw = readFileSync(join(assets, 'index.html'), 'utf8');
const version = {
  gitCommit: option('commit', '0123456789abcdef0123456789abcdef01234567'),
  gitVersion: option('version', 'v2.20.0'),
  buildDate: option('build-date', '2026-11-20T10:00:00Z'),
};
const capabilities = {
  archiveStorage: flag('archive'),
  metricsStorage: flag('metrics'),
  searchWithoutServiceName: flag('search-without-service'),
  aiAssistant: false,
};

function deriveIndexHTML() {
  let out = indexHTMLRaw;
  const config = currentUIConfig();
  if (config) out = out.replace(config.pattern, goExpand(config.text));
  out = out.replace(versionPattern, `JAEGER_VERSION = ${goJson(version)};`);
  if (legacy) {
    const { archiveStorage, metricsStorage } = capabilities;
    out = out.replace(
      storageCapabilitiesPattern,
      `JAEGER_STORAGE_CAPABILITIES = ${goJson({ archiveStorage, metricsStorage })};`,
    );
    out = out.replace(basePathPattern, `<base href="${basePath}/"`);
  } else {
    out = out.replace(
      capabilitiesPattern,
      `JAEGER_BACKEND_CAPABILITIES = ${goJson(capabilities)};`,
    );
  }
  return out;
}

const TYPES = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.map': 'application/json',
  '.html': 'text/html; charset=utf-8',
};

const api = await loadDemoApi();
const prefix = `${basePath}/`;

createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const path = url.pathname;
  if (basePath && path === basePath) {
    // Go's ServeMux redirects a subtree root without its slash.
    res.writeHead(301, { Location: prefix }).end();
    return;
  }
  if (!path.startsWith(prefix)) {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('404 page not found\n');
    return;
  }
  const rest = path.slice(prefix.length);
  if (rest.startsWith('api/')) {
    void api.middleware(req, res, () => {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('404 page not found\n');
    });
    return;
  }
  if (rest.startsWith('static/')) {
    const file = join(assets, normalize(rest).replace(/^(\.\.[/\\])+/, ''));
    let size = -1;
    try {
      const stat = statSync(file);
      if (stat.isFile()) size = stat.size;
    } catch {
      size = -1;
    }
    if (size < 0) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('404 page not found\n');
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': size,
    });
    createReadStream(file).pipe(res);
    return;
  }
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(deriveIndexHTML());
}).listen(port, '127.0.0.1', () =>
  console.log(`jaeger-query stand-in: ${assets} at http://127.0.0.1:${port}${prefix}`),
);
