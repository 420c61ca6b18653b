// `npm start` with no chat credentials: the console chat, driven through piped input.
import { spawnSync } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runConsoleChat } from '../../adapters/console/chat.js';
import { ROOT, realEngine } from '../helpers.js';

const CREDENTIALS = ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET', 'DISCORD_TOKEN'];

function start(input: string) {
  const env = { ...process.env };
  for (const name of CREDENTIALS) delete env[name];
  return spawnSync(process.execPath, [join(ROOT, 'dist', 'adapters', 'start.js')], { cwd: ROOT, input, env, encoding: 'utf8', timeout: 15_000 });
}

async function chat(lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const done = runConsoleChat({ engine: realEngine(), input, output, interactive: false });
  input.end(lines.join('\n') + '\n');
  await done;
  return text;
}

describe('console chat', () => {
  it('answers piped input and exits at end of input', () => {
    const run = start('treaties consular\n');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Vienna Convention on Consular Relations');
    expect(run.stdout).toContain('id: vccr');
  });

  it('answers help, pages with more, and stops at quit', async () => {
    const text = await chat(['help', 'recommendations', 'more', 'quit', 'treaties consular']);
    expect(text).toContain('Examples:');
    expect(text).toMatch(/Recommendations: \d+ found, showing 1–5/);
    expect(text).toMatch(/Recommendations: \d+ found, showing 6–10/);
    expect(text).not.toContain('Vienna Convention'); // after quit
  });

  it('previews today’s digest', async () => {
    expect(await chat(['digest'])).toMatch(/Rights digest for \d{4}-\d{2}-\d{2}[\s\S]*Recommendation of the day/);
  });

  it('says so when there is nothing to continue', async () => {
    expect(await chat(['more'])).toContain('Nothing to continue');
  });

  it('reads more, más/mas and plus/suite as "more", in any case and with or without accents', async () => {
    const text = await chat(['recommendations', 'MORE', 'Más', 'mas', 'plus', 'Suite', 'MÁS']);
    for (const [from, to] of [[1, 5], [6, 10], [11, 15], [16, 20], [21, 25], [26, 30], [31, 35]]) {
      expect(text).toMatch(new RegExp(`Recommendations: \\d+ found, showing ${from}–${to}\n`));
    }
    expect(text).toContain('Type "more" for the next results'); // the console keeps its own hint
    expect(text).not.toMatch(/Results for “(more|más|mas|plus|suite)”/i);
  });

  it('says there is nothing to continue in the language of the word', async () => {
    expect(await chat(['más'])).toBe('Nada que continuar: primero haga una pregunta.\n');
    expect(await chat(['suite'])).toBe('Rien à poursuivre : posez d’abord une question.\n');
  });

  it('says there are no more results, in the language of the answer', async () => {
    expect(await chat(['treaties consular', 'more', 'more', 'more', 'more', 'more'])).toContain('No more results.');
    expect(await chat(['recomendaciones niños', ...Array(40).fill('más')])).toContain('No hay más resultados.');
  });

  // Regression: "show" alone searched records for the word "show" instead of saying how to use it.
  it('answers show, mostrar or voir with no id with usage help', async () => {
    const text = await chat(['show']);
    expect(text.split('\n')[0]).toBe('“show” needs a record id: show <id>, e.g. show vccr (each result ends with its id).');
    expect(text).toContain('show gfmd-2017-working-session');
    expect(text).not.toMatch(/found, showing/);
    expect((await chat(['mostrar'])).split('\n')[0]).toMatch(/^«mostrar» necesita el id de una ficha: mostrar <id>/);
    expect((await chat(['voir'])).split('\n')[0]).toMatch(/^« voir » attend l’id d’une fiche : voir <id>/);
  });
});
