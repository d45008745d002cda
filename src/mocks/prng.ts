/**
 * A small seeded PRNG (mulberry32) and the helpers the generators use. Own code instead of
 * Math.random so the same seed yields the same traces, byte for byte, in the browser and in Node.
 */
import { fnv1a, FNV_OFFSET_BASIS } from '../model/fnv-hash';
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** Uniform in [min, max). */
  range(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** `digits` lowercase hex characters. */
  hex(digits: number): string;
}

export function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    range: (min, max) => min + next() * (max - min),
    chance: (probability) => next() < probability,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)] as T;
    },
    hex: (digits) => {
      let out = '';
      while (out.length < digits)
        out += Math.floor(next() * 4294967296)
          .toString(16)
          .padStart(8, '0');
      return out.slice(0, digits);
    },
  };
  return rng;
}

/** A child seed derived from a parent seed and a label, so adding a scenario does not reshuffle the others. */
export function deriveSeed(seed: number, label: string): number {
  return fnv1a(label, seed ^ FNV_OFFSET_BASIS);
}
