// The Discord renderer as a pure function: the shared renderer contract, every Discord limit for every
// answer kind and oversized records, record pagination, buttons, escaping, notices and digests.
import { describe, expect, it } from 'vitest';
import { decodeAction, encodeAction, type ButtonAction, type TextStash } from '../../adapters/discord/custom-id.js';
import { inert } from '../../adapters/discord/format.js';
import { clamp, fitEmbeds } from '../../adapters/discord/limits.js';
import { renderDigest } from '../../adapters/discord/render-digest.js';
import { LIMITS, paginate, renderAnswer, renderReply, type DiscordMessage, type RenderOptions } from '../../adapters/discord/render.js';
import type { ChatRequest } from '../../adapters/types.js';
import type { Answer } from '../../src/answer.js';
import { buildDigest } from '../../src/digest/content.js';
import { realEngine } from '../helpers.js';
import { describeRendererContract, DIRECT_SENTENCE, directSample, HOSTILE, oversizedAnswers, sampleAnswers } from '../slack/renderer-contract.js';
import { discordViolations, liveMentions, visibleTexts } from './limits-check.js';

/** Discord's own ways to ping: broadcast words, a role and a user. */
const DISCORD_HOSTILE = '@everyone @here <@&1180000000000000401> <@1180000000000000010> <@!1180000000000000010>';

const textOf = (answer: Answer) => (answer.type === 'results' || answer.type === 'empty' ? answer.query.text : 'show x');

const AUDIENCES: [string, RenderOptions][] = [
  ['ephemeral slash answer', { ephemeral: true, shareable: true }],
  ['mention reply', { ephemeral: false, shareable: false }],
  ['shared copy', { ephemeral: false, shareable: false, sharedBy: '<@1180000000000000010>' }],
];

for (const [audience, options] of AUDIENCES) {
  describeRendererContract<DiscordMessage>(
    {
      name: `Discord (${audience})`,
      render: (answer) => renderAnswer(answer, textOf(answer), options),
      fallback: (m) => m.content,
      violations: discordViolations,
      // The sharer's mention is meant to show as a name (allowed_mentions keeps it silent).
      liveMentions: (m) => liveMentions(m).filter((x) => x !== options.sharedBy),
      leadLines: options.sharedBy ? 1 : 0,
    },
    realEngine,
  );
}

