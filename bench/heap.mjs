/**
 * JS heap of the page and of its workers through CDP. Workers are reached with
 * Target.setAutoAttach (non-flattened) and Target.sendMessageToTarget, since Playwright's
 * CDPSession cannot address a flattened child session.
 */
export async function createHeapProbe(context, page) {
  const cdp = await context.newCDPSession(page);
  const workers = new Map();
  let nextId = 1;
  const waiting = new Map();
  cdp.on('Target.attachedToTarget', (event) => {
    if (event.targetInfo.type === 'worker') workers.set(event.sessionId, event.targetInfo.url);
  });
  cdp.on('Target.detachedFromTarget', (event) => workers.delete(event.sessionId));
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    const message = JSON.parse(event.message);
    const resolve = waiting.get(message.id);
    if (resolve) {
      waiting.delete(message.id);
      resolve(message.result ?? { error: message.error });
    }
  });
  await cdp.send('Target.setAutoAttach', {
    autoAttach: true,
    waitForDebuggerOnStart: false,
    flatten: false,
  });

  const sendToWorker = (sessionId, method, params = {}) =>
    new Promise((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      cdp
        .send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id, method, params }),
        })
        .catch(() => {
          waiting.delete(id);
          resolve({});
        });
      setTimeout(() => {
        if (waiting.delete(id)) resolve({});
      }, 10_000);
    });

  return {
    /**
     * Bytes after a GC: V8 heap plus ArrayBuffer backing stores (typed-array columns and the
     * worker's retained input live there, outside `usedSize`), for the page and its workers.
     */
    async measure() {
      await cdp.send('HeapProfiler.collectGarbage').catch(() => undefined);
      const pageHeap = await cdp.send('Runtime.getHeapUsage');
      const page = pageHeap.usedSize + (pageHeap.backingStorageSize ?? 0);
      let workerBytes = 0;
      for (const sessionId of workers.keys()) {
        await sendToWorker(sessionId, 'HeapProfiler.collectGarbage');
        const usage = await sendToWorker(sessionId, 'Runtime.getHeapUsage');
        workerBytes += (usage.usedSize ?? 0) + (usage.backingStorageSize ?? 0);
      }
      return { page, workers: workerBytes, total: page + workerBytes, workerCount: workers.size };
    },
    async close() {
      await cdp.detach().catch(() => undefined);
    },
  };
}
