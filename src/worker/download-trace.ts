/**
 * A trace URL downloaded and parsed while its body arrives, as the engine's `load-url` does it:
 * fetchResponse's timeout covers the headers, and the same timeout fires again whenever the body
 * stalls for as long. A body without a trace that is an HTML page (a login page) says so.
 */
import { BODY_EXCERPT_LIMIT } from '../api/api-error';
import { fetchResponse, looksLikeHtml, notJsonFailure } from '../api/http';
import type { ParseResult } from '../model/parse-document';
import { epochNow, newReadTimings, type LoadTimings } from './load-timings';
import { parseBytes, parseStream, type ParserDeps, type Progress } from './parse-input';
import { errorOfKind } from './wire-error';
import { watchForStall, type StallWatch } from './stall-watch';

export interface Downloaded {
  readonly result: ParseResult;
  readonly timings: Omit<LoadTimings, 'posted'>;
}

export async function downloadTrace(
  url: string,
  timeoutMs: number,
  deps: ParserDeps,
  controller: AbortController,
  onProgress: (progress: Progress) => void,
  /** Traces the page downloads at once, this one included (parse-input.ts's ReadOptions). */
  loadsAtOnce = 1,
): Promise<Downloaded> {
  const requested = epochNow();
  let stall: StallWatch | undefined;
  let timedOut = false;
  try {
    const response = await fetchResponse(url, { signal: controller.signal, timeoutMs });
    const headers = epochNow();
    const length = Number(response.headers.get('Content-Length') ?? '');
    // A gzip'd body's Content-Length counts compressed bytes; progress may then pass 100%.
    const bytesTotal =
      Number.isFinite(length) && length > 0 && !response.headers.get('Content-Encoding')
        ? length
        : -1;
    stall = watchForStall(timeoutMs, () => {
      timedOut = true;
      controller.abort(new Error('timeout'));
    });
    const { touch } = stall;
    const read = newReadTimings();
    // The first bytes, kept to say what a body without a trace was.
    let head: Uint8Array | undefined;
    const options = {
      bytesTotal,
      onProgress,
      isCancelled: () => controller.signal.aborted,
      onChunk: (chunk: Uint8Array) => {
        touch();
        if (head === undefined && chunk.byteLength > 0)
          head = chunk.slice(0, BODY_EXCERPT_LIMIT * 4);
      },
      timings: read,
      loadsAtOnce,
    };
    const result = response.body
      ? await parseStream(response.body, deps, options)
      : await parseBytes(new Uint8Array(await response.arrayBuffer()), deps, options);
    if (result.traces.length === 0 && head !== undefined) {
      // Classified as the API client classifies the bodies it reads whole (api/http.ts).
      const text = new TextDecoder().decode(head);
      if (looksLikeHtml(text)) throw notJsonFailure(text, url, 'a trace');
    }
    return { result, timings: { requested, headers, ...read, built: epochNow() } };
  } catch (error) {
    if (!timedOut) throw error;
    throw errorOfKind(
      'timeout',
      `The trace download from ${url} stalled for ${timeoutMs / 1000} s`,
    );
  } finally {
    stall?.stop();
  }
}
