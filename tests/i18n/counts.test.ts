// Counts the bot says about the records: `rights list` totals, and the no-result line's "other kinds" count,
// which every renderer says in the asker's language (JSON keeps its English suggestion).
import { describe, expect, it } from 'vitest';
import { runCli } from '../../adapters/cli/cli.js';
import { renderText } from '../../adapters/console/render.js';
import { renderAnswer as renderSlack } from '../../adapters/slack/render.js';
import { renderAnswer as renderDiscord } from '../../adapters/discord/render.js';
import { answerToJson } from '../../src/json.js';
import { ROOT, realEngine } from '../helpers.js';

async function lastLine(...args: string[]): Promise<string> {
  const out: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => out.push(t) }, ROOT);
  expect(code).toBe(0);
  return out.join('\n').split('\n').at(-1) ?? '';
}

describe('rights list totals', () => {
  const engine = realEngine();

  it('ends `list treaties` with "16 treaties"', async () => {
    // Regression: the total was built by adding "s" to the kind, giving "16 treatys".
    expect(engine.list('treaty')).toHaveLength(16);
    expect(await lastLine('list', 'treaties')).toBe('16 treaties');
  });

  it('names every kind in the plural, and all records as records', async () => {
    expect(await lastLine('list', 'observances')).toBe(`${engine.list('observance').length} observances`);
    expect(await lastLine('list', 'speakers')).toBe(`${engine.list('speaker').length} speakers`);
    expect(await lastLine('list')).toBe(`${engine.list().length} records`);
  });
});

describe('the no-result line of a kind with results among other kinds', () => {
  const engine = realEngine();
  const french = engine.ask('séances pare-feu');

  it('carries the count as data, not as an English suggestion', () => {
    expect(french).toMatchObject({ type: 'empty', lang: 'fr', elsewhere: { query: 'pare feu', total: expect.any(Number) } });
    if (french.type !== 'empty') return;
    expect(french.elsewhere?.total).toBeGreaterThan(1);
    expect(french.suggestions.join(' ')).not.toMatch(/all kinds|results/);
  });

  it('is French in French, in the console, Slack and Discord', () => {
    // Regression: "(all kinds: 5 results)" was pushed as an English suggestion into every language.
    const total = french.type === 'empty' ? french.elsewhere?.total : undefined;
    const said = `pare feu (tous types confondus : ${total} résultats)`;
    const console = renderText(french);
    expect(console).toContain(`Essayez : ${said} · `);
    const slack = renderSlack(french);
    const discord = renderDiscord(french, 'séances pare-feu', { ephemeral: true, shareable: false });
    for (const text of [console, JSON.stringify(slack.blocks), JSON.stringify(discord)]) {
      expect(text).toContain(said);
      expect(text).not.toContain('all kinds');
    }
  });

  it('is said in Spanish and English too, singular for one result', () => {
    const spanish = engine.ask('sesiones cortafuegos');
    expect(spanish.lang).toBe('es');
    expect(renderText(spanish)).toMatch(/cortafuegos \(todos los tipos: \d+ resultados\)/);
    const english = engine.ask('sessions firewalls');
    expect(renderText(english)).toMatch(/Try: firewalls \(all kinds: \d+ results\) · /);
    if (english.type !== 'empty' || !english.elsewhere) throw new Error('expected an empty answer with results elsewhere');
    expect(renderText({ ...english, elsewhere: { ...english.elsewhere, total: 1 } })).toContain('firewalls (all kinds: 1 result) · ');
  });

  it('stays the first, English suggestion in JSON', () => {
    const json = answerToJson(french, 'usage');
    expect('suggestions' in json && json.suggestions?.[0]).toMatch(/^pare feu \(all kinds: \d+ results\)$/);
  });

  it('is absent when the query had no kind', () => {
    const answer = engine.ask('zzzzqqq');
    expect(answer.type === 'empty' && answer.elsewhere).toBeFalsy();
  });
});
