/**
 * The bench's HTTP server: the built app from `distDir` (SPA fallback to index.html), the big
 * demo traces from files generated once into `cacheDir` (served with Content-Length, as a real
 * Jaeger behind a proxy would), and every other /api request from the demo backend
 * (src/mocks/node-server.ts, loaded through Vite's SSR loader so no TS runner is needed).
 *
 * Pre-generating the big traces keeps the generator's CPU time out of the measurement: on a
 * 2-core machine it would otherwise compete with the browser.
 */
import {
  createReadStream,
  existsSync,
  mkdirSync,
  renameSync,
  statSync,
  createWriteStream,
  readFileSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { loadSourceModules } from '../scripts/demo-api.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
};

/** Loads the demo backend and the big-trace generator from TypeScript sources. */
async function loadMocks() {
  const { modules, close } = await loadSourceModules([
    '/src/mocks/node-server.ts',
    '/src/mocks/big-traces.ts',
    '/src/mocks/big-trace-stream.ts',
  ]);
  const [nodeServer, bigTraces, bigStream] = modules;
  return { close, nodeServer, bigTraces, bigStream };
}

/** The generator's sources: a change to any of them makes new trace files. */
const GENERATOR_FILES = [
  'big-traces.ts',
  'big-trace-stream.ts',
  'realistic-spans.ts',
  'encode-otlp.ts',
  'encode-v1.ts',
  'demo-trace.ts',
  'prng.ts',
];

function generatorHash(root) {
  const hash = createHash('sha256');
  for (const name of GENERATOR_FILES) hash.update(readFileSync(join(root, 'src', 'mocks', name)));
  return hash.digest('hex').slice(0, 12);
}

/** Writes the trace body once per (generator version, format, id); later runs reuse the file. */
async function ensureBigTraceFile(mocks, cacheDir, traceId, format, version) {
  mkdirSync(cacheDir, { recursive: true });
  const file = join(cacheDir, `${traceId}.${version}.${format}.json`);
  if (existsSync(file)) return file;
  const spec = mocks.bigTraces.parseBigTraceId(traceId);
  if (!spec) throw new Error(`Not a big demo trace id: ${traceId}`);
  const partial = `${file}.partial`;
  const out = createWriteStream(partial);
  const start = Date.UTC(2024, 5, 11) * 1000;
  for await (const chunk of mocks.bigStream.bigTraceChunks(spec, format, 20_240_611, start)) {
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  renameSync(partial, file);
  return file;
}

/**
 * Read size for served files. The server shares the 2 cores with the browser it serves, which a
 * real Jaeger does not: with Node's 64 KB reads it spent 0.75-1.3 s of CPU on a 1M-span body
 * (847 MB), with 512 KB ones 0.38-0.52 s (1 MB ones were sometimes slower: 1.3-1.4 s).
 */
const READ_BYTES = 512 * 1024;

function serveFile(res, file, type) {
  const size = statSync(file).size;
  res.writeHead(200, { 'Content-Type': type, 'Content-Length': size, 'Cache-Control': 'no-store' });
  createReadStream(file, { highWaterMark: READ_BYTES }).pipe(res);
}

/** The file gzip'd once beside it, at the level jaeger-query's compressing handler uses (6). */
async function ensureGzipFile(file) {
  const gz = `${file}.gz`;
  if (existsSync(gz)) return gz;
  await pipeline(
    createReadStream(file),
    createGzip({ level: 6 }),
    createWriteStream(`${gz}.partial`),
  );
  renameSync(`${gz}.partial`, gz);
  return gz;
}

/** As jaeger-query answers: gzip'd and chunked, so the size is unknown until the end. */
function serveGzipFile(res, gz) {
  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Content-Encoding': 'gzip',
    'Cache-Control': 'no-store',
  });
  createReadStream(gz, { highWaterMark: READ_BYTES }).pipe(res);
}

/** Node-style demo handler: whichever adapter shape src/mocks/node-server.ts exports. */
function demoHandler(nodeServer) {
  const candidate =
    nodeServer.handleNodeRequest ??
    nodeServer.demoMiddleware ??
    nodeServer.createDemoMiddleware?.() ??
    nodeServer.default;
  if (typeof candidate !== 'function') {
    throw new Error(
      `src/mocks/node-server.ts exports no request handler (has: ${Object.keys(nodeServer).join(', ')})`,
    );
  }
  return candidate;
}

/**
 * `gzip`: the big traces are sent gzip'd without a Content-Length, as jaeger-query sends its API
 * (its HTTP handler compresses every answer); otherwise as files, with their size.
 */
export async function startBenchServer({
  root,
  distDir,
  cacheDir,
  port = 0,
  bigTraceIds = [],
  gzip = false,
}) {
  const mocks = await loadMocks();
  const version = generatorHash(root);
  /** Body size in bytes per trace id and format, for the report's bytes per span and MB/s. */
  const bodyBytes = {};
  for (const id of bigTraceIds) {
    bodyBytes[id] = {};
    for (const format of ['otlp', 'v1']) {
      const file = await ensureBigTraceFile(mocks, cacheDir, id, format, version);
      bodyBytes[id][format] = statSync(file).size;
      if (gzip) await ensureGzipFile(file);
    }
  }
  const bigIds = new Set(bigTraceIds);
  const handleDemo = demoHandler(mocks.nodeServer);

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const v3 = /^\/api\/v3\/traces\/([0-9a-f]+)$/i.exec(url.pathname);
    const v1 = /^\/api\/traces\/([0-9a-f]+)$/i.exec(url.pathname);
    const big = v3 ?? v1;
    if (big?.[1] && bigIds.has(big[1].toLowerCase())) {
      const file = join(cacheDir, `${big[1].toLowerCase()}.${version}.${v3 ? 'otlp' : 'v1'}.json`);
      if (gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? ''))
        serveGzipFile(res, `${file}.gz`);
      else serveFile(res, file, 'application/json');
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      Promise.resolve(
        handleDemo(req, res, () => {
          res.writeHead(404).end();
        }),
      ).catch((error) => {
        res.writeHead(500).end(String(error));
      });
      return;
    }
    const path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(distDir, path);
    if (file.startsWith(distDir) && existsSync(file) && statSync(file).isFile()) {
      serveFile(res, file, TYPES[extname(file)] ?? 'application/octet-stream');
    } else {
      serveFile(res, join(distDir, 'index.html'), TYPES['.html']);
    }
  });
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}/`;
  return {
    url,
    bodyBytes,
    /** Serves a big trace's v3 body once, read and dropped here, to warm the server's path. */
    warm: async (traceId) => {
      const response = await fetch(new URL(`api/v3/traces/${traceId}`, url));
      for await (const chunk of response.body ?? []) void chunk;
    },
    close: async () => {
      server.close();
      server.closeAllConnections?.();
      await mocks.close();
    },
  };
}
