/**
 * Lets queued messages (a newer find, a span-detail request, a cancel) run between slices of long
 * work in a worker. A MessageChannel round trip does not wait: nested setTimeout(0) is clamped to
 * 4 ms, which a scan of a hundred slices would pay a hundred times.
 */
let channel: MessageChannel | null = null;
const waiting: (() => void)[] = [];

export function yieldToEvents(): Promise<void> {
  if (channel === null) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  const port = channel.port2;
  return new Promise<void>((resolve) => {
    waiting.push(resolve);
    port.postMessage(null);
  });
}
