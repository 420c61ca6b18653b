// Logging: readable lines by default, one JSON object per line through pino with LOG_FORMAT=json; in both,
// secret fields and token-looking values are redacted, and a log call never throws.
import { afterEach, describe, expect, it } from 'vitest';
import { configureLogging } from '../../adapters/logging.js';
import { createLogger } from '../../adapters/types.js';

afterEach(() => configureLogging({ format: 'text' }));

const SLACK_TOKEN = 'xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx';
const DISCORD_TOKEN = 'MTE4MDAwMDAwMDAwMDAwMDAwMQ.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789';
const SIGNING_SECRET = '8f3a9c0d1e2b4a5f6c7d8e9f0a1b2c3d';

function capture(component = 'slack') {
  const lines: string[] = [];
  return { lines, logger: createLogger(component, (line) => lines.push(line)) };
}

describe('the default format', () => {
  it('is one readable line: time, level, [component], message, context as JSON', () => {
    const { lines, logger } = capture();
    logger.info('listening for Slack requests', { port: 3000, path: '/slack/events' });
    logger.warn('no context');
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z info \[slack\] listening for Slack requests \{"port":3000,"path":"\/slack\/events"\}$/);
    expect(lines[1]).toMatch(/Z warn \[slack\] no context$/);
  });

  it('redacts secret fields at any depth and token-looking values anywhere', () => {
    const { lines, logger } = capture();
    logger.error(`auth failed for ${SLACK_TOKEN}`, {
      token: 'short',
      signingSecret: 's',
      request: { headers: { authorization: `Bot ${DISCORD_TOKEN}`, 'content-type': 'application/json' } },
      url: 'postgres://rights:hunter2@db:5432/rights',
      note: `a pasted secret ${SIGNING_SECRET} in text`,
      SLACK_CLIENT_SECRET: 'client-secret',
      user: 'U0ASKER1',
      snowflake: '1180000000000000010',
    });
    const line = lines[0] ?? '';
    for (const secret of [SLACK_TOKEN, DISCORD_TOKEN, SIGNING_SECRET, 'hunter2', 'client-secret', '"short"']) expect(line).not.toContain(secret);
    expect(line).toContain('"token":"[redacted]"');
    expect(line).toContain('"authorization":"[redacted]"');
    expect(line).toContain('postgres://rights:[redacted]@db:5432/rights');
    // Ordinary ids stay readable.
    expect(line).toContain('"user":"U0ASKER1"');
    expect(line).toContain('"snowflake":"1180000000000000010"');
  });

  it('never throws: BigInt, cycles, errors and huge values are made printable', () => {
    const { lines, logger } = capture();
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    expect(() => logger.info('odd context', { big: 10n, cyclic, error: new RangeError('out of range'), paste: 'x '.repeat(5_000), list: Array.from({ length: 100 }, (_, i) => i) })).not.toThrow();
    const context = JSON.parse(lines[0]?.replace(/^.*? odd context /, '') ?? '{}');
    expect(context).toMatchObject({ big: '10', cyclic: { name: 'loop', self: '[circular]' }, error: 'RangeError: out of range' });
    expect(context.paste.length).toBeLessThan(1_100);
    expect(context.list).toHaveLength(31);
  });
});

describe('LOG_FORMAT=json', () => {
  it('writes one JSON object per line through pino: level, time, component, msg and context', () => {
    const { lines, logger } = capture('digest');
    configureLogging({ format: 'json' });
    logger.info('digest posted', { target: 'slack:C0GENERAL', date: '2026-12-18' });
    logger.error('no context');
    expect(lines).toHaveLength(2);
    const first = JSON.parse(lines[0] ?? '');
    expect(first).toEqual({ level: 'info', time: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/), component: 'digest', msg: 'digest posted', context: { target: 'slack:C0GENERAL', date: '2026-12-18' } });
    expect(JSON.parse(lines[1] ?? '')).toEqual({ level: 'error', time: expect.any(String), component: 'digest', msg: 'no context' });
  });

  it('applies to loggers made before the format was chosen (the entry point reads LOG_FORMAT after its first logger)', () => {
    const { lines, logger } = capture('rights');
    logger.info('before');
    configureLogging({ format: 'json' });
    logger.info('after');
    expect(lines[0]).toMatch(/ info \[rights\] before$/);
    expect(JSON.parse(lines[1] ?? '')).toMatchObject({ component: 'rights', msg: 'after' });
  });

  it('redacts as the readable format does', () => {
    const { lines, logger } = capture('discord');
    configureLogging({ format: 'json' });
    logger.warn(`login with ${DISCORD_TOKEN} failed`, { botToken: SLACK_TOKEN, nested: { clientSecret: 'abc', password: 'pw' }, route: '/api/v10/interactions/1180000000000000500/:token/callback' });
    const entry = JSON.parse(lines[0] ?? '');
    expect(entry.msg).toBe('login with [redacted] failed');
    expect(entry.context).toEqual({ botToken: '[redacted]', nested: { clientSecret: '[redacted]', password: '[redacted]' }, route: '/api/v10/interactions/1180000000000000500/:token/callback' });
    expect(lines[0]).not.toContain(SLACK_TOKEN);
  });
});
