// Scale: synthetic corpora of growing size, each under a stated time budget. Every size runs in fresh processes
// (build and write the index; then load it and query), so memory figures are those of a deployment.
// Each step (build, load, queries) is planned from the previous size's figures and skipped up front when it
// would run past the budget or the heap, and the output says so; the linear-scan baseline runs at every size.
import { getHeapStatistics } from 'node:v8';
import { runWorker } from './processes.js';
import type { LatencyResult } from './latency.js';
import { round } from './stats.js';

export interface ScaleOptions {
  root: string;
  dir: string;
  sizes: number[];
  /** Seconds allowed per size (build + load + queries). */
  budgetSeconds: (size: number) => number;
  reps: number;
  /** Use every n-th query of the set at this size (large corpora run a sample). */
  every: (size: number) => number;
  /** Size of the whole query set. */
  totalQueries: number;
}

export interface ScaleRow {
  records: number;
  budgetSeconds: number;
  queries: number;
  /** measured: every step; partial: some steps skipped or stopped (see `skipped`, `error`); scan-only: no lunr step ran. */
  status: 'measured' | 'partial' | 'scan-only' | 'failed';
  skipped?: string;
  error?: string;
  build?: { generateMs: number; buildMs: number; writeMs: number; indexBytes: number; heapAfterBuildMB: number; peakRssMB: number };
  load?: { loadMs?: number; engineMs?: number; heapLoadedMB: number; rssLoadedMB: number; peakRssMB: number };
  latency?: LatencyResult;
  seconds: number;
}

interface QueryOutput {
  loadMs?: number;
  engineMs?: number;
  memoryLoaded: { heapUsedMB: number; rssMB: number };
  peakRssMB: number;
  latency?: LatencyResult;
}

/** lunr's costs grow a little faster than the corpus (build about ×11 to ×18 per ×10 here): plan with ×10^1.25. */
const GROWTH_EXPONENT = 1.25;
/** Without a smaller size measured first: about 3 ms and 40 MB of heap per record (lunr notes, 100–300-word records). */
const DEFAULT_BUILD_MS_PER_RECORD = 3;
const DEFAULT_HEAP_MB_PER_RECORD = 0.04;

export function runScale(options: ScaleOptions, log: (line: string) => void): ScaleRow[] {
  const rows: ScaleRow[] = [];
  const heapLimitMB = getHeapStatistics().heap_size_limit / 2 ** 20;
  for (const size of options.sizes) {
    const budget = options.budgetSeconds(size);
    const every = options.every(size);
    const started = process.hrtime.bigint();
    const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9;
    const say = (line: string) => log(`  ${size.toLocaleString('en')} records: ${line}`);
    const common = ['--root', options.root, '--dir', options.dir, '--size', String(size), '--every', String(every)];
    const plan = planSteps(rows, size, Math.ceil(options.totalQueries / every), budget, heapLimitMB);
    const row: ScaleRow = { records: size, budgetSeconds: budget, queries: 0, status: 'measured', seconds: 0 };
    if (plan.skipped.length > 0) {
      row.skipped = plan.skipped.join('; ');
      say(row.skipped);
    }

    let { load, query } = plan;
    if (plan.build) {
      say(`building the index (budget ${budget} s)…`);
      const built = runWorker<NonNullable<ScaleRow['build']>>('scale-build', common, budget);
      if (built.ok) row.build = built.value;
      else {
        row.error = `index build ${built.reason}`;
        load = query = false;
      }
    }
    const remaining = Math.max(10, Math.floor(budget - elapsed()));
    const mode = !load ? ['--scan-only'] : !query ? ['--load-only'] : [];
    say(`${!load ? 'linear scan only' : !query ? 'loading the index; linear scan only' : 'loading and querying'} (${remaining} s left)…`);
    const maxSeconds = Math.max(2, Math.min(60, Math.floor(remaining * 0.45)));
    // Very large corpora: each query costs so much that a warm-up pass would eat the budget.
    const warmup = size >= 100_000 ? 0 : 1;
    const timing = ['--reps', String(options.reps), '--warmup', String(warmup), '--max-seconds', String(maxSeconds), '--stop-at', String(Math.max(5, remaining - 8))];
    const queried = runWorker<QueryOutput>('scale-query', [...common, ...timing, ...mode], remaining);
    const q = queried.ok ? queried.value : queried.partial;
    if (!queried.ok) row.error = [row.error, `${mode[0]?.slice(2) ?? 'load and query'} ${queried.reason}`].filter(Boolean).join('; ');
    if (q?.memoryLoaded) {
      row.load = {
        loadMs: q.loadMs,
        engineMs: q.engineMs,
        heapLoadedMB: q.memoryLoaded.heapUsedMB,
        rssLoadedMB: q.memoryLoaded.rssMB,
        peakRssMB: q.peakRssMB ?? Number.NaN,
      };
    }
    row.latency = q?.latency;
    row.queries = row.latency?.queries ?? 0;
    if (row.latency && !row.latency.complete) {
      const calls = row.latency.systems.linearScan?.samples ?? 0;
      row.error = [row.error, `queries stopped at the budget's edge after ${calls} timed calls per system`].filter(Boolean).join('; ');
    }
    row.status = !row.build && !row.load?.loadMs && !row.latency ? 'failed' : !plan.build ? 'scan-only' : row.error || !query ? 'partial' : 'measured';
    if (row.error) say(row.error);
    row.seconds = round(elapsed(), 1);
    rows.push(row);
  }
  return rows;
}

