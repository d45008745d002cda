import { TraceWorkerClient } from '../trace-worker-client';

/** A client for tests that must not reach a worker: any request fails loudly. */
export const noWorkerClient = () =>
  new TraceWorkerClient(() => {
    throw new Error('This test has no trace worker');
  });
