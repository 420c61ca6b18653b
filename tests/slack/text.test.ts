// Pure helpers: reading Slack markup as plain text, escaping, cutting text within limits, button values.
import { describe, expect, it } from 'vitest';
import { escapeText, plainFromSlack, stripLeadingMention, userMention } from '../../adapters/slack/escape.js';
import { BlockBudget, chunks, clip, LIMITS, textLength } from '../../adapters/slack/limits.js';
import { decodeQueryValue, decodeRecordId, DETAILS_ACTION, detailsActionId, encodeQueryValue } from '../../adapters/slack/values.js';

describe('reading Slack text', () => {
  it.each([
    ['<@U0BOT> treaties consular', 'treaties consular'],
    ['<@U0OTHER|bob> said hi', '@bob said hi'],
    ['<@U0OTHER> said hi', '@U0OTHER said hi'],
    ['<#C123|general> rules', '#general rules'],
    ['<!channel> treaties', '@channel treaties'],
    ['<!here|here> now', 'here now'],
    ['<!subteam^S1|@admins> ping', '@admins ping'],
    ['see <https://ohchr.org|OHCHR> and <https://example.org>', 'see OHCHR and https://example.org'],
    ['&lt;!everyone&gt; &amp; more', '<!everyone> & more'],
    ['&amp;lt; stays literal', '&lt; stays literal'],
    ['  lots\n of   space ', 'lots of space'],
  ])('%j → %j', (input, expected) => {
    expect(plainFromSlack(input, { botUserId: 'U0BOT' })).toBe(expected);
  });

  it('strips the leading mention whoever it names', () => {
    expect(stripLeadingMention('<@U0SOMEBOT|rights> treaties')).toBe('treaties');
    expect(stripLeadingMention('<@U0SOMEBOT>, help')).toBe('help');
    expect(stripLeadingMention('treaties <@U0SOMEBOT>')).toBe('treaties <@U0SOMEBOT>');
  });
});

describe('escaping', () => {
  it('escapes the three control characters, & first', () => {
    expect(escapeText('<!channel> & <@U1> &amp;')).toBe('&lt;!channel&gt; &amp; &lt;@U1&gt; &amp;amp;');
  });

  it('makes mentions only from real user ids', () => {
    expect(userMention('U0ABC123')).toBe('<@U0ABC123>');
    expect(userMention('W0ABC123')).toBe('<@W0ABC123>');
    expect(userMention('<!channel>')).toBe('&lt;!channel&gt;');
  });
});

describe('cutting text', () => {
  it('never splits an entity or a surrogate pair', () => {
    const text = escapeText('a<<<<<<<<<<');
    for (let max = 2; max < text.length; max++) {
      const cut = clip(text, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut).not.toMatch(/&(?!(amp|lt|gt);)/);
    }
    expect(clip('ab😀😀', 4)).toBe('ab…');
  });

  it('leaves short text alone', () => {
    expect(clip('short', 10)).toBe('short');
  });

  it('splits long text at spaces into pieces within the size', () => {
    const text = escapeText('word & '.repeat(2000));
    const pieces = chunks(text, LIMITS.sectionText);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(LIMITS.sectionText);
      expect(piece).not.toMatch(/&(?!(amp|lt|gt);)/);
    }
    expect(pieces.join(' ').replace(/\s+/g, ' ')).toBe(text.trim().replace(/\s+/g, ' '));
  });

  it('keeps room for the tail in a budget', () => {
    const budget = new BlockBudget({ blocks: 1, chars: 0 });
    const block = { type: 'section' as const, text: { type: 'mrkdwn' as const, text: 'x' } };
    let added = 0;
    while (budget.add(block)) added += 1;
    expect(added).toBe(LIMITS.blocks - 1);
    budget.addTail(block, block);
    expect(budget.blocks).toHaveLength(LIMITS.blocks);
    expect(textLength(budget.blocks)).toBe(LIMITS.blocks);
  });
});

describe('button values', () => {
  it('round-trips a query and offset', () => {
    expect(decodeQueryValue(encodeQueryValue({ query: 'recommendations firewalls theme:x', offset: 5 }))).toEqual({ query: 'recommendations firewalls theme:x', offset: 5 });
    expect(decodeQueryValue(encodeQueryValue({ query: '', offset: 0 }))).toEqual({ query: '', offset: 0 });
  });

  it('stays within 2000 characters for a huge query', () => {
    const value = encodeQueryValue({ query: 'x'.repeat(5000), offset: 95 });
    expect(value.length).toBe(LIMITS.buttonValue);
    expect(decodeQueryValue(value)?.offset).toBe(95);
  });

  it('refuses values it did not write', () => {
    expect(decodeQueryValue(undefined)).toBeUndefined();
    expect(decodeQueryValue('five results')).toBeUndefined();
    expect(decodeRecordId('gfmd-2017-firewalls')).toBe('gfmd-2017-firewalls');
    expect(decodeRecordId('<!channel>')).toBeUndefined();
  });

  it('gives every Details button its own short action_id', () => {
    expect(detailsActionId(3)).toBe('rights_details_3');
    expect(DETAILS_ACTION.test(detailsActionId(99))).toBe(true);
    expect(DETAILS_ACTION.test('rights_share')).toBe(false);
  });
});
