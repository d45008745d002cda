/**
 * The worker's side of `load-paths` (trace-paths-messages.ts): download and parse as `load-url`
 * does, then pack the paths of every trace into a few shared columns and string tables, and
 * drop the parsed traces (nothing is registered, so nothing needs releasing).
 */
import type { ParsedTrace } from '../model/parse-document';
import { downloadTrace } from './download-trace';
import { epochNow } from './load-timings';
import type { ParserDeps } from './parse-input';
import type { LoadPathsRequest, TracePaths, TracePathsResponse } from './trace-paths-messages';
import { toWireError } from './wire-error';
import type { WorkerResponse } from './messages';

export function packTracePaths(parsed: readonly ParsedTrace[]): TracePaths {
  let total = 0;
  for (const { trace } of parsed) total += trace.columns.spanCount;
  const offset = new Int32Array(parsed.length + 1);
  const parent = new Int32Array(total);
  const subtreeEnd = new Int32Array(total);
  const service = new Int32Array(total);
  const operation = new Int32Array(total);
  const services = new Table();
  const operations = new Table();
  let at = 0;
  parsed.forEach(({ trace }, t) => {
    const columns = trace.columns;
    const n = columns.spanCount;
    offset[t] = at;
    parent.set(columns.parent.subarray(0, n), at);
    subtreeEnd.set(columns.subtreeEnd.subarray(0, n), at);
    const serviceOf = trace.services.map((name) => services.indexOf(name));
    const operationOf = trace.operations.map((name) => operations.indexOf(name));
    for (let i = 0; i < n; i++) {
      service[at + i] = serviceOf[columns.service[i] ?? 0] ?? 0;
      operation[at + i] = operationOf[columns.operation[i] ?? 0] ?? 0;
    }
    at += n;
  });
  offset[parsed.length] = at;
  return {
    traceIds: parsed.map(({ trace }) => trace.traceId),
    offset,
    parent,
    subtreeEnd,
    service,
    operation,
    services: services.names,
    operations: operations.names,
  };
}

class Table {
  readonly names: string[] = [];
  private readonly index = new Map<string, number>();
  indexOf(name: string): number {
    let at = this.index.get(name);
    if (at === undefined) {
      at = this.names.length;
      this.names.push(name);
      this.index.set(name, at);
    }
    return at;
  }
}

/** Answers one `load-paths`; `controller` is the request's (a `cancel` aborts it). */
export async function answerLoadPaths(
  request: LoadPathsRequest,
  deps: ParserDeps,
  controller: AbortController,
  post: (message: WorkerResponse, transfer?: Transferable[]) => void,
): Promise<void> {
  const { id, url } = request;
  try {
    const { result, timings } = await downloadTrace(
      url,
      request.timeoutMs,
      deps,
      controller,
      () => undefined,
    );
    if (result.traces.length === 0 && result.errors.length > 0) {
      const message = `No trace in ${url}: ${result.errors.join('; ')}`;
      post({ type: 'error', id, error: { kind: 'parse', url, message } });
      return;
    }
    const paths = packTracePaths(result.traces);
    const response: TracePathsResponse = {
      type: 'trace-paths',
      id,
      paths,
      errors: result.errors,
      timings: { ...timings, posted: epochNow() },
    };
    post(response, [
      paths.offset.buffer,
      paths.parent.buffer,
      paths.subtreeEnd.buffer,
      paths.service.buffer,
      paths.operation.buffer,
    ]);
  } catch (error) {
    post({ type: 'error', id, error: toWireError(error, url) });
  }
}
