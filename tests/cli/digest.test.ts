// `rights digest`: the stateless preview (text and JSON), and `--send` through the real Slack Web API
// client to a local stand-in, exactly once per local day.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../adapters/cli/cli.js';
import { ROOT } from '../helpers.js';
import { SlackStandIn } from '../slack/stand-in.js';
import { captureStderr } from '../quiet.js';

const BIN = join(ROOT, 'dist', 'adapters', 'cli', 'main.js');
const rights = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 15_000 });

describe('rights digest (preview)', () => {
  it('prints the digest for a date as JSON in the ask --json record shape', () => {
    const run = rights('digest', '--date', '2026-12-18', '--json');
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.date).toBe('2026-12-18');
    expect(json.on_this_day.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining(['icrmw', 'international-migrants-day']));
    expect(json.on_this_day.find((r: { id: string }) => r.id === 'icrmw')).toMatchObject({ kind: 'treaty', anniversary: { reason: 'adopted', years: 36 }, source: { document: expect.any(String) } });
    expect(json.recommendation).toMatchObject({ kind: 'recommendation', by: expect.any(Object), source: { title: expect.any(String) } });
    expect(json.new_records).toEqual([]);
  });

  it('honours a theme watchlist and language in text mode', () => {
    const run = rights('digest', '--date', '2026-12-18', '--themes', 'children,detention', '--lang', 'es');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Resumen de derechos del 2026-12-18');
    expect(run.stdout).toContain('Temas: children, detention');
  });

  it('rejects a bad date or theme with usage', () => {
    expect(rights('digest', '--date', '2026-02-30').status).toBe(2);
    expect(rights('digest', '--themes', 'astrology').stderr).toContain('unknown theme "astrology"');
  });
});

describe('rights digest --send', () => {
  let api: SlackStandIn;
  beforeAll(async () => {
    api = await new SlackStandIn().start();
  });
  afterAll(async () => api?.stop());

  it('posts to every configured target once, through the Slack Web API client', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rights-send-'));
    const configFile = join(dir, 'rights.yaml');
    writeFileSync(configFile, 'digest:\n  targets:\n    - platform: slack\n      channel: C0DIGEST\n      time: "09:00"\n      timezone: Europe/Madrid\n');
    const env = { SLACK_BOT_TOKEN: 'xoxb-send', SLACK_SIGNING_SECRET: 'secret', SLACK_API_URL: api.apiUrl, RIGHTS_CONFIG: configFile, RIGHTS_STATE_DIR: join(dir, 'state') };
    const out: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => out.push(t) };
    // The digest service logs to stderr: captured, so the test output stays quiet, and checked.
    const { result: codes, lines } = await captureStderr(async () => [await runCli(['digest', '--send'], io, ROOT, env), await runCli(['digest', '--send'], io, ROOT, env)]);
    expect(codes).toEqual([0, 0]);
    expect(out).toEqual(['slack:C0DIGEST: sent', 'slack:C0DIGEST: skipped']);
    expect(lines.filter((l) => l.includes('[digest] digest posted'))).toEqual([expect.stringContaining('"target":"slack:C0DIGEST"')]);
    expect(lines.join('\n')).not.toContain('xoxb-send');
    const posts = api.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.params).toMatchObject({ channel: 'C0DIGEST' });
    expect(JSON.stringify(posts[0]?.params)).toContain('Recommendation of the day');
  });

  it('says what is missing without chat credentials', async () => {
    const err: string[] = [];
    expect(await runCli(['digest', '--send'], { out: () => {}, err: (t) => err.push(t) }, ROOT, {})).toBe(2);
    expect(err[0]).toContain('needs Slack or Discord credentials');
  });

  it('names the file and line of a bad RIGHTS_CONFIG', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rights-send-'));
    const configFile = join(dir, 'rights.yaml');
    writeFileSync(configFile, 'digest:\n  targets:\n    - platform: slack\n      channel: C1\n      time: "9 am"\n');
    const err: string[] = [];
    const code = await runCli(['digest', '--send'], { out: () => {}, err: (t) => err.push(t) }, ROOT, { SLACK_BOT_TOKEN: 'xoxb-x', SLACK_SIGNING_SECRET: 's', RIGHTS_CONFIG: configFile });
    expect(code).toBe(1);
    expect(err[0]).toMatch(new RegExp(`^\\[config\\] ${configFile.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:5: digest.targets.0.time: `));
  });
});
