/**
 * A small seeded generator (mulberry32) for data that must be the same at every run: the demo,
 * generated test instances (a failing one can be replayed from its seed), benchmark inputs.
 * Not for secrets: tokens use node:crypto.
 */
export function seededRandom(seed: number | string): () => number {
  let a =
    typeof seed === "number" ? seed >>> 0 : [...seed].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16_777_619), 2_166_136_261) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
