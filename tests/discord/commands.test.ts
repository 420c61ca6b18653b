// The /rights command data against Discord's rules, subcommands → query grammar, autocomplete choices,
// button custom_ids, and the query read from a mention.
import { describe, expect, it } from 'vitest';
import type { APIApplicationCommandOption } from 'discord.js';
import { commandText, discordCommands, recordChoices, rightsCommand, themeChoices } from '../../adapters/discord/commands.js';
import { decodeAction, encodeAction, encoderFor, memoryButtonTexts, stashedKey, textKey, type ButtonAction, type TextStash } from '../../adapters/discord/custom-id.js';
import { LIMITS } from '../../adapters/discord/limits.js';
import { queryFromContent } from '../../adapters/discord/mentions.js';
import { DISCORD_MESSAGES } from '../../adapters/discord/messages.js';
import { realEngine } from '../helpers.js';

const NAME = /^[-_\p{Ll}\p{Lo}\p{N}]{1,32}$/u;

function problems(options: readonly APIApplicationCommandOption[], at: string): string[] {
  const found: string[] = [];
  if (options.length > 25) found.push(`${at}: ${options.length} options`);
  let optionalSeen = false;
  for (const o of options) {
    const where = `${at} ${o.name}`;
    if (!NAME.test(o.name)) found.push(`${where}: bad name`);
    if (o.description.length < 1 || o.description.length > LIMITS.commandDescription) found.push(`${where}: description of ${o.description.length}`);
    for (const text of Object.values(o.description_localizations ?? {})) if (text && text.length > LIMITS.commandDescription) found.push(`${where}: localized description of ${text.length}`);
    if ('required' in o && o.required && optionalSeen) found.push(`${where}: required after optional`);
    if (!('required' in o) || !o.required) optionalSeen = true;
    if ('choices' in o && o.choices) {
      if (o.choices.length > LIMITS.choices) found.push(`${where}: ${o.choices.length} choices`);
      if ('autocomplete' in o && o.autocomplete) found.push(`${where}: choices and autocomplete`);
      for (const c of o.choices) if (c.name.length > LIMITS.choiceName || String(c.value).length > LIMITS.choiceValue) found.push(`${where}: choice too long`);
    }
    if ('options' in o && o.options) found.push(...problems(o.options, where));
  }
  return found;
}

describe('/rights command data', () => {
  const themes = realEngine().kb.taxonomy.themes;

  it('follows Discord’s naming, length and choice rules, with every subcommand of the issue', () => {
    for (const list of [themes, themes.slice(0, 10)]) {
      const [command] = discordCommands(list);
      if (!command) throw new Error('no command');
      expect(command.name).toBe('rights');
      expect(command.description.length).toBeLessThanOrEqual(LIMITS.commandDescription);
      expect(problems(command.options ?? [], '/rights')).toEqual([]);
      expect(command.options?.map((o) => o.name)).toEqual(['recommendations', 'treaties', 'sessions', 'speakers', 'search', 'show', 'digest', 'help']);
    }
  });

  it('offers themes as fixed choices up to 25, by autocomplete beyond (so none is left out)', () => {
    const themeOption = (list: typeof themes) => {
      const sub = rightsCommand(list).options?.find((o) => o.name === 'recommendations');
      return sub && 'options' in sub ? sub.options?.find((o) => o.name === 'theme') : undefined;
    };
    expect(themeOption(themes.slice(0, 25))).toMatchObject({ choices: expect.any(Array) });
    expect(themeOption(themes.slice(0, 25))).not.toHaveProperty('autocomplete');
    expect(themeOption(themes.slice(0, 26))).toMatchObject({ autocomplete: true });
    expect(themeOption(themes.slice(0, 26))).not.toHaveProperty('choices');
  });

  it('is described in Spanish and French for Discord clients in those languages', () => {
    const command = rightsCommand(themes);
    expect(command.description_localizations).toMatchObject({ 'es-ES': DISCORD_MESSAGES.es['discord.command.rights'], fr: DISCORD_MESSAGES.fr['discord.command.rights'] });
  });

  it('turns each subcommand into the chat grammar', () => {
    expect(commandText('recommendations', { query: 'firewalls' })).toBe('recommendations firewalls');
    expect(commandText('treaties', { query: ' consular ', theme: 'consular-protection' })).toBe('treaties consular theme:consular-protection');
    expect(commandText('search', { query: 'firewalls', theme: 'two words' })).toBe('firewalls theme:two-words');
    expect(commandText('sessions', {})).toBe('sessions');
    expect(commandText('search', {})).toBe('');
    expect(commandText('show', { id: 'gfmd-2017-firewalls' })).toBe('show gfmd-2017-firewalls');
    expect(commandText('digest', { settings: 'on 09:00 Europe/Madrid' })).toBe('digest on 09:00 Europe/Madrid');
    expect(commandText('digest', {})).toBe('digest');
    expect(commandText('help', {})).toBe('help');
    expect(commandText(null, {})).toBe('help');
  });
});

