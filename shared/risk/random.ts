/**
 * §R2 Common random numbers. Every iteration i has three independent streams (variables, price
 * path, disruption); each is an xoshiro128** generator whose 128-bit state is built from
 * (seed, i, stream) by a bijective 32-bit mixer per word and then advanced 12 steps, so distinct
 * (seed, i, stream) never share a state and a draw depends on nothing else.
 */
export const STREAM_VARIABLES = 0;
export const STREAM_PRICE_PATH = 1;
export const STREAM_DISRUPTION = 2;

const WARM_UP = 12;

/** The finaliser of splitmix32: a bijection of 32-bit words. */
function mix32(value: number): number {
  let t = (value + 0x9e3779b9) | 0;
  t = Math.imul(t ^ (t >>> 16), 0x21f0aaad);
  t = Math.imul(t ^ (t >>> 15), 0x735a2d97);
  return (t ^ (t >>> 15)) >>> 0;
}

/** A reusable stream: `reset` points it at (seed, iteration, stream) without allocating. */
export class RandomStream {
  private readonly s = new Uint32Array(4);

  reset(seed: number, iteration: number, stream: number): void {
    const s = this.s;
    s[0] = mix32(seed ^ 0x243f6a88);
    s[1] = mix32(iteration ^ 0x85a308d3);
    s[2] = mix32(Math.floor(iteration / 0x100000000) ^ 0x13198a2e);
    s[3] = mix32(stream ^ 0x03707344);
    if ((s[0]! | s[1]! | s[2]! | s[3]!) === 0) s[3] = 1;
    for (let i = 0; i < WARM_UP; i++) this.nextUint32();
  }

  /** xoshiro128** (Blackman and Vigna). */
  nextUint32(): number {
    const s = this.s;
    const result = Math.imul(rotl(Math.imul(s[1]!, 5), 7), 9) >>> 0;
    const t = s[1]! << 9;
    s[2]! ^= s[0]!;
    s[3]! ^= s[1]!;
    s[1]! ^= s[2]!;
    s[0]! ^= s[3]!;
    s[2]! ^= t;
    s[3] = rotl(s[3]!, 11);
    return result;
  }

  /** A uniform double strictly inside (0, 1), 53 bits: (k + ½) / 2^53. */
  nextUniform(): number {
    const high = this.nextUint32() >>> 5;
    const low = this.nextUint32() >>> 6;
    return (high * 67108864 + low + 0.5) / 9007199254740992;
  }
}

const rotl = (x: number, k: number) => (x << k) | (x >>> (32 - k));