describe('Discord renderer', () => {
  const engine = realEngine();
  const render = (answer: Answer, options: RenderOptions = { ephemeral: true, shareable: true }, text = textOf(answer)) => renderAnswer(answer, text, options);
  const all = () => [...sampleAnswers(engine), ...oversizedAnswers(engine)];
  const actions = async (message: DiscordMessage, stash?: TextStash): Promise<ButtonAction[]> => {
    const decoded = await Promise.all(message.components.flatMap((r) => r.components.map((b) => decodeAction(b.custom_id, async (key) => stash?.get(key)))));
    return decoded.filter((a): a is ButtonAction => typeof a === 'object');
  };

  it('stays within every limit with the adapter’s stash-backed custom_ids too', async () => {
    for (const [label, answer] of all()) {
      const stash: TextStash = new Map();
      const message = render(answer, { ephemeral: true, shareable: true, encode: (a) => encodeAction(a, stash) }, HOSTILE.repeat(10));
      expect(discordViolations(message), label).toEqual([]);
      for (const action of await actions(message, stash)) if (action.type !== 'details') expect(action.text, label).toBe(HOSTILE.repeat(10));
    }
  });

  it('gives each result an embed: kind colour and label, numbered title, snippet, date/by/id/source/related, document footer', () => {
    const answer = engine.ask('recommendations firewalls');
    if (answer.type !== 'results') throw new Error('expected results');
    const message = render(answer);
    const [first] = message.embeds;
    const item = answer.items[0];
    expect(message.embeds).toHaveLength(answer.items.length);
    expect(first).toMatchObject({ color: 0x2e8b57, author: { name: 'Recommendation' }, title: `1. ${inert(item?.record.title ?? '')}`, footer: { text: item?.citation.short } });
    expect(first?.fields?.map((f) => f.name)).toEqual(expect.arrayContaining(['Date', 'By', 'id', 'Source', 'Related']));
    expect(message.content).toMatch(/^\*\*Recommendations for “firewalls”\*\* · \d+ found, showing 1–\d+$/);
  });

  it('offers Share (only where shareable), More while results remain, and a Details button per result', async () => {
    const answer = engine.ask('recommendations');
    if (answer.type !== 'results') throw new Error('expected results');
    const message = render(answer, { ephemeral: true, shareable: true }, 'recommendations');
    expect(await actions(message)).toEqual([
      { type: 'share', text: 'recommendations', offset: 0 },
      { type: 'more', text: 'recommendations', offset: 5 },
      ...answer.items.map((item) => ({ type: 'details', id: item.record.id, part: 0 })),
    ]);
    expect(message.flags).toBe(64);
    const reply = render(answer, { ephemeral: false, shareable: false });
    expect((await actions(reply)).map((a) => a.type)).not.toContain('share');
    expect(reply.flags).toBeUndefined();
    const last = engine.ask('recommendations', { offset: answer.total - 2 });
    expect((await actions(render(last))).map((a) => a.type)).not.toContain('more');
  });

  it('cuts a page that does not fit and pages on from the first result left out', async () => {
    const page = oversizedAnswers(engine).find(([label]) => label === 'a page of 100 oversized results')?.[1];
    if (page?.type !== 'results') throw new Error('sample missing');
    const message = render(page);
    const more = (await actions(message)).find((a) => a.type === 'more');
    expect(message.embeds.length).toBeLessThanOrEqual(LIMITS.embeds);
    expect(more).toMatchObject({ offset: message.embeds.length });
    expect(message.content).toContain(`showing 1–${message.embeds.length}`);
  });

  it('pages an oversized record’s text through More, losing nothing', async () => {
    const record = oversizedAnswers(engine).find(([label]) => label === 'oversized record')?.[1];
    if (record?.type !== 'record') throw new Error('sample missing');
    const pages: string[] = [];
    for (let part = 0; ; part++) {
      const message = render(record, { ephemeral: true, shareable: true, part });
      expect(discordViolations(message)).toEqual([]);
      pages.push(message.embeds[0]?.description ?? '');
      expect(message.embeds[0]?.footer?.text).toMatch(new RegExp(`Part ${part + 1} of \\d+$`));
      const next = (await actions(message)).find((a) => a.type === 'details');
      if (!next) break;
      expect(next).toEqual({ type: 'details', id: record.item.record.id, part: part + 1 });
    }
    expect(pages.length).toBeGreaterThan(10);
    expect(pages.join(' ').replace(/\s+/g, ' ')).toBe(inert(record.item.record.text).replace(/\s+/g, ' ').trim());
    const first = render(record, { ephemeral: true, shareable: true, part: 0 });
    expect(first.embeds[0]?.fields?.[0]?.name).toBe('Source');
    expect(first.embeds[0]?.fields?.map((f) => f.name)).toContain('Related');
    expect(JSON.stringify(first.embeds[0]?.fields)).toMatch(/… and \d+ more/);
  });

  it('shows every field of a record of each kind, in its kind’s colour', () => {
    const colours = new Set<number>();
    for (const kind of ['recommendation', 'treaty', 'session', 'speaker', 'observance'] as const) {
      const id = engine.list(kind)[0]?.id;
      if (!id) continue;
      const message = render(engine.show(id));
      expect(message.content).toContain(`\`${id}\``);
      expect(message.embeds[0]?.fields?.some((f) => f.name === 'Source')).toBe(true);
      colours.add(message.embeds[0]?.color ?? 0);
    }
    expect(colours.size).toBeGreaterThanOrEqual(4);
  });

  it('makes Discord mentions in queries and records inert, and pings nobody', () => {
    const message = render(engine.ask(`${DISCORD_HOSTILE} firewalls`), { ephemeral: false, shareable: false });
    expect(liveMentions(message)).toEqual([]);
    expect(message.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(visibleTexts(message).join('\n')).toContain('@\u200beveryone');
  });

  it('says who shared an answer, as a mention that renders as a name but pings nobody', () => {
    const message = render(engine.ask('treaties consular'), { ephemeral: false, shareable: false, sharedBy: '<@1180000000000000010>' });
    expect(message.content.split('\n')[0]).toBe('Shared by <@1180000000000000010>');
    expect(message.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(message.flags).toBeUndefined();
  });

  it('uses the Spanish and French catalogs for Discord words', () => {
    const labels = (lang: 'es' | 'fr') => render(engine.ask('recommendations', {}, lang)).components.flatMap((r) => r.components.map((b) => b.label));
    expect(labels('es')).toEqual(expect.arrayContaining(['Compartir', 'Más', 'Detalles 1']));
    expect(labels('fr')).toEqual(expect.arrayContaining(['Partager', 'Suite', 'Détails 1']));
  });

  it('renders notices (public ones not ephemeral) and digests within the limits', () => {
    const request: ChatRequest = { text: 'digest on', platform: 'discord', user: '1', channel: '2' };
    const notice = renderReply({ type: 'notice', lang: 'en', key: 'digest.confirm.on', params: { user: DISCORD_HOSTILE, time: '09:00', timezone: 'UTC' }, public: true, request }, { ephemeral: true, shareable: true });
    expect(notice.flags).toBeUndefined();
    expect(liveMentions(notice)).toEqual([]);
    expect(notice.content).toContain('turned on the daily digest');
    const privateNotice = renderReply({ type: 'notice', lang: 'en', key: 'digest.status.off', request }, { ephemeral: true, shareable: true });
    expect(privateNotice.flags).toBe(64);
    for (const date of ['2024-12-18', '2024-06-20', '2024-02-29']) {
      const { digest } = buildDigest(engine, { date, previousFingerprints: {} });
      const message = renderReply({ type: 'digest', digest, request }, { ephemeral: false, shareable: false });
      expect(discordViolations(message), date).toEqual([]);
      expect(message.content).toContain(`Rights digest for ${date}`);
      expect(message.embeds.flatMap((e) => [e.title, e.author?.name])).toContain('Recommendation of the day');
    }
    const { digest } = buildDigest(engine, { date: '2024-12-18' });
    const huge = { ...digest, onThisDay: Array.from({ length: 300 }, () => digest.onThisDay[0]).filter((x) => x !== undefined), newRecords: Array(300).fill(digest.recommendation).filter(Boolean), newTotal: 900 };
    expect(discordViolations(renderDigest(huge))).toEqual([]);
  });
});

describe('Discord renderer: direct answers', () => {
  const engine = realEngine();
  const sample = (label: string): Answer => directSample(engine, label);
  const render = (label: string, options: RenderOptions = { ephemeral: true, shareable: true }) => renderAnswer(sample(label), 'q', options);

  it('opens the content with the sentence in bold and its source as subtext, then the heading', () => {
    const message = render('direct answer with a citation');
    const [sentence, source, blank, heading] = message.content.split('\n');
    expect(sentence).toBe(`**${DIRECT_SENTENCE.en}**`);
    expect(source).toMatch(/^-# Source: UN Treaty Collection, United Nations Treaty Series, vol\. 596$/);
    expect(blank).toBe('');
    expect(heading).toMatch(/^\*\*Treaties for “consular”\*\* · \d+ found/);
    expect(message.embeds.length).toBeGreaterThan(0);
    expect(message.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('lets an honest negative replace "Nothing matches" on an empty answer, keeping the tips', () => {
    const message = render('negative direct answer on an empty answer');
    expect(message.content.split('\n')).toEqual([`**${DIRECT_SENTENCE.negative}**`, expect.stringMatching(/^-# Checked in: Zacatecas round-table summary \(2004\), I\. Context$/)]);
    expect(visibleTexts(message).join('\n')).not.toContain('Nothing matches');
    expect(message.embeds[0]?.description).toContain('`speakers`');
  });

  it('omits the source line when the direct answer has no citation', () => {
    expect(render('negative direct answer without a citation').content).toBe(`**${DIRECT_SENTENCE.negative}**`);
  });

  it('labels the source in the answer’s language', () => {
    const lines = render('spanish direct answer').content.split('\n');
    expect(lines[0]).toBe(`**${DIRECT_SENTENCE.es}**`);
    expect(lines[1]).toMatch(/^-# Fuente: /);
    expect(lines[3]).toMatch(/^\*\*Tratados sobre «consular»\*\*/);
  });

  it('makes mentions and markdown in the sentence and its source inert', () => {
    for (const label of ['hostile direct answer', 'hostile direct answer on an empty answer']) {
      const message = render(label, { ephemeral: false, shareable: false });
      expect(liveMentions(message), label).toEqual([]);
      const [sentence, source] = message.content.split('\n');
      expect(sentence, label).toMatch(/^\*\*<!channel> @\u200beveryone <@U123> /);
      expect(sentence, label).toContain('\\*bold\\* \\_it\\_');
      expect(source, label).toContain('@\u200beveryone');
      expect(message.allowed_mentions).toEqual({ parse: [], replied_user: false });
    }
  });

  it('makes Discord’s own mentions inert in a direct answer', () => {
    const answer = sample('hostile direct answer');
    if (answer.type !== 'results' || !answer.direct?.citation) throw new Error('expected a direct answer');
    const direct = { ...answer.direct, text: `${DISCORD_HOSTILE} signed.`, citation: { ...answer.direct.citation, title: DISCORD_HOSTILE } };
    const message = renderAnswer({ ...answer, direct }, 'q', { ephemeral: false, shareable: false });
    expect(liveMentions(message)).toEqual([]);
    expect(message.content.split('\n')[0]).toContain('<@\u200b1180000000000000010>');
  });

  it('cuts an oversized sentence and source but keeps the heading within the content limit', () => {
    for (const label of ['oversized direct answer on an oversized page', 'oversized direct answer on an empty answer']) {
      const message = render(label);
      expect(discordViolations(message), label).toEqual([]);
      expect(liveMentions(message), label).toEqual([]);
      const [sentence, source] = message.content.split('\n');
      expect(sentence, label).toMatch(/…\*\*$/);
      expect(source?.length, label).toBeLessThan(500);
    }
    expect(render('oversized direct answer on an oversized page').content).toMatch(/\*\*Recommendations for .*\*\* · \d+ found/);
  });
});

describe('Discord limit helpers', () => {
  it('clamp never exceeds the limit, splits no surrogate pair and leaves no dangling escape', () => {
    expect(clamp('abc', 3)).toBe('abc');
    expect(clamp('abcdef', 4)).toBe('abc…');
    expect(clamp('😀😀😀', 4)).toBe('😀…');
    expect(clamp('ab\\*cd', 4)).toBe('ab…');
    for (let n = 0; n < 30; n++) expect(clamp('word '.repeat(20), n).length).toBeLessThanOrEqual(n);
  });

  it('fitEmbeds keeps 6000 characters across embeds however large the input', () => {
    const big = { title: 't'.repeat(900), description: 'd'.repeat(9000), footer: { text: 'f'.repeat(5000) }, author: { name: 'a'.repeat(400) }, fields: Array.from({ length: 40 }, () => ({ name: 'n'.repeat(400), value: 'v'.repeat(2000) })) };
    for (const count of [1, 3, 12]) {
      const fitted = fitEmbeds(Array.from({ length: count }, () => big));
      const message: DiscordMessage = { content: 'x', embeds: fitted, components: [], allowed_mentions: { parse: [], replied_user: false } };
      expect(discordViolations(message)).toEqual([]);
    }
  });

  it('paginate splits at word ends and keeps every character', () => {
    const text = 'Lorem ipsum dolor sit amet. '.repeat(500);
    const pages = paginate(text, 1000);
    expect(pages.every((p) => p.length <= 1000)).toBe(true);
    expect(pages.join(' ')).toBe(text.trim());
  });
});
