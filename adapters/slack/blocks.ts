// Small Block Kit builders that escape nothing themselves but always clip to Slack's limits.
// Callers pass text that is already escaped (see escape.ts). https://docs.slack.dev/reference/block-kit/blocks
import type { types } from '@slack/bolt';
import { escapeText } from './escape.js';
import { clip, LIMITS } from './limits.js';
import type { Translate } from '../../src/i18n/catalog.js';

export type Block = types.KnownBlock;

/** A mrkdwn text object; `verbatim` stops Slack from turning plain words like @here into mentions. */
export function mrkdwn(text: string, max: number = LIMITS.sectionText): types.MrkdwnElement {
  return { type: 'mrkdwn', text: clip(text, max) || ' ', verbatim: true };
}

export function section(text: string, accessory?: types.Button): types.SectionBlock {
  return accessory ? { type: 'section', text: mrkdwn(text), accessory } : { type: 'section', text: mrkdwn(text) };
}

export function context(...texts: string[]): types.ContextBlock {
  return { type: 'context', elements: texts.filter(Boolean).slice(0, LIMITS.contextElements).map((t) => mrkdwn(t)) };
}

export function header(escaped: string): types.HeaderBlock {
  return { type: 'header', text: { type: 'plain_text', text: clip(escaped, LIMITS.headerText) || ' ', emoji: true } };
}

export function divider(): types.DividerBlock {
  return { type: 'divider' };
}

export function button(escapedLabel: string, actionId: string, value: string, primary = false): types.Button {
  const b: types.Button = {
    type: 'button',
    text: { type: 'plain_text', text: clip(escapedLabel, LIMITS.buttonText), emoji: true },
    action_id: actionId.slice(0, LIMITS.actionId),
    value: value.slice(0, LIMITS.buttonValue),
  };
  if (primary) b.style = 'primary';
  return b;
}

export function actions(elements: types.Button[]): types.ActionsBlock | undefined {
  return elements.length > 0 ? { type: 'actions', elements: elements.slice(0, LIMITS.actionsElements) } : undefined;
}

/** Escaped, clipped text: the only way data (user input, records, catalog text) enters a message. */
export function esc(text: string, max: number = LIMITS.sectionText): string {
  return clip(escapeText(text), max);
}

/** Inline code for a short value such as a record id. */
export function code(text: string, max = 200): string {
  return `\`${esc(text.replace(/`/g, "'"), max)}\``;
}

/**
 * Translates and escapes, then inserts ready-made markup for some parameters (a user mention, code spans),
 * so catalog text is escaped without escaping the markup we add on purpose.
 */
export function translateWith(t: Translate, key: string, params: Record<string, string | number>, markup: Record<string, string>): string {
  const marks = Object.fromEntries(Object.keys(markup).map((name, i) => [name, `\uE000${i}\uE001`]));
  let text = escapeText(t(key, { ...params, ...marks }));
  Object.values(markup).forEach((value, i) => (text = text.replace(`\uE000${i}\uE001`, () => value)));
  return text;
}

/** Keeps whole lines while their total stays within `max`; says how many were left out. */
export function linesWithin(lines: string[], max: number): { kept: string[]; dropped: number } {
  const kept: string[] = [];
  let used = 0;
  for (const line of lines) {
    if (used + line.length + 1 > max) break;
    kept.push(line);
    used += line.length + 1;
  }
  return { kept, dropped: lines.length - kept.length };
}
