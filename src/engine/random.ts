/**
 * A small seeded random number generator (mulberry32).
 *
 * The course quotes numbers in its prose, so a reader who runs the same snippet must
 * get the same weights, in Node, in a Worker and in the page. The built-in random
 * source cannot promise that (it cannot even be seeded); a generator built only from 32-bit integer arithmetic can.
 */
export class Random {
  /** The whole state: one unsigned 32-bit integer. Saved in a network's JSON. */
  state: number;

  constructor(seed = 1) {
    if (!Number.isFinite(seed)) {
      throw new Error(`seed must be a finite number; received ${String(seed)}`);
    }
    // Mix the seed so that nearby seeds (1, 2, 3) start far apart.
    this.state = hashSeed(seed);
  }

  /** A number in [0, 1), with 32 random bits. */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A number in [low, high). */
  uniform(low: number, high: number): number {
    return low + (high - low) * this.next();
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** A standard normal number (Box–Muller); used by the datasets, never by weights. */
  normal(): number {
    const u = 1 - this.next(); // in (0, 1], so the log is finite
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Shuffles `items` in place (Fisher–Yates). */
  shuffle<T extends { length: number; [i: number]: unknown }>(items: T): T {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const kept = items[i];
      items[i] = items[j];
      items[j] = kept;
    }
    return items;
  }
}

function hashSeed(seed: number): number {
  // Fold the 64-bit double into 32 bits, then scramble (splitmix32-style).
  let h = (seed >>> 0) ^ Math.floor(seed / 4294967296);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
