import fc from 'fast-check';
import { textPieceSearch } from '../document/needle-scan';
import type { PieceSearch } from './wasm-needle-search';
import { wasmPieceSearch } from './wasm-needle-search';

/** Every occurrence, the reference way: ASCII letters fold, every other byte is itself. */
function reference(bytes: Uint8Array, needle: string): number[] {
  const fold = (b: number): number => (b >= 0x41 && b <= 0x5a ? b + 32 : b);
  const out: number[] = [];
  for (let s = 0; s + needle.length <= bytes.length; s++) {
    let hit = true;
    for (let i = 0; i < needle.length && hit; i++)
      hit = fold(bytes[s + i] ?? 0) === needle.charCodeAt(i);
    if (hit) out.push(s);
  }
  return out;
}

function all(search: PieceSearch, head: Uint8Array, piece: Uint8Array): number[] {
  search.load(head, piece);
  const out: number[] = [];
  for (let i = search.next(0); i !== -1; i = search.next(i + 1)) out.push(i);
  return out;
}

const searchers = {
  webassembly: (needle: string) => {
    const search = wasmPieceSearch(needle);
    if (search === null) throw new Error('WebAssembly search unavailable');
    return search;
  },
  text: textPieceSearch,
};

describe.each(Object.entries(searchers))('%s piece search', (_, searcher) => {
  // Bytes from a small alphabet (letters of both cases, JSON punctuation, non-ASCII, zero), so
  // needles occur often, near the ends, overlapping, and beside bytes that fold to them.
  const alphabet = [
    0x61, 0x62, 0x41, 0x42, 0x40, 0x60, 0x22, 0x3a, 0x20, 0x5f, 0x7f, 0xc3, 0xa1, 0xe1, 0,
  ];
  const bytes = fc
    .uint8Array({ maxLength: 300 })
    .map((raw) => raw.map((b) => alphabet[b % alphabet.length] ?? 0));
  const needle = fc.stringMatching(/^[ab _:`]{1,5}$/);

  it('finds every occurrence the reference finds, across the head and the piece', () => {
    fc.assert(
      fc.property(bytes, bytes, needle, (head, piece, text) => {
        const joined = new Uint8Array([...head, ...piece]);
        expect(all(searcher(text), head, piece)).toEqual(reference(joined, text));
      }),
      { numRuns: 500 },
    );
  });

  it('finds the same wherever the piece lies in its buffer (the copy follows its alignment)', () => {
    fc.assert(
      fc.property(bytes, bytes, needle, fc.nat(127), (head, piece, text, offset) => {
        const buffer = new Uint8Array(offset + piece.length);
        buffer.set(piece, offset);
        const joined = new Uint8Array([...head, ...piece]);
        expect(all(searcher(text), head, buffer.subarray(offset))).toEqual(reference(joined, text));
      }),
      { numRuns: 300 },
    );
  });

  it('a later load replaces the bytes; a start past the end finds nothing', () => {
    const search = searcher('orders');
    const encode = (text: string) => new TextEncoder().encode(text);
    expect(all(search, encode('GET /ORD'), encode('ERS and orders'))).toEqual([5, 16]);
    expect(all(search, new Uint8Array(0), encode('no match here'))).toEqual([]);
    search.load(new Uint8Array(0), encode('orders'));
    expect(search.next(6)).toBe(-1);
  });
});
