import fc from 'fast-check';
import { idKey } from '../ids';
import { IdTable } from './id-table';
import { InternedKeys, SpanIdKeys } from './span-id-keys';

/** Ids of every spelling the key must tell apart or join: zero-padded, long, upper case, text. */
const idArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', '0', '00', '0000000000000000', 'span-1', '0xyz', 'AB', 'ab', '00ab', 'Ab'),
  // Prefixes of each other, and the 32-bit boundary: string order is not numeric order.
  fc.constantFrom(
    'a',
    'ab0',
    'ab00',
    'b',
    'ffffffff',
    'ffffffff0',
    '100000000',
    'ffffffffffffffff',
  ),
  fc.stringMatching(/^0{0,3}[0-9a-f]{1,18}$/),
  fc.stringMatching(/^[0-9a-fA-F]{1,4}$/),
  fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }).map((v) => v.toString(16).padStart(16, '0')),
);

function keysOf(ids: readonly string[]): SpanIdKeys {
  const keys = new SpanIdKeys(new InternedKeys(), 1);
  keys.grow(ids.length);
  ids.forEach((id, i) => keys.set(i, id));
  return keys;
}

describe('SpanIdKeys', () => {
  it('keeps the key idKey spells, equal and ordered exactly as the strings are', () => {
    fc.assert(
      fc.property(fc.array(idArb, { minLength: 2, maxLength: 12 }), (ids) => {
        const keys = keysOf(ids);
        for (let a = 0; a < ids.length; a++) {
          const textA = idKey(ids[a] ?? '');
          expect(keys.text(a)).toBe(textA);
          expect(keys.isEmpty(a)).toBe(textA === '');
          for (let b = 0; b < ids.length; b++) {
            const textB = idKey(ids[b] ?? '');
            expect(Math.sign(keys.compare(a, b))).toBe(
              textA === textB ? 0 : textA < textB ? -1 : 1,
            );
          }
        }
      }),
    );
  });

  it('reads 64-bit hex ids as their two halves', () => {
    const keys = keysOf(['ffffffff00000001', '00000000000000ab', '8000000000000000']);
    expect([keys.hi[0], keys.lo[0], keys.odd[0]]).toEqual([-1, 1, 0]);
    expect([keys.hi[1], keys.lo[1], keys.odd[1]]).toEqual([0, 0xab, 0]);
    expect([keys.hi[2], keys.lo[2]]).toEqual([-0x80000000, 0]);
  });

  it('finds each id by the key of another spelling, and reports the first of duplicates', () => {
    fc.assert(
      fc.property(fc.array(idArb, { maxLength: 40 }), idArb, (ids, probe) => {
        const interned = new InternedKeys();
        const keys = new SpanIdKeys(interned, ids.length);
        ids.forEach((id, i) => keys.set(i, id));
        const table = new IdTable(keys, ids.length);
        ids.forEach((id, i) => {
          const first = ids.findIndex((other) => idKey(other) === idKey(id));
          expect(table.addFirst(i)).toBe(first === i ? -1 : first);
        });
        const lookup = new SpanIdKeys(interned, 1);
        const known = lookup.set(0, probe, false);
        const expected = ids.findIndex((id) => idKey(id) === idKey(probe));
        expect(known ? table.find(lookup, 0) : -1).toBe(expected);
      }),
    );
  });
});
