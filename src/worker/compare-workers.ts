/**
 * The compare page's trace workers: the app's one trace worker (the primary) and a helper, so two
 * traces download and parse on two cores at once instead of one after the other in one worker.
 * The two are linked by a MessageChannel: the diff runs in the primary, which asks the helper for
 * a copy of the columns of the traces the helper loaded (peer-link.ts). The main thread relays
 * nothing, and every other page keeps using the primary alone.
 *
 * Only with cores to spare: on 2 cores two parsing workers left none for the page, the browser
 * and the network, and the primary alone (its second parse in code already optimized, no copy of
 * columns for the diff) gave the first diff rows ~85 ms sooner at 10k and ~70 ms at 100k
 * (docs/benchmarks.md). There the helper never starts.
 *
 * A handle names its worker (odd: primary, even: helper; peer-messages.ts), so span details and
 * releases go to `ownerOf(handle)`.
 */
import { ownerOfHandle } from './peer-messages';
import {
  startTraceWorker,
  traceWorkerClient,
  TraceWorkerClient,
  type TraceWorkerError,
} from './trace-worker-client';

export class CompareWorkers {
  private linked = '';

  constructor(
    readonly primary: TraceWorkerClient,
    private readonly helper: TraceWorkerClient,
    private readonly createChannel: () => MessageChannel = () => new MessageChannel(),
    /** Whether traces load in both workers at once: with more than 2 cores. */
    private readonly parallel: boolean = (globalThis.navigator?.hardwareConcurrency ?? 1) > 2,
  ) {}

  /** The worker that loads the `slot`-th distinct trace of a comparison: they alternate. */
  forSlot(slot: number): TraceWorkerClient {
    this.link();
    return this.parallel && slot % 2 === 1 ? this.helper : this.primary;
  }

  /** The worker holding trace `handle` (span details, release). */
  ownerOf(handle: number): TraceWorkerClient {
    return ownerOfHandle(handle) === 'helper' ? this.helper : this.primary;
  }

  /** The worker that diffs: the primary, which reaches the helper's traces through the link. */
  differ(): TraceWorkerClient {
    this.link();
    return this.primary;
  }

  /**
   * Calls `listener` when either worker crashes: a comparison loses the traces that worker held
   * (and, when it is the primary, the diff). Loading again starts a new worker and links it.
   */
  onCrash(listener: (error: TraceWorkerError) => void): () => void {
    const offs = [this.primary.onCrash(listener), this.helper.onCrash(listener)];
    return () => offs.forEach((off) => off());
  }

  /** Starts both workers (and links them) now, so they boot while the page gets ready. */
  prewarm(): void {
    this.link();
  }

  /** Starts both workers and links them; again after either was replaced (it crashed). */
  private link(): void {
    this.primary.prewarm();
    if (!this.parallel) return;
    this.helper.prewarm();
    const starts = `${this.primary.startCount}:${this.helper.startCount}`;
    if (starts === this.linked) return;
    this.linked = starts;
    const channel = this.createChannel();
    this.helper.connectPeer(channel.port2, 'helper');
    this.primary.connectPeer(channel.port1, 'primary');
  }
}

/** The worker channel the compare page loads its `slot`-th distinct trace on. */
export const compareLoadChannel = (slot: number): string => `load:compare-${slot}`;

let shared: CompareWorkers | null = null;

/** The compare page's pair of workers, the helper created on first use. */
export function compareWorkers(): CompareWorkers {
  shared ??= new CompareWorkers(traceWorkerClient(), new TraceWorkerClient(startTraceWorker));
  return shared;
}
