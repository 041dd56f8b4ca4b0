/** The load loop shared by the benchmark and its HTTP client thread. */
export interface Run {
  latencies: number[];
  /** The engine's own time inside each request, when the task reports it (the API's `tookMs`). */
  engineLatencies: number[];
  /** Latencies per query of the mix, to see which queries make the tail. */
  byQuery: Map<string, number[]>;
  errors: number;
  seconds: number;
}

/** The p-th percentile of ascending values (NaN when there are none). */
export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

export interface LoadOptions {
  concurrency: number;
  durationMs: number;
}

/** Runs `task` over the query mix from `concurrency` workers until the time is up; a task may return the engine's time. */
export async function load(queries: string[], { concurrency, durationMs }: LoadOptions, task: (query: string) => Promise<number | void>): Promise<Run> {
  const latencies: number[] = [];
  const engineLatencies: number[] = [];
  const byQuery = new Map<string, number[]>();
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const query = queries[next++ % queries.length]!;
        const t0 = performance.now();
        try {
          const engineMs = await task(query);
          const ms = performance.now() - t0;
          latencies.push(ms);
          if (typeof engineMs === 'number') engineLatencies.push(engineMs);
          byQuery.set(query, [...(byQuery.get(query) ?? []), ms]);
        } catch {
          errors += 1;
        }
      }
    }),
  );
  const ascending = (a: number, b: number) => a - b;
  return { latencies: latencies.sort(ascending), engineLatencies: engineLatencies.sort(ascending), byQuery, errors, seconds: (performance.now() - started) / 1000 };
}
