/**
 * Trace ids as a user pastes them: separated by commas and/or white space, possibly repeated.
 * Ids are kept verbatim (non-hex ids exist in the wild) apart from trimming; duplicates are dropped
 * keeping the first occurrence.
 */
export function parseTraceIds(text: string): string[] {
  const ids = text.split(/[\s,]+/).filter((id) => id.length > 0);
  return [...new Set(ids)];
}
