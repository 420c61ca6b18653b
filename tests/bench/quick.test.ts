// Smoke test of the benchmark (`npm run bench -- --quick`), so it cannot rot: it runs as a spawned process,
// prints its tables and writes results JSON with the keys runs are compared by. Needs `npm run build` first.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const RUN = join(ROOT, 'dist', 'bench', 'run.js');
const dir = mkdtempSync(join(tmpdir(), 'rights-bench-test-'));
const out = join(dir, 'results.json');

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run bench -- --quick', () => {
  it('completes in seconds, prints the tables and writes the results JSON', () => {
    expect(existsSync(RUN), 'dist/bench/run.js is missing: run npm run build').toBe(true);
    const run = spawnSync(process.execPath, [RUN, '--quick', '--out', out], { cwd: ROOT, encoding: 'utf8', timeout: 90_000 });
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(run.status).toBe(0);
    for (const heading of ['Query latency', 'Cold start and memory', 'Scale', 'Targets']) expect(run.stdout).toContain(heading);
    for (const row of ['engine (ask)', 'raw lunr', 'linear scan', 'engine ÷ raw lunr', 'rights ask, prebuilt index', 'rights ask, rebuild from seeds']) {
      expect(run.stdout).toContain(row);
    }

    const results = JSON.parse(readFileSync(out, 'utf8'));
    expect(Object.keys(results)).toEqual(expect.arrayContaining(['machine', 'options', 'corpus', 'queries', 'latency', 'phases', 'coldStart', 'memory', 'scale', 'targets', 'durationSeconds']));
    expect(results.machine).toMatchObject({ os: expect.any(String), cpus: { count: expect.any(Number) }, node: process.version, date: expect.any(String) });
    expect(results.queries.count).toBeGreaterThanOrEqual(200);
    for (const system of ['engine', 'rawLunr', 'linearScan']) {
      expect(results.latency.systems[system]).toMatchObject({ p50: expect.any(Number), p95: expect.any(Number), p99: expect.any(Number), max: expect.any(Number) });
    }
    expect(results.latency.ratios.engineVsRawLunr.p99).toBeGreaterThan(0);
    expect(results.latency.ratios.engineVsLinearScan.p99).toBeGreaterThan(0);
    expect(results.coldStart.prebuilt.medianMs).toBeGreaterThan(0);
    expect(results.coldStart.rebuild.medianMs).toBeGreaterThan(0);
    expect(results.coldStart.prebuiltReused).toBe(true);
    expect(results.memory.loaded).toMatchObject({ heapUsedMB: expect.any(Number), rssMB: expect.any(Number) });
    expect(results.scale[0]).toMatchObject({ records: 1000, status: 'measured' });
    expect(results.scale[0].latency.systems.engine.p99).toBeGreaterThan(0);
    expect(results.targets.map((t: { id: string }) => t.id)).toEqual(['seed-p99-vs-lunr', 'seed-p99', 'cold-start', '10k-p99', '10k-load']);
  }, 120_000);
});
