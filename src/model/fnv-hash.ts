/** FNV-1a's 32-bit offset basis: the state before any input. */
export const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * 32-bit FNV-1a over UTF-16 code units (ASCII text hashes as its bytes would): fast, the same in
 * every engine, and it spreads short names well. Unsigned. `basis` continues from an earlier
 * hash or mixes in a seed: `fnv1a(a + b) === fnv1a(b, fnv1a(a))`. Not for anything an attacker
 * must not be able to collide.
 */
export function fnv1a(text: string, basis: number = FNV_OFFSET_BASIS): number {
  let h = basis;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}
