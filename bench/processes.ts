// Child processes of the benchmark: timed spawns (to the first byte of output) and worker runs with a time limit.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const WORKER = join(dirname(fileURLToPath(import.meta.url)), 'worker.js');

/** The environment of every child: no chat credentials (the console adapter must be the one that starts). */
export function childEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of Object.keys(env)) if (/^(SLACK_|DISCORD_|RIGHTS_DEBUG$)/.test(name)) delete env[name];
  return env;
}

export interface TimedRun {
  /** Spawn to the first byte on stdout. */
  firstOutputMs: number;
  /** Spawn to exit. */
  exitMs: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node args…`, timing from just before the spawn to the first stdout byte and to the exit. */
export function spawnTimed(args: string[], timeoutMs = 30_000): Promise<TimedRun> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const since = () => Number(process.hrtime.bigint() - start) / 1e6;
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: childEnv() });
    let first: number | undefined;
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      first ??= since();
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ firstOutputMs: first ?? Number.NaN, exitMs: since(), code, stdout, stderr });
    });
  });
}

/** A worker that stops early may have printed a partial result first (a JSON line with `"partial": true`). */
export type WorkerOutcome<T> = { ok: true; value: T; seconds: number } | { ok: false; reason: string; seconds: number; partial?: Partial<T> };

/** Runs a worker mode in a fresh `node --expose-gc` process, killed once it runs past `timeoutSeconds`. */
export function runWorker<T>(mode: string, args: string[], timeoutSeconds: number, nodeFlags: string[] = []): WorkerOutcome<T> {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['--expose-gc', ...nodeFlags, WORKER, mode, ...args], {
    encoding: 'utf8',
    env: childEnv(),
    timeout: Math.max(1, timeoutSeconds) * 1000,
    killSignal: 'SIGKILL',
    maxBuffer: 64 * 2 ** 20,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const lines = (run.stdout ?? '').trim().split('\n').filter((l) => l.startsWith('{'));
  const partial = lines.length > 0 ? (JSON.parse(lines[lines.length - 1] ?? '{}') as Partial<T>) : undefined;
  if (run.error && (run.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') {
    return { ok: false, reason: `stopped after ${Math.round(seconds)} s: over its ${timeoutSeconds} s budget`, seconds, partial };
  }
  if (run.status !== 0) {
    const why = run.signal ? `killed by ${run.signal}` : `exit code ${run.status}`;
    const detail = (run.stderr || '').trim().split('\n')[0] ?? '';
    return { ok: false, reason: `${why}${/heap out of memory/i.test(run.stderr ?? '') ? ' (out of memory)' : ''}: ${detail.slice(0, 300)}`, seconds, partial };
  }
  return { ok: true, value: partial as T, seconds };
}

/** Resident set size of a running process in MB, from /proc (Linux); `ps` elsewhere. */
export function rssOf(pid: number): { rssMB?: number; peakRssMB?: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
    return { rssMB: Math.round(kb('VmRSS') / 102.4) / 10, peakRssMB: Math.round(kb('VmHWM') / 102.4) / 10 };
  } catch {
    const ps = spawnSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' });
    const kb = Number(ps.stdout.trim());
    return Number.isFinite(kb) && kb > 0 ? { rssMB: Math.round(kb / 102.4) / 10 } : {};
  }
}
