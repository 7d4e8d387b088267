/** Percentile summaries for the benchmark (nearest-rank, in ms, rounded to µs). */
export interface Stats {
  n: number;
  p50: number;
  p90: number;
  p99: number;
  min: number;
  max: number;
  mean: number;
}

export function stats(xs: readonly number[]): Stats {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return { n: 0, p50: NaN, p90: NaN, p99: NaN, min: NaN, max: NaN, mean: NaN };
  const q = (p: number) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  return { n: s.length, p50: r3(q(50)), p90: r3(q(90)), p99: r3(q(99)), min: r3(s[0]!), max: r3(s[s.length - 1]!), mean: r3(s.reduce((a, b) => a + b, 0) / s.length) };
}
