/**
 * A small seeded random number generator (mulberry32) for the crash tests, so that a failing
 * run can be replayed from the seed it printed. Not for anything that needs real randomness.
 */

/** A generator of numbers in [0, 1) from a 32-bit seed. */
export type Random = Readonly<{
  /** The next number in [0, 1). */
  next: () => number;
  /** An integer in [0, n). */
  int: (n: number) => number;
  /** True with probability p. */
  chance: (p: number) => boolean;
}>;

/**
 * Makes a generator.
 * @param seed any integer; the same seed gives the same sequence
 */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n) => Math.floor(next() * n), chance: (p) => next() < p };
}

/**
 * The seed for this run: CLAIMDESK_CRASH_SEED when set (to replay a failure), else a fresh one.
 * @returns a non-negative 32-bit integer
 */
export function crashSeed(): number {
  const given = process.env.CLAIMDESK_CRASH_SEED;
  if (given !== undefined && given !== '') {
    const seed = Number(given);
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
      throw new RangeError(`CLAIMDESK_CRASH_SEED must be an integer from 0 to 4294967295, not ${given}`);
    return seed;
  }
  return Math.floor(Math.random() * 0x100000000);
}
