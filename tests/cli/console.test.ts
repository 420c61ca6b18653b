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
});
