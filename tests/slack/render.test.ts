// The Block Kit renderer as a pure function: the shared contract, Slack's limits, pagination when a page
// does not fit, escaping, and the digest and notice replies.
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer.js';
import { buildDigest } from '../../src/digest/content.js';
import { renderAnswer, renderReply, type RenderOptions, type SlackMessage } from '../../adapters/slack/render.js';
import { SLACK_MESSAGES } from '../../adapters/slack/messages.js';
import { realEngine } from '../helpers.js';
import { allText, button, buttons, liveMentions, slackViolations } from './inspect.js';
import { describeRendererContract, DIRECT_SENTENCE, directSample, HOSTILE, oversizedAnswers } from './renderer-contract.js';

type Json = Record<string, unknown>;

for (const buttonSet of ['private', 'public', 'none'] as const) {
  describeRendererContract<SlackMessage>(
    {
      name: `Slack (${buttonSet} buttons)`,
      render: (answer) => renderAnswer(answer, { buttons: buttonSet }),
      fallback: (m) => m.text,
      violations: slackViolations,
      liveMentions: (m) => liveMentions(m),
    },
    realEngine,
  );
}

describe('Slack renderer', () => {
  const engine = realEngine();
  const render = (answer: Answer, options: RenderOptions = { buttons: 'private' }) => renderAnswer(answer, options);

  it('gives each result a section (title, kind, snippet, Details) and a context line (source, date, related)', () => {
    const answer = engine.ask('recommendations firewalls');
    if (answer.type !== 'results') throw new Error('expected results');
    const blocks = render(answer).blocks as unknown as Json[];
    const item = answer.items[0];
    const at = blocks.findIndex((b) => b.type === 'section' && String((b.text as Json).text).includes(item?.record.title ?? '?'));
    expect(String((blocks[at]?.text as Json).text)).toContain('_Recommendation_');
    expect((blocks[at]?.accessory as Json).value).toBe(item?.record.id);
    const line = allText(blocks[at + 1]);
    expect(blocks[at + 1]?.type).toBe('context');
    expect(line).toContain('Source: ');
    expect(line).toContain('Date: 6 September 2017');
    expect(line).toContain('Related: ');
  });

  it('says so when a page is past the end', () => {
    const message = render(engine.ask('recommendations', { offset: 10_000 }));
    expect(allText(message)).toContain('No more results.');
    expect(buttons(message)).toEqual([]);
  });

  it('cuts a page that does not fit and offers the rest through More results', () => {
    const page = oversizedAnswers(engine).find(([label]) => label === 'a page of 100 oversized results')?.[1];
    if (page?.type !== 'results') throw new Error('sample missing');
    const message = render(page);
    const shown = buttons(message).filter((b) => b.action_id.startsWith('rights_details')).length;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(100);
    expect(button(message, 'rights_more').value?.startsWith(`${shown} `)).toBe(true);
    expect(allText(message)).toContain(`showing 1–${shown}`);
  });

  it('keeps the source of an oversized record and says it was shortened', () => {
    const record = oversizedAnswers(engine).find(([label]) => label === 'oversized record')?.[1];
    if (!record) throw new Error('sample missing');
    const text = allText(render(record));
    expect(text).toContain('*Source:*');
    expect(text).toContain('Shortened to fit in Slack.');
    expect(text).toMatch(/…and \d+ more/);
  });

  it('escapes user and record text everywhere, so nothing becomes a mention or a link', () => {
    const answer = engine.ask(`${HOSTILE} treaties`);
    const message = render(answer, { buttons: 'private', sharedBy: 'U0SHARER' });
    expect(liveMentions(message)).toEqual(['<@U0SHARER>', '<@U0SHARER>']);
    expect(allText(message)).toContain('&lt;!channel&gt; &lt;!here&gt;');
    expect(JSON.stringify(message.blocks)).not.toMatch(/"verbatim":false/);
    for (const block of message.blocks as unknown as Json[]) {
      const text = block.text as Json | undefined;
      if (text?.type === 'mrkdwn') expect(text.verbatim).toBe(true);
    }
  });

  it('never turns a malformed sharer id into markup', () => {
    const message = render(engine.ask('treaties'), { buttons: 'none', sharedBy: '<!channel>' });
    expect(liveMentions(message)).toEqual([]);
  });

  it('gives buttons by audience: Share only on the private copy, none on a shared copy', () => {
    const answer = engine.ask('recommendations');
    const ids = (options: RenderOptions) => [...new Set(buttons(render(answer, options)).map((b) => b.action_id.replace(/_\d+$/, '')))].sort();
    expect(ids({ buttons: 'private' })).toEqual(['rights_details', 'rights_more', 'rights_share']);
    expect(ids({ buttons: 'public' })).toEqual(['rights_details', 'rights_more']);
    expect(ids({ buttons: 'none' })).toEqual([]);
  });

  it('uses the Spanish and French catalogs for Slack words', () => {
    expect(allText(render(engine.ask('recommendations', {}, 'es')))).toContain('Compartir en el canal');
    expect(allText(render(engine.ask('recommendations', {}, 'fr')))).toContain('Plus de résultats');
  });

  it('keeps control characters out of its own catalog', () => {
    for (const catalog of Object.values(SLACK_MESSAGES)) for (const text of Object.values(catalog)) expect(text).not.toMatch(/[<>&]/);
  });

  it('renders notices and digests within the limits', () => {
    const request = { text: 'digest', platform: 'slack' as const, user: 'U1', channel: 'C1' };
    const notice = renderReply({ type: 'notice', lang: 'en', key: 'digest.confirm.on', params: { user: HOSTILE, time: '09:00', timezone: 'UTC' }, request });
    expect(liveMentions(notice)).toEqual([]);
    expect(notice.text).toContain('turned on the daily digest');
    const { digest } = buildDigest(engine, { date: '2024-12-18' });
    const message = renderReply({ type: 'digest', digest, request });
    expect(slackViolations(message)).toEqual([]);
    expect(message.text).toContain('Rights digest for 2024-12-18');
    expect(allText(message)).toContain('Recommendation of the day');
  });
});

