import { describe, expect, it } from 'vitest';
import { otlpAttributes } from './attributes';

describe('otlpAttributes', () => {
  it('keeps every key of a kvlist, including __proto__ and constructor (keys are trace data)', () => {
    const [attribute] = otlpAttributes([
      {
        key: 'payload',
        value: {
          kvlistValue: {
            values: [
              { key: '__proto__', value: { stringValue: 'a' } },
              { key: 'constructor', value: { intValue: '2' } }, // int64 stays a string
            ],
          },
        },
      },
    ]);
    expect(attribute?.type).toBe('object');
    expect(JSON.parse(attribute?.value ?? '{}')).toEqual(
      Object.fromEntries([
        ['__proto__', 'a'],
        ['constructor', '2'],
      ]),
    );
    expect(attribute?.value).toContain('__proto__');
  });
});
