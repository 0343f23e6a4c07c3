/**
 * A seeded pseudo-random generator: MT19937, the 32-bit Mersenne Twister of Matsumoto and
 * Nishimura (1998), as in their reference code `mt19937ar.c` (initialisation of 2002). The same seed
 * gives the same sequence on every platform, so a Monte Carlo run with a given `--zaad` gives the
 * same bytes.
 *
 *   state: 624 words; output y = temper(next word); temper: y ^= y >>> 11; y ^= (y << 7) & 0x9d2c5680;
 *   y ^= (y << 15) & 0xefc60000; y ^= y >>> 18
 *
 * Doubles are made from two outputs with 53 random bits (`genrand_res53`), shifted by half a unit so
 * that they lie strictly between 0 and 1 (an inverse CDF needs 0 < u < 1).
 *
 * Checked against the published reference outputs: the 10000th output after the default seed 5489
 * is 4123659995 (C++ standard, [rand.predef]), and the first outputs after
 * `init_by_array({0x123, 0x234, 0x345, 0x456})` are those of `mt19937ar.out`.
 *
 * @example
 *   const g = Mt19937.fromKey([1, 1]);
 *   g.nextUint32(); // an integer 0 ≤ n < 2^32
 *   g.nextOpen();   // a double 0 < u < 1
 */
const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER = 0x80000000;
const LOWER = 0x7fffffff;

export class Mt19937 {
  private readonly mt = new Uint32Array(N);
  private index = N + 1;

  /** `init_genrand(seed)`. */
  static fromSeed(seed: number): Mt19937 {
    const g = new Mt19937();
    g.initGenrand(seed >>> 0);
    return g;
  }

  /** `init_by_array(key)`: a seed of several words, e.g. [zaad, stroom] for independent streams. */
  static fromKey(key: readonly number[]): Mt19937 {
    if (key.length === 0) throw new RangeError('Mt19937.fromKey needs at least one word');
    const g = new Mt19937();
    g.initGenrand(19650218);
    const mt = g.mt;
    let i = 1;
    let j = 0;
    for (let k = Math.max(N, key.length); k > 0; k--) {
      const s = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      mt[i] = ((mt[i]! ^ Math.imul(s, 1664525)) >>> 0) + (key[j]! >>> 0) + j;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1]!;
        i = 1;
      }
      if (j >= key.length) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const s = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      mt[i] = ((mt[i]! ^ Math.imul(s, 1566083941)) >>> 0) - i;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1]!;
        i = 1;
      }
    }
    mt[0] = 0x80000000;
    return g;
  }

  private initGenrand(seed: number): void {
    const mt = this.mt;
    mt[0] = seed;
    for (let i = 1; i < N; i++) {
      const s = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      mt[i] = Math.imul(1812433253, s) + i;
    }
    this.index = N;
  }

  private twist(): void {
    const mt = this.mt;
    let kk = 0;
    for (; kk < N - M; kk++) {
      const y = (mt[kk]! & UPPER) | (mt[kk + 1]! & LOWER);
      mt[kk] = mt[kk + M]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    for (; kk < N - 1; kk++) {
      const y = (mt[kk]! & UPPER) | (mt[kk + 1]! & LOWER);
      mt[kk] = mt[kk + (M - N)]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    const y = (mt[N - 1]! & UPPER) | (mt[0]! & LOWER);
    mt[N - 1] = mt[M - 1]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    this.index = 0;
  }

  /** The next 32-bit output (`genrand_int32`). */
  nextUint32(): number {
    if (this.index >= N) this.twist();
    let y = this.mt[this.index++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** A double strictly between 0 and 1, with 53 random bits: (a·2^26 + b + ½) / 2^53. */
  nextOpen(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b + 0.5) / 9007199254740992;
  }
}
