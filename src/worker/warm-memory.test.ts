import { WarmMemory, type WarmerPort, type WarmerReply, type WarmerRequest } from './warm-memory';

/** A helper worker that hands over buffers only when the test says so. */
function fakeWarmer() {
  const asked: WarmerRequest[] = [];
  const port: WarmerPort = {
    postMessage: (message) => asked.push(message),
    onmessage: null,
  };
  const deliver = (load: number, bytes = 16) =>
    port.onmessage?.({
      data: { load, buffer: new ArrayBuffer(bytes) },
    } as MessageEvent<WarmerReply>);
  return { port, asked, deliver };
}

describe('WarmMemory', () => {
  it('asks the helper for the body in pieces, plus one for the read that finds the end', () => {
    const warmer = fakeWarmer();
    const memory = new WarmMemory(() => warmer.port, 2);
    expect(memory.forBody(0)).toBeNull();
    memory.forBody(9 * 1024 * 1024);
    expect(warmer.asked).toEqual([
      { type: 'warm', load: 1, pieces: 4, pieceBytes: 4 * 1024 * 1024 },
    ]);
  });

  it('hands out warm buffers first, else a fresh one, and then the helper makes one fewer', () => {
    const warmer = fakeWarmer();
    const body = new WarmMemory(() => warmer.port, 2).forBody(100 * 1024 * 1024);
    if (body === null) throw new Error('no memory');
    warmer.deliver(1, 16);
    expect(body.next().byteLength).toBe(16);
    expect(body.next().byteLength).toBe(4 * 1024 * 1024);
    expect(warmer.asked.at(-1)).toEqual({ type: 'fewer', load: 1 });
    expect([body.warmTaken, body.freshTaken]).toEqual([1, 1]);
  });

  it("drops an earlier body's late buffers and stops the helper when the body is read", () => {
    const warmer = fakeWarmer();
    const memory = new WarmMemory(() => warmer.port, 2);
    const first = memory.forBody(100 * 1024 * 1024);
    const second = memory.forBody(100 * 1024 * 1024);
    if (first === null || second === null) throw new Error('no memory');
    warmer.deliver(1, 16);
    expect(second.next().byteLength).toBe(4 * 1024 * 1024);
    warmer.deliver(2, 32);
    second.release();
    expect(warmer.asked.at(-1)).toEqual({ type: 'warm', load: 3, pieces: 0, pieceBytes: 0 });
    warmer.deliver(2, 32);
    expect(second.next().byteLength).toBe(4 * 1024 * 1024);
  });

  it('keeps a body of unknown size a few buffers ahead from its first buffer on', () => {
    const warmer = fakeWarmer();
    let started = 0;
    const body = new WarmMemory(() => {
      started += 1;
      return warmer.port;
    }, 2).forBody(-1);
    if (body === null) throw new Error('no memory');
    // A gzip'd body may be small: no helper, nothing mapped before the reader asks for a buffer.
    expect([started, warmer.asked]).toEqual([0, []]);
    expect(body.next().byteLength).toBe(4 * 1024 * 1024);
    expect(warmer.asked).toEqual([
      { type: 'warm', load: 1, pieces: 8, pieceBytes: 4 * 1024 * 1024 },
    ]);
    warmer.deliver(1, 16);
    expect(body.next().byteLength).toBe(16);
    // A warm buffer taken is replaced, so the lead stays; a fresh one changes nothing.
    expect(warmer.asked.at(-1)).toEqual({ type: 'more', load: 1 });
    body.next();
    expect(warmer.asked).toHaveLength(2);
    expect([body.warmTaken, body.freshTaken]).toEqual([1, 2]);
  });

  it('leaves the helper out when the loads at once take every core', () => {
    const warmer = fakeWarmer();
    const memory = new WarmMemory(() => warmer.port, 2);
    // Two traces side by side on two cores (the compare page): no core left for the helper.
    expect(memory.forBody(100 * 1024 * 1024, 2)).toBeNull();
    expect(warmer.asked).toEqual([]);
    expect(new WarmMemory(() => warmer.port, 4).forBody(100 * 1024 * 1024, 2)).not.toBeNull();
  });

  it('reads into fresh memory where no helper can start', () => {
    const memory = new WarmMemory(() => {
      throw new Error('Worker is not defined');
    });
    expect(memory.forBody(100 * 1024 * 1024)).toBeNull();
  });

  it("maps in one block asked for at a body's end while its helper runs, handed out once", () => {
    const warmer = fakeWarmer();
    const memory = new WarmMemory(() => warmer.port, 2);
    const deliverBlock = (block: number, bytes: number) =>
      warmer.port.onmessage?.({
        data: { load: -1, buffer: new ArrayBuffer(bytes), block },
      } as MessageEvent<WarmerReply>);
    // No helper yet (a small body): nothing is asked.
    memory.ask(1_000);
    expect([warmer.asked, memory.pending]).toEqual([[], false]);
    memory.forBody(100 * 1024 * 1024);
    memory.ask(1_000);
    expect(warmer.asked.at(-1)).toEqual({ type: 'block', block: 1, bytes: 1_000 });
    expect(memory.pending).toBe(true);
    // Not body pieces: a block never lands among them.
    deliverBlock(1, 1_000);
    expect(memory.pending).toBe(false);
    expect(memory.take(2_000)).toBeNull();
    memory.ask(500);
    deliverBlock(1, 500);
    expect(memory.pending).toBe(true);
    deliverBlock(2, 500);
    expect(memory.take(500)?.byteLength).toBe(500);
    expect(memory.take(500)).toBeNull();
  });
});
