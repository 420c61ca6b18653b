// `rights ask --offset N --limit N`: pages in text and JSON, the next-page hint the CLI can run, bad values,
// and `show` with no id.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, USAGE } from '../../adapters/cli/cli.js';
import { ROOT } from '../helpers.js';

const BIN = join(ROOT, 'dist', 'adapters', 'cli', 'main.js');

/** The built binary, for the JSON contract other tools depend on. */
function rights(...args: string[]) {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 15_000 });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

async function ask(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['ask', ...args], { out: (t) => out.push(t), err: (t) => err.push(t) }, ROOT);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const ids = (json: { results: { id: string }[] }) => json.results.map((r) => r.id);
const lastLine = (text: string) => text.split('\n').at(-1);
/** The next-page command of a text answer's hint: its offset, limit and (shell-quoted) query. */
const NEXT = /^Next results: rights ask --offset (\d+)(?: --limit (\d+))? (".*"|'.*') · details: rights show <id>$/;

describe('rights ask --offset / --limit (JSON)', () => {
  it('returns results 6–10 for --offset 5, with offset and the full total', () => {
    const first = JSON.parse(rights('ask', '--json', '--limit', '10', 'recommendations').out);
    const page = JSON.parse(rights('ask', '--json', '--offset', '5', 'recommendations').out);
    expect(first.total).toBeGreaterThan(10);
    expect(page).toMatchObject({ offset: 5, total: first.total });
    expect(ids(page)).toEqual(ids(first).slice(5, 10));
  });

  it('honours --limit, and --offset=N --limit=N', async () => {
    const all = JSON.parse((await ask('--json', '--limit', '20', 'recommendations')).out);
    const spaced = JSON.parse((await ask('--json', '--offset', '7', '--limit', '3', 'recommendations')).out);
    const joined = JSON.parse((await ask('recommendations', '--json', '--limit=3', '--offset=7')).out);
    expect(ids(all)).toHaveLength(20);
    expect(ids(spaced)).toEqual(ids(all).slice(7, 10));
    expect(joined).toEqual(spaced);
  });

  it('gives an empty page past the end, with the total', async () => {
    const { code, out } = await ask('--json', '--offset', '100000', 'recommendations');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ offset: 100000, total: expect.any(Number), results: [] });
  });
});

describe('rights ask --offset / --limit (text)', () => {
  it('ends a page with the CLI command for the next one, not the chat\'s "more"', async () => {
    const { code, out } = await ask('recommendations');
    expect(code).toBe(0);
    expect(out).toMatch(/Recommendations: \d+ found, showing 1–5/);
    expect(lastLine(out)).toBe('Next results: rights ask --offset 5 "recommendations" · details: rights show <id>');
    expect(out).not.toMatch(/"more"/);
  });

  it('gives a hint that runs: it shows the next page, keeping --limit', async () => {
    const first = await ask('--limit', '2', 'recommendations', 'theme:children');
    const [, offset, limit, quoted] = NEXT.exec(lastLine(first.out) ?? '') ?? [];
    expect([offset, limit, quoted]).toEqual(['2', '2', '"recommendations theme:children"']);
    const next = await ask('--offset', offset ?? '', '--limit', limit ?? '', (quoted ?? '').slice(1, -1));
    expect(next.out).toMatch(/Recommendations: \d+ found, showing 3–4/);
  });

  it('quotes the query in the hint so that a shell gives it back unchanged', async () => {
    const query = 'recommendations children`s "rights" $HOME! it\'s';
    const [, , , quoted] = NEXT.exec(lastLine((await ask(query)).out) ?? '') ?? [];
    expect(quoted).toBeDefined();
    const echoed = spawnSync('/bin/sh', ['-c', `printf '%s' ${quoted}`], { encoding: 'utf8' });
    expect(echoed.stdout).toBe(query);
  });

  it('says how to see details on the last page, and names the end past it', async () => {
    const total = JSON.parse((await ask('--json', 'recommendations')).out).total as number;
    expect(lastLine((await ask('--offset', String(total - 2), 'recommendations')).out)).toBe('Details: rights show <id>');
    const past = await ask('--offset', String(total + 5), 'recommendations');
    expect(past).toEqual({ code: 0, out: `${total} found: there is no result ${total + 6}.`, err: '' });
  });

  it('gives the hint in the language of the answer', async () => {
    expect(lastLine((await ask('recomendaciones niños')).out)).toBe('Más resultados: rights ask --offset 5 "recomendaciones niños" · detalle: rights show <id>');
    expect(lastLine((await ask('recommandations enfants')).out)).toMatch(/^Suite des résultats : rights ask --offset 5 "recommandations enfants" · détail : rights show <id>$/);
  });

  it('documents both options in the usage text', () => {
    expect(USAGE).toContain('rights ask [--json] [--offset N] [--limit N] <words…>');
    expect(USAGE).toMatch(/--offset skips the first N results/);
    expect(USAGE).toMatch(/--limit shows up to N results, 1–100/);
  });
});

