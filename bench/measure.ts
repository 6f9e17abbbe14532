export interface BenchResult {
  case: string;
  medianMs: number;
  p95Ms: number;
  worstMs: number;
  runs: number;
}

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
const round = (ms: number) => Math.round(ms * 1000) / 1000;

/** Runs `fn` a few times to warm up, then `iterations` times, timing each run. */
export function measure(name: string, iterations: number, fn: () => unknown): BenchResult {
  for (let i = 0; i < Math.min(5, iterations); i++) fn();
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return summarise(name, times);
}

export function summarise(name: string, times: readonly number[]): BenchResult {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    case: name,
    medianMs: round(percentile(sorted, 0.5)),
    p95Ms: round(percentile(sorted, 0.95)),
    worstMs: round(sorted[sorted.length - 1]!),
    runs: sorted.length,
  };
}
