/**
 * The demo backend as a Node HTTP handler, usable as `http.createServer(handler)` or as a
 * Vite/connect middleware `(req, res, next)` (benchmarks, e2e without a service worker). Big
 * traces are written chunk by chunk, waiting for 'drain', so memory stays flat.
 *
 * The request/response types are structural so this file needs no Node type definitions (it
 * is compiled with the browser code); node:http's objects satisfy them.
 */
import type { DemoHandlerOptions } from './demo-handler';
import { createDemoHandler, handleDemoRequest } from './demo-handler';

export interface NodeRequestLike {
  readonly method?: string;
  readonly url?: string;
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
}

export interface NodeResponseLike {
  statusCode: number;
  setHeader(name: string, value: string): unknown;
  write(chunk: Uint8Array): boolean;
  end(): unknown;
  once(event: 'drain' | 'close', listener: () => void): unknown;
  readonly destroyed?: boolean;
}

export type DemoMiddleware = (
  req: NodeRequestLike,
  res: NodeResponseLike,
  next?: (error?: unknown) => void,
) => Promise<void>;

export function createDemoMiddleware(options?: DemoHandlerOptions): DemoMiddleware {
  const handle = options ? createDemoHandler(options) : handleDemoRequest;
  return async (req, res, next) => {
    try {
      const host = typeof req.headers.host === 'string' ? req.headers.host : 'localhost';
      const request = new Request(new URL(req.url ?? '/', `http://${host}`), {
        method: req.method ?? 'GET',
      });
      const response = await handle(request);
      if (!response) {
        if (next) next();
        else {
          res.statusCode = 404;
          res.end();
        }
        return;
      }
      res.statusCode = response.status;
      response.headers.forEach((value, name) => res.setHeader(name, value));
      await pipeBody(response, res);
    } catch (error) {
      if (next) next(error);
      else {
        res.statusCode = 500;
        res.end();
      }
    }
  };
}

async function pipeBody(response: Response, res: NodeResponseLike): Promise<void> {
  if (!response.body) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  let closed = false;
  res.once('close', () => {
    // Client went away: stop generating the rest of a big trace.
    closed = true;
    void reader.cancel();
  });
  for (;;) {
    const { value, done } = await reader.read();
    if (done || closed || res.destroyed) break;
    if (!res.write(value)) {
      await new Promise<void>((resolve) => {
        res.once('drain', resolve);
        res.once('close', resolve);
      });
    }
  }
  res.end();
}

/** The shared demo backend as middleware. */
export const demoMiddleware: DemoMiddleware = createDemoMiddleware();
