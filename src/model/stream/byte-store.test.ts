import { ByteStore } from './byte-store';

const text = (store: ByteStore) => new TextDecoder().decode(store.bytes(0, store.byteLength));

/** What a BYOB read does to the buffer it fills: moves it under a new ArrayBuffer object. */
const transferred = (buffer: ArrayBuffer): ArrayBuffer =>
  structuredClone(buffer, { transfer: [buffer] });

describe('ByteStore', () => {
  it('re-points chunks a later read into their buffer detached', () => {
    const store = new ByteStore();
    let buffer = new ArrayBuffer(12);
    new Uint8Array(buffer).set(new TextEncoder().encode('abcdefghijkl'));
    store.append(new Uint8Array(buffer, 0, 3));
    store.append(new Uint8Array(buffer, 3, 2));
    buffer = transferred(buffer);
    store.append(new Uint8Array(buffer, 5, 4));
    expect(text(store)).toBe('abcdefghi');
    expect(store.bytes(2, 7)).toEqual(new TextEncoder().encode('cdefg'));
    // The stream's end: an empty view of the buffer's last incarnation.
    buffer = transferred(buffer);
    store.append(new Uint8Array(buffer, 9, 0));
    expect(store.byteLength).toBe(9);
    expect(text(store)).toBe('abcdefghi');
    expect(store.chunkList.map((chunk) => chunk.length)).toEqual([3, 2, 4]);
  });

  it('leaves chunks of other buffers alone', () => {
    const store = new ByteStore();
    const first = new TextEncoder().encode('xyz');
    store.append(first);
    const second = new ArrayBuffer(4);
    new Uint8Array(second).set([49, 50, 51, 52]);
    store.append(new Uint8Array(second, 0, 2));
    store.append(new Uint8Array(transferred(second), 2, 2));
    expect(text(store)).toBe('xyz1234');
    expect(store.chunkList[0]).toBe(first);
  });
});
