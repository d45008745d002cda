import type { WorkerRequest, WorkerResponse } from '../messages';
import type { WorkerLike } from '../trace-worker-client';

export type ManualWorker = WorkerLike & {
  readonly requests: WorkerRequest[];
  reply(message: WorkerResponse): void;
  /** Set by terminate(). */
  terminated: boolean;
};

/** A worker that records requests; the test decides when and in which order replies arrive. */
export function manualWorker(): ManualWorker {
  const worker: ManualWorker = {
    requests: [],
    terminated: false,
    onmessage: null,
    onerror: null,
    postMessage(message) {
      worker.requests.push(message);
    },
    terminate() {
      worker.terminated = true;
    },
    reply(message) {
      worker.onmessage?.({ data: message } as MessageEvent<WorkerResponse>);
    },
  };
  return worker;
}
