// Measurements that need a fresh process (started by run.ts with --expose-gc): how long opening the engine
// takes stage by stage and what it holds in memory, and the scale runs (build, then load and query).
// Prints one JSON object on stdout.
import { join } from 'node:path';
import { BenchArgs } from './args.js';
import { round, time } from './stats.js';

export interface MemoryFigures {
  heapUsedMB: number;
  rssMB: number;
}

function memory(): MemoryFigures {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return { heapUsedMB: round(m.heapUsed / 2 ** 20, 1), rssMB: round(m.rss / 2 ** 20, 1) };
}

const peakRssMB = () => round(process.resourceUsage().maxRSS / 1024, 1);

/** Opening the engine on `root` stage by stage, as openEngine does it, with memory before and after. */
async function open(args: BenchArgs) {
  const bootMs = round(process.uptime() * 1000, 1);
  const root = args.string('root') ?? process.cwd();
  const before = memory();
  const started = process.hrtime.bigint();
  const imported = await timeAsync(async () => ({
    files: await import('../src/records/files.js'),
    build: await import('../src/search/build-index.js'),
    engine: await import('../src/engine.js'),
  }));
  const { files, build, engine: engineModule } = imported.value;
  const hash = time(() => files.seedsHash({ root }));
  const prebuilt = time(() => build.readPrebuiltIndex(join(root, 'data', 'index.json'), hash.value));
  // Without a matching prebuilt index: the YAML parser and schema library are imported, the seeds validated, the index built.
  let rebuild: { importMs: number; loadRecordsMs: number; buildIndexMs: number } | undefined;
  let opened = prebuilt.value;
  if (!opened) {
    const load = await timeAsync(() => import('../src/records/load.js'));
    const kb = time(() => load.value.loadKnowledgeBase({ root }));
    const index = time(() => {
      const vocabulary = build.buildVocabulary(kb.value);
      return { index: build.buildIndex(kb.value), vocabulary: () => vocabulary };
    });
    rebuild = { importMs: round(load.ms, 1), loadRecordsMs: round(kb.ms, 1), buildIndexMs: round(index.ms, 1) };
    opened = { kb: kb.value, ...index.value };
  }
  const { kb, index, vocabulary } = opened;
  const engine = time(() => new engineModule.Engine(kb, index, vocabulary));
  const ask = time(() => engine.value.ask(args.string('query') ?? 'firewalls'));
  const totalMs = Number(process.hrtime.bigint() - started) / 1e6;
  const after = memory();
  // What the `rights` CLI imports on top of the core (adapters, renderers…), paid by every `rights ask`.
  const cliImport = await timeAsync(() => import('../adapters/cli/cli.js'));
  return {
    records: kb.records.length,
    index: prebuilt.value ? 'prebuilt' : 'built',
    bootMs,
    importMs: round(imported.ms, 1),
    hashMs: round(hash.ms, 1),
    readIndexMs: round(prebuilt.ms, 1),
    rebuild,
    engineMs: round(engine.ms, 1),
    firstAskMs: round(ask.ms, 1),
    openToAnswerMs: round(totalMs, 1),
    cliImportMs: round(cliImport.ms, 1),
    answered: ask.value.type,
    memoryBefore: before,
    memoryLoaded: after,
  };
}

/** Scale step 1: generate a synthetic corpus, build its index, write it to `dir`. */
async function scaleBuild(args: BenchArgs) {
  const { readSeedVocabulary, syntheticKnowledgeBase } = await import('./synthetic.js');
  const { buildIndex, writeIndex } = await import('../src/search/build-index.js');
  const { statSync } = await import('node:fs');
  const size = args.number('size', 1000);
  const path = join(args.string('dir') ?? '.', `index-${size}.json`);
  const vocabulary = readSeedVocabulary(args.string('root') ?? process.cwd());
  const kb = time(() => syntheticKnowledgeBase(vocabulary, size));
  const built = time(() => buildIndex(kb.value));
  const heap = memory();
  const written = time(() => writeIndex(path, kb.value, built.value));
  return {
    size,
    generateMs: round(kb.ms, 1),
    buildMs: round(built.ms, 1),
    writeMs: round(written.ms, 1),
    indexBytes: statSync(path).size,
    heapAfterBuildMB: heap.heapUsedMB,
    peakRssMB: peakRssMB(),
  };
}

/**
 * Scale step 2 (fresh process): load the index and the records saved with it, as a deployment does, construct
 * the engine, run the queries. With --scan-only no index is loaded: the same corpus is regenerated for the scan.
 */
async function scaleQuery(args: BenchArgs) {
  const { readSeedVocabulary, syntheticHash, syntheticKnowledgeBase } = await import('./synthetic.js');
  const { readPrebuiltIndex } = await import('../src/search/build-index.js');
  const { Engine } = await import('../src/engine.js');
  const { runLatency } = await import('./latency.js');
  const { QUERIES } = await import('./queries.js');
  const size = args.number('size', 1000);
  const every = Math.max(1, args.number('every', 1));
  const queries = QUERIES.filter((_, i) => i % every === 0);
  let figures: { size: number; loadMs?: number; engineMs?: number; memoryLoaded: MemoryFigures; peakRssMB: number };
  let engine: InstanceType<typeof Engine> | undefined;
  let records;
  if (args.flag('scan-only')) {
    records = syntheticKnowledgeBase(readSeedVocabulary(args.string('root') ?? process.cwd()), size).records;
    figures = { size, memoryLoaded: memory(), peakRssMB: peakRssMB() };
  } else {
    const loaded = time(() => readPrebuiltIndex(join(args.string('dir') ?? '.', `index-${size}.json`), syntheticHash(size)));
    const opened = loaded.value;
    if (!opened) throw new Error(`[bench] index for ${size} records is missing or does not match`);
    const constructed = time(() => new Engine(opened.kb, opened.index));
    engine = constructed.value;
    records = opened.kb.records;
    figures = { size, loadMs: round(loaded.ms, 1), engineMs: round(constructed.ms, 1), memoryLoaded: memory(), peakRssMB: peakRssMB() };
  }
  // Printed first, so a run stopped by its budget during the queries still reports load time and memory.
  console.log(JSON.stringify({ partial: true, ...figures }));
  const timed = args.flag('load-only') ? undefined : engine;
  const latency = runLatency({ engine: timed, index: timed?.index, records }, queries, {
    warmup: args.number('warmup', 1),
    reps: args.number('reps', 3),
    maxSeconds: args.number('max-seconds', 60),
    stopAtUptime: args.number('stop-at', Number.POSITIVE_INFINITY),
  });
  return { ...figures, peakRssMB: peakRssMB(), latency };
}

async function timeAsync<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

const MODES: Record<string, (args: BenchArgs) => Promise<unknown>> = { open, 'scale-build': scaleBuild, 'scale-query': scaleQuery };

const [mode, ...rest] = process.argv.slice(2);
const run = MODES[mode ?? ''];
if (!run) {
  console.error(`[bench] worker mode must be one of ${Object.keys(MODES).join(', ')}`);
  process.exitCode = 2;
} else {
  run(new BenchArgs(rest)).then(
    (result) => console.log(JSON.stringify(result)),
    (error: unknown) => {
      console.error(`[bench] worker ${mode} failed: ${(error as Error).stack ?? String(error)}`);
      process.exitCode = 1;
    },
  );
}
