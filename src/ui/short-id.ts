/**
 * Short trace ids, like Jaeger UI's 7 characters, taken after leading zeros: 64-bit ids padded to
 * 128 bits would otherwise all read "0000000".
 */
export const SHORT_ID_LENGTH = 7;

const significant = (id: string): string => id.replace(/^0+/, '') || '0';

/** `length`: Jaeger UI's `traceIdDisplayLength` where the deployment sets it. */
export const shortTraceId = (traceId: string, length = SHORT_ID_LENGTH): string =>
  significant(traceId).slice(0, length);

/**
 * Short ids for the ids shown together, each long enough to differ from every other one's (ids
 * sharing their first 7 significant characters get more). O(n log n): sorted, an id only needs
 * to differ from its neighbours.
 */
export function distinctShortIds(traceIds: readonly string[]): Map<string, string> {
  const sorted = [...new Set(traceIds)]
    .map((id) => ({ id, key: significant(id).toLowerCase() }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const common = (a: string, b: string): number => {
    let k = 0;
    while (k < a.length && k < b.length && a[k] === b[k]) k++;
    return k;
  };
  const out = new Map<string, string>();
  sorted.forEach(({ id, key }, at) => {
    const before = sorted[at - 1]?.key;
    const after = sorted[at + 1]?.key;
    const shared = Math.max(
      before === undefined ? 0 : common(before, key),
      after === undefined ? 0 : common(after, key),
    );
    out.set(id, significant(id).slice(0, Math.max(SHORT_ID_LENGTH, shared + 1)));
  });
  return out;
}
