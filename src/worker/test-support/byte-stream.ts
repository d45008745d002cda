/**
 * Test support: a byte stream (as a fetch body is) that answers reads with at most the next of
 * `sizes` bytes (cycling), into the reader's own buffer when it lends one (BYOB).
 */
export function byteStreamOf(
  bytes: Uint8Array,
  sizes: readonly number[],
): ReadableStream<Uint8Array> {
  let at = 0;
  let turn = 0;
  return new ReadableStream({
    type: 'bytes',
    pull(controller) {
      if (at >= bytes.length) {
        controller.close();
        // A pending BYOB read learns of the end through its request.
        controller.byobRequest?.respond(0);
        return;
      }
      const size = Math.max(1, sizes[turn++ % Math.max(1, sizes.length)] ?? bytes.length);
      const request = controller.byobRequest;
      const view = request?.view;
      if (request && view) {
        const n = Math.min(size, view.byteLength, bytes.length - at);
        new Uint8Array(view.buffer, view.byteOffset, n).set(bytes.subarray(at, at + n));
        at += n;
        request.respond(n);
        return;
      }
      const n = Math.min(size, bytes.length - at);
      controller.enqueue(bytes.slice(at, at + n));
      at += n;
    },
  });
}
