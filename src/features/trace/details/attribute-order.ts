import type { Attribute } from '../../../model/span-detail';

/**
 * The order attributes are listed in: what explains a failure or a slow call first (error,
 * then the semantic-convention families people scan for), the rest alphabetically so two spans
 * read the same. The sort is stable and never drops or merges entries (duplicated keys stay).
 */
const PRIORITY: readonly string[] = [
  'error',
  'exception.',
  'otel.status',
  'http.',
  'url.',
  'db.',
  'rpc.',
  'grpc.',
  'messaging.',
  'net.',
  'server.',
  'peer.',
  'span.kind',
];

export function priorityOf(key: string): number {
  const lower = key.toLowerCase();
  for (let k = 0; k < PRIORITY.length; k++) {
    const prefix = PRIORITY[k] ?? '';
    if (
      prefix.endsWith('.')
        ? lower.startsWith(prefix)
        : lower === prefix || lower.startsWith(`${prefix}.`)
    )
      return k;
  }
  return PRIORITY.length;
}

export function orderAttributes(attributes: readonly Attribute[]): Attribute[] {
  return attributes
    .map((attribute, index) => ({ attribute, index, rank: priorityOf(attribute.key) }))
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        (a.rank === PRIORITY.length ? a.attribute.key.localeCompare(b.attribute.key) : 0) ||
        a.index - b.index,
    )
    .map((entry) => entry.attribute);
}
