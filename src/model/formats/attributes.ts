import type { Attribute } from '../span-detail';
import { asArray, asRecord, asString, isRecord, pick, toDisplayJson } from './json-values';

/**
 * Key/value lists of each format → display attributes. Values always become strings (huge values
 * stay whole; truncation is the view's job); markup is just text here.
 */

type AttributeType = Attribute['type'];

const JAEGER_TYPES: Readonly<Record<string, AttributeType>> = {
  string: 'string',
  bool: 'bool',
  int64: 'int',
  float64: 'float',
  binary: 'binary',
};

/**
 * Jaeger tags: UI JSON `{key, type, value}` or domain JSON `{key, vType, vStr|vBool|vInt64|…}`
 * (vType is omitted for strings, protobuf's zero value).
 */
export function jaegerTags(list: unknown): Attribute[] {
  const out: Attribute[] = [];
  for (const item of asArray(list)) {
    if (!isRecord(item)) continue;
    const key = asString(item.key);
    if (item.vType !== undefined || item.vStr !== undefined || item.value === undefined) {
      const vType = asString(item.vType).toLowerCase() || 'string';
      const type = JAEGER_TYPES[vType] ?? 'string';
      const raw = pick(item, 'vStr', 'vBool', 'vInt64', 'vFloat64', 'vBinary');
      out.push({ key, value: raw === undefined ? defaultFor(type) : asString(raw), type });
    } else {
      const type = JAEGER_TYPES[asString(item.type).toLowerCase()] ?? 'string';
      const value =
        isRecord(item.value) || Array.isArray(item.value)
          ? toDisplayJson(item.value)
          : asString(item.value);
      out.push({ key, value, type });
    }
  }
  return out;
}

// Protobuf JSON omits zero values: an absent vBool is false, an absent vInt64 is 0.
function defaultFor(type: AttributeType): string {
  if (type === 'bool') return 'false';
  if (type === 'int' || type === 'float') return '0';
  return '';
}

/** OTLP AnyValue → [display text, type]. Arrays and kvlists render as JSON of their plain values. */
export function otlpValue(value: unknown): { value: string; type: AttributeType } {
  const v = asRecord(value);
  if (v.stringValue !== undefined) return { value: asString(v.stringValue), type: 'string' };
  if (v.boolValue !== undefined) return { value: asString(v.boolValue), type: 'bool' };
  if (v.intValue !== undefined) return { value: asString(v.intValue), type: 'int' };
  if (v.doubleValue !== undefined) return { value: asString(v.doubleValue), type: 'float' };
  if (v.bytesValue !== undefined) return { value: asString(v.bytesValue), type: 'binary' };
  if (v.arrayValue !== undefined)
    return { value: toDisplayJson(plainArray(v.arrayValue)), type: 'array' };
  if (v.kvlistValue !== undefined)
    return { value: toDisplayJson(plainKvlist(v.kvlistValue)), type: 'object' };
  return { value: '', type: 'string' };
}

/**
 * Nested values recurse, but only MAX_NESTING deep: JSON.parse accepts far deeper nesting than
 * the call stack would, and hostile input may use it. Deeper levels show as '…'.
 */
const MAX_NESTING = 32;

function plainValue(value: unknown, depth: number): unknown {
  if (depth > MAX_NESTING) return '…';
  const v = asRecord(value);
  if (v.arrayValue !== undefined) return plainArray(v.arrayValue, depth + 1);
  if (v.kvlistValue !== undefined) return plainKvlist(v.kvlistValue, depth + 1);
  return otlpValue(value).value;
}

function plainArray(arrayValue: unknown, depth = 0): unknown[] {
  return asArray(asRecord(arrayValue).values).map((item) => plainValue(item, depth));
}

function plainKvlist(kvlistValue: unknown, depth = 0): Record<string, unknown> {
  // Entries, not `out[key] =`: that assignment drops a key named `__proto__` (it sets the
  // prototype instead), and keys here are trace data.
  return Object.fromEntries(
    asArray(asRecord(kvlistValue).values).map((kv) => {
      const entry = asRecord(kv);
      return [asString(entry.key), plainValue(entry.value, depth)];
    }),
  );
}

export function otlpAttributes(list: unknown): Attribute[] {
  const out: Attribute[] = [];
  for (const item of asArray(list)) {
    if (!isRecord(item)) continue;
    out.push({ key: asString(item.key), ...otlpValue(item.value) });
  }
  return out;
}

/** The string value of one key in an OTLP attribute list (e.g. service.name), or ''. */
export function otlpAttributeString(list: unknown, key: string): string {
  for (const item of asArray(list)) {
    const entry = asRecord(item);
    if (entry.key === key) return otlpValue(entry.value).value;
  }
  return '';
}

/** Zipkin tags: a flat string map. */
export function zipkinTags(tags: unknown): Attribute[] {
  if (!isRecord(tags)) return [];
  return Object.entries(tags).map(([key, value]) => ({
    key,
    value: asString(value),
    type: 'string' as const,
  }));
}
