// Timing helpers for the benchmark: run a sample of calls, report p50 and p95 in milliseconds.
export interface Stat {
  p50: number;
  p95: number;
  n: number;
}

export function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export async function measure<T>(inputs: T[], fn: (x: T) => Promise<unknown>, warmup = 5): Promise<Stat> {
  for (const x of inputs.slice(0, warmup)) await fn(x);
  const times: number[] = [];
  for (const x of inputs) {
    const t0 = performance.now();
    await fn(x);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), n: times.length };
}

export const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1));

/** Deterministic sample without Math.random, so two runs time the same calls. */
export function sample<T>(items: T[], n: number, seed = 1): T[] {
  let s = seed >>> 0;
  const out: T[] = [];
  for (let i = 0; i < n && items.length; i++) {
    s = (s * 1664525 + 1013904223) >>> 0;
    out.push(items[s % items.length]);
  }
  return out;
}
