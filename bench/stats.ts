export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export function ms(value: number): string {
  if (!Number.isFinite(value)) return '–';
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

export function ratio(a: number, b: number): string {
  return Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : '–';
}

/** Runs `work` `runs` times after one warm-up and returns the milliseconds of each run. */
export function timeSync(runs: number, work: () => unknown): number[] {
  work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return times;
}

/**
 * `a` as a fraction of `b`, as the issue states its targets: `1/12` (from 1/10 on, whole numbers),
 * `1/2.5`; `a` larger than `b` as a multiple, `1.4×`.
 */
export function fraction(a: number, b: number): string {
  if (!(a > 0 && b > 0 && Number.isFinite(a) && Number.isFinite(b))) return '–';
  if (a > b) return `${(a / b).toFixed(1)}×`;
  const times = b / a;
  return `1/${times >= 10 ? times.toFixed(0) : times.toFixed(1)}`;
}
