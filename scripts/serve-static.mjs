// Serves a built Cairn like a production ingress would: under an optional sub-path, with the
// SPA fallback to index.html, served unchanged (the page finds its base path itself). With
// `--api demo`, `/api` under the base is answered by the demo backend, standing in for Jaeger.
// Usage: node scripts/serve-static.mjs <dir> [--port 4173] [--base /jaeger/] [--api demo]
//        [--demo-traces N]
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { loadDemoApi } from './demo-api.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
};
const root = resolve(args[0] ?? 'dist');
const port = Number(option('port', '4173'));
const base = option('base', '/');
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.map': 'application/json',
};
// Read per request: the bundle may be rebuilt while this server runs.
const index = () => readFileSync(join(root, 'index.html'), 'utf8');
// `--demo-traces N`: a corpus of N ordinary traces instead of 240 (the graph bench searches
// 1,500 of its HotROD traces).
const demoTraces = Number(option('demo-traces', '0'));
const api =
  option('api', '') === 'demo'
    ? await loadDemoApi(demoTraces > 0 ? { traceCount: demoTraces } : undefined)
    : undefined;

createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (!url.pathname.startsWith(base)) {
    res.writeHead(404).end('not under base path');
    return;
  }
  if (api && url.pathname.startsWith(`${base}api/`)) {
    void api.middleware(req, res);
    return;
  }
  const relative = normalize(url.pathname.slice(base.length)).replace(/^(\.\.[/\\])+/, '');
  const file = join(root, relative);
  let isFile = false;
  try {
    isFile = relative !== '' && statSync(file).isFile();
  } catch {
    isFile = false;
  }
  if (isFile && relative !== 'index.html') {
    res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
    return;
  }
  res.writeHead(200, { 'Content-Type': types['.html'] }).end(index());
}).listen(port, '127.0.0.1', () =>
  console.log(`serving ${root} at http://127.0.0.1:${port}${base}`),
);
