/**
 * A seeded random source for graph tests (the demo backend has its own PRNG; model/ may not
 * import it). Park–Miller minimal standard generator: plenty for shaping test topologies.
 */
export function seededRandom(seed: number): () => number {
  let state = seed % 2147483647 || 1;
  return () => {
    state = (state * 48271) % 2147483647;
    return (state - 1) / 2147483646;
  };
}
