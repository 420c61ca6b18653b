// Timing and statistics: interleaved repetitions over the query set, nearest-rank percentiles.
// Systems are interleaved query by query (in rotating order) so machine noise hits them all alike.

/** Latency summary in milliseconds. */
export interface Summary {
  samples: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export function summarize(values: readonly number[]): Summary {
  const sorted = Float64Array.from(values).sort();
  const mean = values.length === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / values.length;
  return {
    samples: values.length,
    mean: round(mean),
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(percentile(sorted, 100)),
  };
}

export function median(values: readonly number[]): number {
  return percentile(Float64Array.from(values).sort(), 50);
}

export function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Milliseconds taken by `fn`. */
export function time<T>(fn: () => T): { ms: number; value: T } {
  const start = process.hrtime.bigint();
  const value = fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

export interface MeasureOptions {
  /** Passes over the queries before timing (JIT, caches). */
  warmup: number;
  /** Timed passes over the queries. */
  reps: number;
  /** Stop after the timed pass that crosses this many seconds (at least one pass always runs). */
  maxSeconds?: number;
  /** Hard stop, between two queries, once the process has run this long (process.uptime()): a budget's edge. */
  stopAtUptime?: number;
  /** Counts, on the first pass, the queries for which a system's result satisfies this. */
  count?: (result: unknown) => boolean;
}

export interface Measured {
  /** Per system: every timed call, in ms; `byQuery[system][i]` holds query i's samples. */
  all: Record<string, number[]>;
  byQuery: Record<string, number[][]>;
  /** Timed passes started (the last one may be cut short by `stopAtUptime`). */
  reps: number;
  /** False when `stopAtUptime` cut the run short. */
  complete: boolean;
  /** What `count` counted on the first pass; empty if that pass was cut short. */
  counted: Record<string, number>;
}

/** Calls every system on every query, `warmup` + `reps` times, timing each call with process.hrtime.bigint. */
export function measure(systems: Record<string, (text: string) => unknown>, queries: readonly string[], options: MeasureOptions): Measured {
  const names = Object.keys(systems);
  const all: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  const byQuery: Record<string, number[][]> = Object.fromEntries(names.map((n) => [n, queries.map(() => [])]));
  const counted: Record<string, number> = Object.fromEntries(names.map((n) => [n, 0]));
  let sink = 0;
  let countedAll = false;
  let started: bigint | undefined;
  let reps = 0;
  for (let pass = 0; pass < options.warmup + options.reps; pass++) {
    const timed = pass >= options.warmup;
    if (timed) {
      started ??= process.hrtime.bigint();
      reps += 1;
    }
    for (let i = 0; i < queries.length; i++) {
      if (options.stopAtUptime !== undefined && process.uptime() > options.stopAtUptime) {
        return finish(false);
      }
      const q = queries[i] ?? '';
      for (let k = 0; k < names.length; k++) {
        const name = names[(i + pass + k) % names.length] ?? '';
        const fn = systems[name];
        if (!fn) continue;
        const start = process.hrtime.bigint();
        const result = fn(q);
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        sink += weight(result);
        if (pass === 0 && options.count?.(result)) counted[name] = (counted[name] ?? 0) + 1;
        if (pass === 0 && i === queries.length - 1 && k === names.length - 1) countedAll = true;
        if (!timed) continue;
        all[name]?.push(ms);
        byQuery[name]?.[i]?.push(ms);
      }
    }
    if (timed && options.maxSeconds !== undefined && Number(process.hrtime.bigint() - (started ?? 0n)) / 1e9 > options.maxSeconds) break;
  }
  return finish(true);

  function finish(complete: boolean): Measured {
    if (sink === -1) console.log(sink); // keeps results observable
    return { all, byQuery, reps, complete, counted: countedAll ? counted : {} };
  }
}

function weight(result: unknown): number {
  return Array.isArray(result) ? result.length : result ? 1 : 0;
}