interface Plan {
  build: boolean;
  load: boolean;
  query: boolean;
  skipped: string[];
}

/** Which lunr steps fit the budget, estimated from the largest size measured so far. */
function planSteps(rows: ScaleRow[], size: number, queries: number, budget: number, heapLimitMB: number): Plan {
  const previous = [...rows].reverse().find((r) => r.build);
  const growth = previous ? (size / previous.records) ** GROWTH_EXPONENT : 1;
  const build = previous?.build ? (previous.build.buildMs / 1000) * growth : (size * DEFAULT_BUILD_MS_PER_RECORD) / 1000;
  const heap = previous?.build ? previous.build.heapAfterBuildMB * (size / previous.records) * 1.2 : size * DEFAULT_HEAP_MB_PER_RECORD;
  const load = previous?.load?.loadMs ? (previous.load.loadMs / 1000) * growth : build / 5;
  const systems = previous?.latency?.systems;
  const perQuery = systems ? ((systems.engine?.mean ?? 0) + (systems.rawLunr?.mean ?? 0)) / 1000 : build / 2000;
  // Queries stop by themselves at the budget's edge; skip them only when not even one pass could run.
  const queryPass = perQuery * growth * queries;
  const plan: Plan = { build: true, load: true, query: true, skipped: [] };
  const s = (seconds: number) => `${Math.round(seconds)} s`;
  const tooSlow = build > budget * 0.6;
  const tooBig = heap > heapLimitMB * 0.7;
  if (tooSlow || tooBig) {
    plan.build = plan.load = plan.query = false;
    const why = [
      ...(tooSlow ? [`estimated build ${s(build)} of a ${budget} s budget`] : []),
      ...(tooBig ? [`estimated heap ${(heap / 1024).toFixed(1)} GB against a ${(heapLimitMB / 1024).toFixed(1)} GB limit`] : []),
    ];
    plan.skipped.push(`lunr index skipped: ${why.join(', ')}`);
  } else if (build + load > budget * 0.7) {
    plan.load = plan.query = false;
    plan.skipped.push(`index load and engine queries skipped: estimated build ${s(build)} + load ${s(load)} of a ${budget} s budget`);
  } else if (build + load + queryPass > budget * 0.9) {
    plan.query = false;
    plan.skipped.push(`engine and raw lunr queries skipped: estimated build ${s(build)} + load ${s(load)} + one pass of ${queries} queries ${s(queryPass)} of a ${budget} s budget`);
  }
  return plan;
}
