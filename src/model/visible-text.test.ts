import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasInvisible, visibleText } from './visible-text';

describe('visibleText', () => {
  it('escapes bidi overrides, isolates and zero-width characters', () => {
    expect(visibleText('svc\u202Eelive-rtl')).toBe('svc\\u202Eelive-rtl');
    expect(visibleText('a\u200Bb\u2066c\u2069\uFEFF')).toBe('a\\u200Bb\\u2066c\\u2069\\uFEFF');
    expect(visibleText('bell\u0007')).toBe('bell\\u0007');
  });

  it('leaves ordinary text, tabs and line breaks, and other scripts alone', () => {
    for (const text of ['GET /dispatch', 'a\tb\nc\r', 'שלום', 'данные', '日本語', '😀'])
      expect(visibleText(text)).toBe(text);
  });

  it('leaves nothing invisible behind (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(hasInvisible(visibleText(text))).toBe(false);
      }),
    );
  });
});