describe('Slack renderer: direct answers', () => {
  const engine = realEngine();
  const sample = (label: string): Answer => directSample(engine, label);
  const blocksOf = (message: SlackMessage) => message.blocks as unknown as Json[];

  it('puts the sentence in bold first, its source in a context line, then the results', () => {
    const message = renderAnswer(sample('direct answer with a citation'), { buttons: 'private' });
    const [first, second, third] = blocksOf(message);
    expect(first).toMatchObject({ type: 'section', text: { type: 'mrkdwn', text: `*${DIRECT_SENTENCE.en}*`, verbatim: true } });
    expect(second?.type).toBe('context');
    expect(allText(second)).toMatch(/^Source: UN Treaty Collection, United Nations Treaty Series, vol\. 596$/);
    expect(third).toMatchObject({ type: 'header', text: { text: 'Treaties for “consular”' } });
    expect(message.text.split('\n')[0]).toBe(DIRECT_SENTENCE.en);
    expect(message.text.split('\n')[1]).toMatch(/^Treaties for “consular”: \d+ found/);
    expect(slackViolations(message)).toEqual([]);
  });

  it('lets an honest negative replace "Nothing matches" on an empty answer, keeping the tips', () => {
    const message = renderAnswer(sample('negative direct answer on an empty answer'));
    const [first, second] = blocksOf(message);
    expect(first).toMatchObject({ type: 'section', text: { text: `*${DIRECT_SENTENCE.negative}*` } });
    expect(allText(second)).toMatch(/^Checked in: Zacatecas round-table summary \(2004\), I\. Context$/);
    expect(allText(message)).not.toContain('Nothing matches');
    expect(allText(message)).toContain('Try: `speakers`');
    expect(allText(message)).toMatch(/help for examples/);
    expect(message.text).toBe(DIRECT_SENTENCE.negative);
  });

  it('omits the source line when the direct answer has no citation', () => {
    const message = renderAnswer(sample('negative direct answer without a citation'));
    expect(blocksOf(message).map((b) => b.type)).toEqual(['section', 'context']);
    expect(allText(message)).not.toMatch(/Vérifié|Source/);
  });

  it('labels the source in the answer’s language', () => {
    const message = renderAnswer(sample('spanish direct answer'));
    expect(message.text.split('\n')[0]).toBe(DIRECT_SENTENCE.es);
    expect(allText(blocksOf(message)[1])).toMatch(/^Fuente: /);
    expect(blocksOf(message)[2]).toMatchObject({ type: 'header', text: { text: 'Tratados sobre «consular»' } });
  });

  it('escapes mentions and links in the sentence and its source', () => {
    for (const label of ['hostile direct answer', 'hostile direct answer on an empty answer']) {
      const message = renderAnswer(sample(label), { buttons: 'private' });
      expect(liveMentions(message), label).toEqual([]);
      expect(String((blocksOf(message)[0]?.text as Json).text), label).toContain('&lt;!channel&gt; @everyone &lt;@U123&gt;');
      expect(allText(blocksOf(message)[1]), label).toContain('&lt;!channel&gt; @everyone &lt;@U123&gt;');
      expect(message.text, label).toMatch(/^&lt;!channel&gt; @everyone &lt;@U123&gt;/);
    }
  });

  it('cuts an oversized sentence and source but still shows results within the limits', () => {
    const message = renderAnswer(sample('oversized direct answer on an oversized page'), { buttons: 'private' });
    expect(slackViolations(message)).toEqual([]);
    expect(liveMentions(message)).toEqual([]);
    const [first, second, third] = blocksOf(message);
    expect(String((first?.text as Json).text)).toMatch(/^\*&lt;!channel&gt;.*…\*$/s);
    expect(allText(second).length).toBeLessThanOrEqual(1000);
    expect(third?.type).toBe('header');
    expect(buttons(message).some((b) => b.action_id.startsWith('rights_details'))).toBe(true);
  });

  it('keeps the sharer’s line above the direct answer on a shared copy', () => {
    const message = renderAnswer(sample('direct answer with a citation'), { buttons: 'none', sharedBy: 'U0SHARER' });
    expect(blocksOf(message)[0]?.type).toBe('context');
    expect(blocksOf(message)[1]).toMatchObject({ type: 'section', text: { text: `*${DIRECT_SENTENCE.en}*` } });
    expect(message.text).toMatch(new RegExp(`^Shared by <@U0SHARER>: ${DIRECT_SENTENCE.en}`));
  });
});
