// Cold start and memory of the compiled bot, run against a throw-away copy of the project (seeds/, data/sources/,
// package.json, dist/) so the real data/index.json is never deleted, rebuilt or left stale by the benchmark.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childEnv, rssOf, runWorker, spawnTimed, type TimedRun } from './processes.js';
import { median, round } from './stats.js';

export interface TempProject {
  root: string;
  cli: string;
  start: string;
  indexPath: string;
  remove(): void;
}

/** Copies what the compiled bot needs into a temp folder and builds its prebuilt index with `rights build-index`. */
export function makeTempProject(source: string): TempProject {
  const root = mkdtempSync(join(tmpdir(), 'rights-bench-'));
  const remove = () => rmSync(root, { recursive: true, force: true });
  try {
    for (const part of ['seeds', 'language', join('data', 'sources'), 'package.json', join('dist', 'src'), join('dist', 'adapters')]) {
      cpSync(join(source, part), join(root, part), { recursive: true, filter: (p) => !p.endsWith('.map') });
    }
    symlinkSync(join(source, 'node_modules'), join(root, 'node_modules'), 'dir');
    const project = { root, cli: join(root, 'dist', 'adapters', 'cli', 'main.js'), start: join(root, 'dist', 'adapters', 'start.js'), indexPath: join(root, 'data', 'index.json'), remove };
    const built = spawnSync(process.execPath, [project.cli, 'build-index'], { encoding: 'utf8', env: childEnv(), timeout: 120_000 });
    if (built.status !== 0) throw new Error(`[bench] rights build-index failed on the seeds:\n${(built.stderr || built.stdout).trim()}`);
    return project;
  } catch (error) {
    remove();
    throw error;
  }
}

export interface ColdStartResult {
  runs: number;
  query: string;
  /** `node -e "console.log(1)"`: the floor any Node program pays. */
  nodeBaseline: Timing;
  prebuilt: Timing;
  rebuild: Timing;
  /** Whether the prebuilt runs really reused data/index.json (the file was not rewritten). */
  prebuiltReused: boolean;
  indexBytes: number;
  /** One fresh process opening the engine stage by stage (worker `open`), prebuilt and rebuilt. */
  breakdown?: unknown;
  breakdownRebuild?: unknown;
}

export interface Timing {
  medianMs: number;
  minMs: number;
  maxMs: number;
  exitMedianMs: number;
}

export async function measureColdStart(project: TempProject, runs: number, query = 'recommendations firewalls'): Promise<ColdStartResult> {
  const saved = readFileSync(project.indexPath);
  const restore = () => writeFileSync(project.indexPath, saved);
  const ask = ['ask', ...query.split(' ')];
  const repeat = async (args: string[], before?: () => void) => {
    const out: TimedRun[] = [];
    for (let i = 0; i < runs; i++) {
      before?.();
      const run = await spawnTimed(args);
      if (run.code !== 0 || !run.stdout.trim()) throw new Error(`[bench] \`node ${args.join(' ')}\` failed (exit ${run.code}): ${run.stderr.trim().slice(0, 500)}`);
      out.push(run);
    }
    return timing(out);
  };

  await spawnTimed(['-e', 'console.log(1)']); // warms the disk cache for node itself
  const nodeBaseline = await repeat(['-e', 'console.log(1)']);
  const rebuild = await repeat([project.cli, ...ask], () => rmSync(project.indexPath, { force: true }));
  restore();
  const before = statSync(project.indexPath).mtimeMs;
  const prebuilt = await repeat([project.cli, ...ask]);
  const prebuiltReused = statSync(project.indexPath).mtimeMs === before;

  const open = (label: string) => {
    const outcome = runWorker('open', ['--root', project.root, '--query', query], 60);
    return outcome.ok ? outcome.value : { error: `${label}: ${outcome.reason}` };
  };
  const breakdown = open('prebuilt');
  rmSync(project.indexPath, { force: true });
  const breakdownRebuild = open('rebuild'); // the worker never saves, so the file stays absent until restored
  restore();
  return { runs, query, nodeBaseline, prebuilt, rebuild, prebuiltReused, indexBytes: saved.length, breakdown, breakdownRebuild };
}

function timing(runs: TimedRun[]): Timing {
  const first = runs.map((r) => r.firstOutputMs);
  return {
    medianMs: round(median(first), 1),
    minMs: round(Math.min(...first), 1),
    maxMs: round(Math.max(...first), 1),
    exitMedianMs: round(median(runs.map((r) => r.exitMs)), 1),
  };
}

export interface IdleResult {
  rssMB?: number;
  peakRssMB?: number;
  idleMs: number;
  answeredFirstQueryMs: number;
}

/**
 * `node dist/adapters/start.js` (what `npm start` runs, without npm's own process) with no chat credentials:
 * the console adapter on a piped stdin kept open. One query is answered, then the process idles and is measured.
 */
export function measureIdleStart(project: TempProject, idleMs: number): Promise<IdleResult> {
  return new Promise((resolve, reject) => {
    if (!existsSync(project.start)) return reject(new Error(`[bench] ${project.start} is missing: run npm run build`));
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [project.start], { cwd: project.root, stdio: ['pipe', 'pipe', 'pipe'], env: childEnv() });
    let stderr = '';
    let answered: number | undefined;
    const killer = setTimeout(() => child.kill('SIGKILL'), 30_000 + idleMs);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.stdout.once('data', () => {
      answered = Number(process.hrtime.bigint() - started) / 1e6;
      setTimeout(() => {
        const rss = child.pid === undefined ? {} : rssOf(child.pid);
        child.stdin.end(); // end of input: the console chat exits by itself
        resolve({ ...rss, idleMs, answeredFirstQueryMs: round(answered ?? Number.NaN, 1) });
      }, idleMs);
    });
    child.on('close', (code) => {
      clearTimeout(killer);
      if (answered === undefined) reject(new Error(`[bench] start.js exited (code ${code}) before answering: ${stderr.trim().slice(0, 500)}`));
    });
    child.stdin.write('firewalls\n');
  });
}
