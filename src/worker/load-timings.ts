/**
 * Where a trace load's time goes inside the worker, for the bench's breakdown of "first rows" and
 * for DevTools: the worker stamps each step of a load, sends the stamps with `loaded`, and the
 * page turns them into `cairn:worker-*` marks on its own timeline.
 *
 * Stamps are epoch milliseconds (timeOrigin + now): a worker's performance clock starts when the
 * worker does, so only absolute times compare across the two timelines.
 */
export interface LoadTimings {
  /** The worker took the request. */
  readonly requested: number;
  /** Response headers (equal to `requested` for a file's bytes). */
  readonly headers: number;
  /** The first and the last chunk of the body arrived. */
  readonly firstChunk: number;
  readonly lastChunk: number;
  /** CPU time spent in the parser while the body arrived (scan and span reading), ms. */
  readonly parseMs: number;
  /** How many chunks the body came in (the per-chunk costs scale with it). */
  readonly chunks: number;
  /** How the body was read: streamed with the WebAssembly skipper or the JS one, or whole. */
  readonly reader: BodyReader;
  /** Buffers the body was read into (byob-read.ts): mapped in ahead, or fresh; 0 and 0: none. */
  readonly warmBuffers: number;
  readonly freshBuffers: number;
  /** The parser finished (tree build done). */
  readonly built: number;
  /** The columns were copied for transfer and `loaded` is being posted. */
  readonly posted: number;
}

export type BodyReader = 'wasm' | 'js' | 'whole';

/** What the body reader measures (parse-input.ts fills it in). */
export interface ReadTimings {
  firstChunk: number;
  lastChunk: number;
  parseMs: number;
  chunks: number;
  reader: BodyReader;
  warmBuffers: number;
  freshBuffers: number;
}

export const epochNow = (): number => performance.timeOrigin + performance.now();

export const newReadTimings = (): ReadTimings => ({
  firstChunk: 0,
  lastChunk: 0,
  parseMs: 0,
  chunks: 0,
  reader: 'whole',
  warmBuffers: 0,
  freshBuffers: 0,
});

const STEPS = ['requested', 'headers', 'firstChunk', 'lastChunk', 'built', 'posted'] as const;

/** Page side: one `cairn:worker-<step>` mark per step, plus `parseMs` as the built mark's detail. */
export function markLoadTimings(timings: LoadTimings): void {
  const origin = performance.timeOrigin;
  for (const step of STEPS) {
    const startTime = timings[step] - origin;
    // A stamp before this page's time origin (a load adopted across navigations) has no place.
    if (startTime >= 0)
      performance.mark(`cairn:worker-${step}`, {
        startTime,
        detail:
          step === 'built'
            ? {
                parseMs: timings.parseMs,
                chunks: timings.chunks,
                reader: timings.reader,
                warmBuffers: timings.warmBuffers,
                freshBuffers: timings.freshBuffers,
              }
            : null,
      });
  }
}

/** Every mark one trace load leaves on the page's timeline. */
const TRACE_MARKS = [
  'cairn:trace-load-start',
  'cairn:trace-loaded',
  ...STEPS.map((step) => `cairn:worker-${step}`),
];

/**
 * Marks the start of a trace load, for the bench's breakdown of "first rows" (DevTools shows it
 * too), and clears the marks of the load before: the timeline keeps one trace's marks, not eight
 * more for every trace opened in the tab.
 */
export function markTraceLoadStart(): void {
  for (const name of TRACE_MARKS) performance.clearMarks(name);
  performance.mark('cairn:trace-load-start');
}