describe('autocomplete choices', () => {
  const engine = realEngine();

  it('gives at most 25 record titles, names and values within 100 characters', () => {
    for (const typed of ['', 'fire', 'a', 'migrant workers rights']) {
      for (const asIds of [false, true]) {
        const choices = recordChoices(engine.suggest(typed, undefined, 40), asIds);
        expect(choices.length).toBeLessThanOrEqual(LIMITS.choices);
        for (const c of choices) {
          expect(c.name.length).toBeGreaterThan(0);
          expect(c.name.length).toBeLessThanOrEqual(LIMITS.choiceName);
          expect(c.value.length).toBeLessThanOrEqual(LIMITS.choiceValue);
        }
      }
    }
    const long = recordChoices([{ id: 'x', title: 'T'.repeat(300) }], false)[0];
    expect(long?.name).toHaveLength(100);
    expect(recordChoices([{ id: 'gfmd-x', title: 'A title' }], true)).toEqual([{ name: 'A title (gfmd-x)', value: 'gfmd-x' }]);
  });

  it('matches themes by id or label, at most 25', () => {
    const themes = engine.kb.taxonomy.themes;
    expect(themeChoices(themes, '').length).toBe(Math.min(25, themes.length));
    expect(themeChoices(themes, 'child').map((c) => c.value)).toContain('children');
    expect(themeChoices(themes, 'Immigration DETENTION').map((c) => c.value)).toContain('detention');
  });
});

describe('button custom_ids', () => {
  const lookupIn = (stash: TextStash) => async (key: string) => stash.get(key);

  it('round-trip every action within 100 characters', async () => {
    const stash: TextStash = new Map();
    const actions: ButtonAction[] = [
      { type: 'share', text: 'recommendations firewalls', offset: 0 },
      { type: 'more', text: 'treaties consular theme:consular-protection', offset: 5 },
      { type: 'details', id: 'gfmd-2017-firewalls', part: 3 },
      { type: 'more', text: 'x '.repeat(200), offset: 10 },
      { type: 'share', text: '~starts with a tilde', offset: 0 },
      { type: 'details', id: 'a'.repeat(150), part: 0 },
    ];
    for (const action of actions) {
      const id = encodeAction(action, stash);
      expect(id.length).toBeLessThanOrEqual(LIMITS.customId);
      expect(await decodeAction(id, lookupIn(stash))).toEqual(action);
    }
  });

  it('name a long text by a digest of itself: the same key on every replica, nothing else in the stash', () => {
    const text = 'recommendations '.repeat(10);
    const stash: TextStash = new Map();
    const id = encodeAction({ type: 'more', text, offset: 5 }, stash);
    expect(id).toBe(`r1:m:5:~${textKey(text)}`);
    expect(textKey(text)).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect([...stash]).toEqual([[textKey(text), text]]);
    expect(encodeAction({ type: 'more', text, offset: 5 }, new Map())).toBe(id);
    expect(textKey(`${text}.`)).not.toBe(textKey(text));
    expect(encodeAction({ type: 'share', text: 'short', offset: 0 }, stash)).toBe('r1:s:0:short');
    expect(stash.size).toBe(1);
  });

  it('without a stash, cut long texts instead of failing; a text not found answers "expired"', async () => {
    expect(encodeAction({ type: 'more', text: 'y'.repeat(300), offset: 5 }).length).toBe(LIMITS.customId);
    const id = encodeAction({ type: 'more', text: 'a'.repeat(200), offset: 5 }, new Map());
    expect(await decodeAction(id, async () => undefined)).toBe('expired');
    expect(await decodeAction(id)).toBe('expired');
    expect(await decodeAction('someone-elses-button')).toBeUndefined();
    expect(await decodeAction('')).toBeUndefined();
    expect(await decodeAction('r1:d:0:')).toBeUndefined();
  });

  it('point only to saved texts when some could not be saved', () => {
    const kept = { type: 'more', text: 'k'.repeat(200), offset: 5 } as const;
    const lost = { type: 'share', text: 'l'.repeat(200), offset: 0 } as const;
    const encode = encoderFor(new Set([textKey(kept.text)]));
    expect(stashedKey(encode(kept))).toBe(textKey(kept.text));
    expect(encode(lost)).toBe(encodeAction(lost));
    expect(stashedKey(encode(lost))).toBeUndefined();
  });

  it('kept in memory without a store: bounded, oldest forgotten first, and only within the lifetime', async () => {
    let now = 0;
    const texts = memoryButtonTexts(2, () => now);
    for (const key of ['a', 'b', 'c']) await texts.putValue('discord-button', key, `text ${key}`);
    expect(await texts.getValue('discord-button', 'a', 1000)).toBeUndefined();
    expect(await texts.getValue('discord-button', 'c', 1000)).toBe('text c');
    now = 1001;
    expect(await texts.getValue('discord-button', 'c', 1000)).toBeUndefined();
  });
});

describe('query from a mention', () => {
  const names = { users: new Map([['222', 'Ada']]), roles: new Map([['333', 'Moderators']]), channels: new Map([['444', 'general']]) };

  it('removes the bot’s user and role mentions and turns other markup into plain names', () => {
    expect(queryFromContent('<@111> recommendations firewalls', '111', new Set(), names)).toBe('recommendations firewalls');
    expect(queryFromContent('<@!111>   treaties <#444>', '111', new Set(), names)).toBe('treaties #general');
    expect(queryFromContent('<@&999> help', '111', new Set(['999']), names)).toBe('help');
    expect(queryFromContent('<@111>', '111', new Set(), names)).toBe('');
    expect(queryFromContent('hey <@111> ask <@222> and <@&333> <:ok:12345> <@555>', '111', new Set(), names)).toBe('hey ask @Ada and @Moderators :ok: @user');
  });
});
