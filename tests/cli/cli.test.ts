// The `rights` CLI through a spawned process (the JSON contract other tools depend on) and in-process.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../adapters/cli/cli.js';
import { ROOT, makeProject, miniRecords } from '../helpers.js';
import { labelled } from '../quiet.js';

const BIN = join(ROOT, 'dist', 'adapters', 'cli', 'main.js');

function rights(...args: string[]) {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 15_000 });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

async function inProcess(root: string, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) }, root);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('rights ask --json', () => {
  it('returns the GFMD firewall recommendation first, in the documented shape', () => {
    const { code, out, err } = rights('ask', '--json', 'recommendations firewalls');
    expect(err).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.query).toEqual({ kind: 'recommendation', terms: ['firewalls'], filters: {} });
    expect(json.total).toBeGreaterThan(0);
    const first = json.results[0];
    expect(first).toMatchObject({ kind: 'recommendation', source: { document: 'gfmd-2017' } });
    expect(first.id).toMatch(/firewall/);
    for (const key of ['id', 'kind', 'title', 'text', 'score', 'snippet', 'source', 'by', 'session', 'themes']) expect(first).toHaveProperty(key);
    expect(Object.keys(first.source)).toEqual(expect.arrayContaining(['document', 'title', 'section']));
    expect(typeof first.score).toBe('number');
  });

  it('carries a direct answer for a fact question, null otherwise, and sorts results by score', () => {
    const json = JSON.parse(rights('ask', '--json', 'when did the VCCR enter into force?').out);
    expect(json.direct).toMatchObject({ text: 'The Vienna Convention on Consular Relations entered into force on 19 March 1967.', id: 'vccr', field: 'in_force', negative: false });
    expect(json.direct.source).toMatchObject({ document: expect.any(String), section: expect.any(String) });
    expect(json.results[0].id).toBe('vccr');
    const keywords = JSON.parse(rights('ask', '--json', 'recommendations', 'firewalls').out);
    expect(keywords.direct).toBeNull();
    const scores = keywords.results.map((r: { score: number }) => r.score);
    expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a));
  });

  it('gives dates in ISO 8601', () => {
    const json = JSON.parse(rights('ask', '--json', 'treaties', 'consular').out);
    expect(json.results[0]).toMatchObject({ id: 'vccr', adopted: '1963-04-24', in_force: '1967-03-19' });
  });

  it('prints a usage error as JSON with exit code 2', () => {
    const { code, out } = rights('ask', '--json', 'recommendations', 'colour:red');
    expect(code).toBe(2);
    expect(JSON.parse(out)).toEqual({ error: expect.stringContaining('colour'), usage: expect.stringContaining('rights ask') });
  });

  it('reports no results honestly, with suggestions', () => {
    const { code, out } = rights('ask', '--json', 'treaties', 'xylophone');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ total: 0, results: [], suggestions: expect.any(Array) });
  });

  it.each(labelled(['firewalls:', '~^*+-', '\u0007\u001b[2J', 'x'.repeat(10_000), '<!channel>', 'year:', '--json']))(
    'never prints a stack trace for %s',
    (_name, input) => {
      const { code, out, err } = rights('ask', '--json', input);
      expect([0, 2]).toContain(code);
      expect(err).not.toMatch(/\n\s+at /);
      expect(() => JSON.parse(out)).not.toThrow();
    },
  );
});

describe('other commands', () => {
  it('show --json prints one record with related records', () => {
    const json = JSON.parse(rights('show', '--json', 'gfmd-2017-working-session').out);
    expect(json.results).toHaveLength(1);
    expect(json.results[0]).toMatchObject({ id: 'gfmd-2017-working-session', kind: 'session', date: '2017-09-06' });
    expect(json.results[0].related.length).toBeGreaterThan(0);
  });

  it('show of an unknown id exits 2', () => {
    expect(rights('show', 'no-such-record').code).toBe(2);
  });

  it('list prints every record of a kind', () => {
    const { code, out } = rights('list', 'treaties');
    expect(code).toBe(0);
    expect(out).toMatch(/^icrmw\s+International Convention on the Protection of the Rights of All Migrant Workers/m);
    expect(rights('list', 'spaceships').code).toBe(2);
  });

  it('themes lists the taxonomy with counts', () => {
    expect(rights('themes').out).toMatch(/firewalls\s+Firewalls between services and immigration enforcement \(\d+\)/);
  });

  it('check passes on the real seeds', () => {
    const { code, out } = rights('check');
    expect(code).toBe(0);
    expect(out).toMatch(/^seeds OK: \d+ records/);
  });

  it('check fails with file:line on bad seeds, without a stack trace', async () => {
    const root = makeProject({ 'seeds/records.yaml': miniRecords().replace('session: doc-a-meeting', 'session: nowhere') });
    const { code, err } = await inProcess(root, 'check');
    expect(code).toBe(1);
    expect(err).toContain('seeds/records.yaml:38: recommendation "doc-a-firewalls": session: unknown session "nowhere"');
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('an unknown command prints usage and exits 2', () => {
    const { code, err } = rights('frobnicate');
    expect(code).toBe(2);
    expect(err).toContain('unknown command "frobnicate"');
  });
});
