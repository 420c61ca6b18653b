// The /rights slash command as data (what `discord:register` uploads), how a subcommand becomes the
// core's query grammar, and the autocomplete choices. https://discord.com/developers/docs/interactions/application-commands
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  Locale,
} from 'discord.js';
import type {
  APIApplicationCommandOptionChoice,
  APIApplicationCommandSubcommandOption,
  LocalizationMap,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { LANGS, translator, type Lang } from '../../src/i18n/catalog.js';
import type { Kind } from '../../src/records/schema.js';
import { LIMITS, clamp } from './limits.js';
import { DISCORD_MESSAGES } from './messages.js';

export const COMMAND_NAME = 'rights';

/** Search subcommands and the kind word each puts in front of the query (search: all kinds). */
export const SEARCH_SUBCOMMANDS = {
  recommendations: 'recommendation',
  treaties: 'treaty',
  sessions: 'session',
  speakers: 'speaker',
  search: undefined,
} as const satisfies Record<string, Kind | undefined>;
export type SearchSubcommand = keyof typeof SEARCH_SUBCOMMANDS;

/** Longest query accepted in the `query` option (the core reads at most 500 characters). */
const QUERY_MAX_LENGTH = 200;

/** A theme of the taxonomy, as the command needs it. */
export interface ThemeChoice {
  id: string;
  label: string;
}

/** Discord locales each catalog language is shown in. */
const LOCALES: Record<Exclude<Lang, 'en'>, Locale[]> = {
  es: [Locale.SpanishES, Locale.SpanishLATAM],
  fr: [Locale.French],
};

function describe(key: string): { description: string; description_localizations?: LocalizationMap } {
  const description = clamp(translator('en', DISCORD_MESSAGES)(key), LIMITS.commandDescription);
  const localizations: LocalizationMap = {};
  for (const lang of LANGS) {
    const text = lang === 'en' ? undefined : DISCORD_MESSAGES[lang][key];
    if (lang !== 'en' && text) for (const locale of LOCALES[lang]) localizations[locale] = clamp(text, LIMITS.commandDescription);
  }
  return Object.keys(localizations).length ? { description, description_localizations: localizations } : { description };
}

/**
 * The /rights command. With 25 themes or fewer, `theme` lists them as fixed choices; with more
 * (Discord allows 25), it suggests them by autocomplete instead, so every theme stays reachable.
 */
export function rightsCommand(themes: readonly ThemeChoice[]): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const themeOption =
    themes.length <= LIMITS.choices
      ? { choices: themes.map((x) => ({ name: clamp(x.label, LIMITS.choiceName), value: x.id })) }
      : { autocomplete: true as const };
  const search = (name: SearchSubcommand): APIApplicationCommandSubcommandOption => ({
    type: ApplicationCommandOptionType.Subcommand,
    name,
    ...describe(`discord.sub.${name}`),
    options: [
      { type: ApplicationCommandOptionType.String, name: 'query', ...describe('discord.option.query'), autocomplete: true, max_length: QUERY_MAX_LENGTH },
      { type: ApplicationCommandOptionType.String, name: 'theme', ...describe('discord.option.theme'), ...themeOption },
    ],
  });
  return {
    type: ApplicationCommandType.ChatInput,
    name: COMMAND_NAME,
    ...describe('discord.command.rights'),
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
    integration_types: [ApplicationIntegrationType.GuildInstall],
    options: [
      ...(Object.keys(SEARCH_SUBCOMMANDS) as SearchSubcommand[]).map(search),
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'show',
        ...describe('discord.sub.show'),
        options: [{ type: ApplicationCommandOptionType.String, name: 'id', ...describe('discord.option.id'), required: true, autocomplete: true, max_length: LIMITS.choiceValue }],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'digest',
        ...describe('discord.sub.digest'),
        options: [{ type: ApplicationCommandOptionType.String, name: 'settings', ...describe('discord.option.settings'), max_length: LIMITS.choiceValue }],
      },
      { type: ApplicationCommandOptionType.Subcommand, name: 'help', ...describe('discord.sub.help') },
    ],
  };
}

/** Every command this adapter registers. */
export function discordCommands(themes: readonly ThemeChoice[]): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return [rightsCommand(themes)];
}

export function isSearchSubcommand(name: string | null): name is SearchSubcommand {
  return name !== null && Object.hasOwn(SEARCH_SUBCOMMANDS, name);
}

/** The options a subcommand may carry. */
export interface CommandOptions {
  query?: string | null;
  theme?: string | null;
  id?: string | null;
  settings?: string | null;
}

/**
 * What a subcommand asks, in the chat grammar: `/rights recommendations query:x theme:y` →
 * "recommendations x theme:y"; `/rights digest settings:off` → "digest off" (the digest commands).
 */
export function commandText(subcommand: string | null, options: CommandOptions): string {
  if (subcommand === 'show') return `show ${options.id ?? ''}`.trim();
  if (subcommand === 'digest') return `digest ${options.settings ?? ''}`.trim();
  if (!isSearchSubcommand(subcommand)) return 'help';
  const theme = options.theme?.trim().replace(/\s+/g, '-');
  const words = [subcommand === 'search' ? '' : subcommand, options.query ?? '', theme ? `theme:${theme}` : ''];
  // A bare `/rights search` gives "", which the core answers with help, as it does a bare mention.
  return words.map((w) => w.trim()).filter(Boolean).join(' ');
}

/** Autocomplete for `query` (record titles) or `id` (record ids), at most 25, names and values ≤ 100 characters. */
export function recordChoices(suggestions: readonly { id: string; title: string }[], asIds: boolean): APIApplicationCommandOptionChoice<string>[] {
  return suggestions
    .filter((s) => !asIds || s.id.length <= LIMITS.choiceValue)
    .slice(0, LIMITS.choices)
    .map((s) => ({ name: clamp(asIds ? `${s.title} (${s.id})` : s.title, LIMITS.choiceName), value: asIds ? s.id : clamp(s.title, LIMITS.choiceValue) }));
}

/** Autocomplete for `theme` when the taxonomy has more than 25 themes: matches on id or label. */
export function themeChoices(themes: readonly ThemeChoice[], typed: string): APIApplicationCommandOptionChoice<string>[] {
  const key = typed.trim().toLowerCase();
  const matches = themes.filter((x) => x.id.includes(key) || x.label.toLowerCase().includes(key));
  return matches.slice(0, LIMITS.choices).map((x) => ({ name: clamp(x.label, LIMITS.choiceName), value: x.id.slice(0, LIMITS.choiceValue) }));
}

/** The kind a search subcommand is limited to. */
export function subcommandKind(subcommand: string | null): Kind | undefined {
  return isSearchSubcommand(subcommand) ? SEARCH_SUBCOMMANDS[subcommand] : undefined;
}