describe('rights ask: bad --offset / --limit values', () => {
  it.each([
    ['--offset', '-1'],
    ['--offset', 'abc'],
    ['--offset', '1.5'],
    ['--offset', ''],
    ['--limit', '0'],
    ['--limit', '101'],
    ['--limit', 'ten'],
    ['--limit', '1e2'],
  ])('%s %j is a usage error naming the option (exit 2)', async (option, value) => {
    const text = await ask(option, value, 'recommendations');
    expect(text.code).toBe(2);
    expect(text.out).toBe('');
    expect(text.err).toMatch(new RegExp(`^rights: ${option} expects a whole number .*, got "${value.replace('.', '\\.')}"\\n\\nUsage:`));
    const json = await ask('--json', option, value, 'recommendations');
    expect(json.code).toBe(2);
    expect(JSON.parse(json.out)).toEqual({ error: expect.stringMatching(new RegExp(`^${option} expects`)), usage: USAGE });
  });

  it.each([['--offset'], ['--limit']])('%s without a value is a usage error naming it', async (option) => {
    for (const args of [[option], [option, '--json'], ['recommendations', option]]) {
      const run = await ask(...args);
      expect(run.code).toBe(2);
      expect(run.err + run.out).toContain(`${option} needs a value`);
    }
  });

  it('refuses an option given twice', async () => {
    const run = await ask('--offset', '5', '--offset', '10', 'recommendations');
    expect(run.code).toBe(2);
    expect(run.err).toContain('--offset given twice');
  });

  it('exits 2 from the binary too, without a stack trace', () => {
    const run = rights('ask', '--limit', '0', 'recommendations');
    expect(run.code).toBe(2);
    expect(run.err).toContain('--limit expects a whole number from 1 to 100, got "0"');
    expect(run.err).not.toMatch(/\n\s+at /);
  });
});

// Regression: `rights ask show` searched records for the word "show" instead of saying how to use it.
describe('rights ask show (no id)', () => {
  it('answers with usage help naming show <id> and a working example', async () => {
    const { code, out } = await ask('show');
    expect(code).toBe(2);
    expect(out.split('\n')[0]).toBe('“show” needs a record id: show <id>, e.g. show vccr (each result ends with its id).');
    expect(out).toContain('Examples:');
    expect(out).not.toMatch(/found, showing/);
    expect((await runCli(['show', 'vccr'], { out: () => {}, err: () => {} }, ROOT))).toBe(0); // the example exists
  });

  it('answers in the language of the word, and as a JSON error', async () => {
    expect((await ask('mostrar')).out.split('\n')[0]).toBe('«mostrar» necesita el id de una ficha: mostrar <id>, p. ej. mostrar vccr (cada resultado termina con su id).');
    expect((await ask('voir')).out.split('\n')[0]).toMatch(/^« voir » attend l’id d’une fiche : voir <id>/);
    const json = await ask('--json', 'show');
    expect(json.code).toBe(2);
    expect(JSON.parse(json.out)).toEqual({ error: expect.stringContaining('show <id>'), usage: USAGE });
  });
});
