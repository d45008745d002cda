import fc from 'fast-check';
import { TextCache, plainText, readScalar } from './json-text';

const encode = (text: string) => new TextEncoder().encode(text);

describe('plainText', () => {
  it('gives the text of ASCII and UTF-8 content of any length', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: 'grapheme' })), (s) => {
        const bytes = encode(`x${s}y`);
        expect(plainText(bytes, 1, bytes.length - 1)).toBe(s);
      }),
    );
  });
});

describe('TextCache', () => {
  it('gives each byte sequence its own text, across collisions and evictions', () => {
    // Far more distinct strings than slots, repeated in random order: every answer must still be
    // the text of exactly the bytes asked for.
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 70 }), { minLength: 1, maxLength: 40 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 3000 }),
        (words, picks) => {
          const cache = new TextCache();
          for (const pick of picks) {
            const word = words[pick % words.length] ?? '';
            const bytes = encode(`"${word}"`);
            expect(cache.text(bytes, 1, bytes.length - 1)).toBe(word);
          }
        },
      ),
      { numRuns: 50 },
    );
    const cache = new TextCache();
    for (let i = 0; i < 5000; i++) {
      const word = `op-${i % 2500}`;
      const bytes = encode(word);
      expect(cache.text(bytes, 0, bytes.length)).toBe(word);
    }
  });

  it('serves readScalar the same values as JSON.parse, escapes included', () => {
    const cache = new TextCache();
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 0 }), (value) => {
        const json = JSON.stringify(value);
        const at = { end: 0 };
        const read = readScalar(encode(json), 0, json.length * 4, at, cache);
        expect(read).toEqual(JSON.parse(json));
      }),
    );
  });
});
