// `npm run bench`: answer speed, cold start, memory and scale of Rights Bot, against baselines in the same run.
// Includes the hostile query set (bench/hostile.ts): its worst query, against raw lunr on the same text.
// Options: --quick (seconds, for the smoke test), --out <file> (default bench/results.json),
// --sizes 1000,10000,100000 (synthetic corpus sizes), --budget <seconds> (the same time budget for every size).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { arch, cpus, release, tmpdir, totalmem, type as osType } from 'node:os';
import { dirname, join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { projectRoot } from '../adapters/paths.js';
import { openEngine } from '../src/open.js';
import { KINDS } from '../src/records/schema.js';
import { BenchArgs } from './args.js';
import { makeTempProject, measureColdStart, measureIdleStart, type IdleResult } from './cold-start.js';
import { HOSTILE_QUERIES, printHostile, runHostile } from './hostile.js';
import { phaseBreakdown, runLatency } from './latency.js';
import { QUERIES } from './queries.js';
import { evaluateTargets, lunrLimit, printColdStart, printDetails, printLatency, printScale, printTargets, scanOvertakes } from './report.js';
import { runScale } from './scale.js';
import { round } from './stats.js';

/** Budgets are seconds per corpus size; `every` samples the query set on large corpora (every n-th query). */
const FULL = { warmup: 3, reps: 30, phaseReps: 5, hostileReps: 20, coldRuns: 9, idleMs: 2000, scaleReps: 5, every: { 100000: 10 } as Record<number, number>, budgets: { 1000: 60, 10000: 150, 100000: 220 } as Record<number, number> };
const QUICK = { warmup: 1, reps: 2, phaseReps: 1, hostileReps: 2, coldRuns: 1, idleMs: 300, scaleReps: 1, every: { 1000: 5 } as Record<number, number>, budgets: { 1000: 30 } as Record<number, number> };

async function main(): Promise<void> {
  const started = process.hrtime.bigint();
  const args = new BenchArgs(process.argv.slice(2));
  const quick = args.flag('quick');
  const plan = quick ? QUICK : FULL;
  const root = args.string('root') ?? projectRoot(import.meta.url);
  const outPath = args.string('out') ?? join(root, 'bench', 'results.json');
  const sizes = args.list('sizes') ?? (quick ? [1000] : [1000, 10_000, 100_000]);
  const out = (line = '') => console.log(line);
  const log = (line: string) => console.error(`[bench] ${line}`);

  const machine = {
    os: `${osType()} ${release()} ${arch()}`,
    cpus: { count: cpus().length, model: cpus()[0]?.model.trim() ?? 'unknown' },
    memoryGB: round(totalmem() / 2 ** 30, 1),
    node: process.version,
    v8: process.versions.v8,
    heapLimitMB: Math.round(getHeapStatistics().heap_size_limit / 2 ** 20),
    date: new Date().toISOString(),
  };
  out(`Rights Bot benchmark${quick ? ' (quick)' : ''} — ${machine.date}`);
  out(`${machine.os}, ${machine.cpus.count} × ${machine.cpus.model}, ${machine.memoryGB} GB, Node ${machine.node}`);

  log('copying the project to a temp folder and building its index…');
  const project = makeTempProject(root);
  let seed;
  try {
    const opened = await openEngine({ root: project.root, save: false });
    if (opened.index !== 'prebuilt') throw new Error('[bench] the temp project did not reuse its prebuilt index');
    const { engine } = opened;
    const corpus = { records: engine.kb.records.length, byKind: Object.fromEntries(KINDS.map((k) => [k, engine.list(k).length])) };
    out(`\n== Query latency: seed corpus (${corpus.records} records), ${QUERIES.length} queries ==`);
    log(`timing ${QUERIES.length} queries × ${plan.reps} repetitions × 3 systems…`);
    const latency = runLatency({ engine, index: engine.index, records: engine.kb.records }, QUERIES, { warmup: plan.warmup, reps: plan.reps });
    const phases = phaseBreakdown(engine, QUERIES, plan.phaseReps);
    printLatency(out, latency);
    printDetails(out, latency, phases);

    out(`\n== Hostile queries: ${HOSTILE_QUERIES.length} (10 kB pastes, long words, lunr syntax, emoji, long ids) ==`);
    log(`timing ${HOSTILE_QUERIES.length} hostile queries × ${plan.hostileReps} repetitions…`);
    const hostile = { ...runHostile(engine, engine.index, { warmup: 1, reps: plan.hostileReps }), ordinaryP50Max: latency.slowest?.[0]?.medianMs };
    printHostile(out, hostile);

    out('\n== Cold start and memory ==');
    log('spawning the CLI (prebuilt index and rebuild)…');
    const coldStart = await measureColdStart(project, plan.coldRuns);
    let idle: IdleResult | undefined;
    try {
      idle = await measureIdleStart(project, plan.idleMs);
    } catch (error) {
      log(`idle RSS not measured: ${(error as Error).message}`);
    }
    const memory = { loaded: (coldStart.breakdown as { memoryLoaded?: { heapUsedMB: number; rssMB: number } } | undefined)?.memoryLoaded, idleStart: idle };
    printColdStart(out, coldStart, idle, memory.loaded);
    seed = { corpus, latency, phases, hostile, coldStart, memory };
  } finally {
    project.remove();
  }

  out('\n== Scale: synthetic corpora from the seed vocabulary ==');
  const budgetOf = (size: number) => args.number('budget', plan.budgets[size] ?? Math.max(30, Math.round(size / 500)));
  const everyOf = (size: number) => plan.every[size] ?? (size >= 100_000 ? 10 : 1);
  out(`Budgets: ${sizes.map((s) => `${s.toLocaleString('en')} records ${budgetOf(s)} s${everyOf(s) > 1 ? ` (every ${everyOf(s)}th query)` : ''}`).join(', ')}.`);
  const dir = mkdtempSync(join(tmpdir(), 'rights-bench-scale-'));
  let scale;
  try {
    scale = runScale({ root, dir, sizes, budgetSeconds: budgetOf, reps: plan.scaleReps, every: everyOf, totalQueries: QUERIES.length }, log);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  printScale(out, scale);
  const limit = lunrLimit(scale);
  const overtaken = scanOvertakes(scale);
  out(limit ?? 'lunr was adequate at every size measured.');
  if (overtaken) out(overtaken);

  out('\n== Targets ==');
  const targets = evaluateTargets({ latency: seed.latency, coldStart: seed.coldStart, scale });
  printTargets(out, targets);

  const durationSeconds = round(Number(process.hrtime.bigint() - started) / 1e9, 1);
  const results = { machine, options: { quick, sizes, ...plan }, ...seed, queries: { count: QUERIES.length, tags: countTags() }, scale, lunrLimit: limit ?? null, scanOvertakes: overtaken ?? null, targets, durationSeconds };
  mkdirSync(dirname(outPath), { recursive: true });
  writeFileSync(outPath, `${JSON.stringify(results, null, 2)}\n`);
  out(`\nDone in ${durationSeconds} s. Results: ${outPath}`);
}

function countTags(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const q of QUERIES) counts[q.tag] = (counts[q.tag] ?? 0) + 1;
  return counts;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error && error.message.startsWith('[bench]') ? error.message : error);
  process.exitCode = 1;
});
