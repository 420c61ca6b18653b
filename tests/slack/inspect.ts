// Reading Slack messages in assertions: all visible text, the buttons, live mentions, and Slack's limits.
import { LIMITS, type SlackMessage } from '../../adapters/slack/render.js';

type Json = Record<string, unknown>;

export interface ButtonInfo {
  action_id: string;
  value?: string;
  text: string;
}

/** Every `text` string in a message (blocks and fallback), in order. */
export function texts(message: unknown): string[] {
  if (Array.isArray(message)) return message.flatMap(texts);
  if (typeof message !== 'object' || message === null) return [];
  return Object.entries(message as Json).flatMap(([key, v]) => (key === 'text' && typeof v === 'string' ? [v] : texts(v)));
}

export function allText(message: unknown): string {
  return texts(message).join('\n');
}

export function buttons(message: unknown): ButtonInfo[] {
  if (Array.isArray(message)) return message.flatMap(buttons);
  if (typeof message !== 'object' || message === null) return [];
  const m = message as Json;
  const own = m.type === 'button' ? [{ action_id: String(m.action_id), value: m.value as string | undefined, text: String((m.text as Json).text) }] : [];
  return [...own, ...Object.values(m).flatMap(buttons)];
}

export function button(message: unknown, actionId: string | RegExp): ButtonInfo {
  const found = buttons(message).find((b) => (typeof actionId === 'string' ? b.action_id === actionId : actionId.test(b.action_id)));
  if (!found) throw new Error(`no button ${String(actionId)} in ${JSON.stringify(buttons(message))}`);
  return found;
}

/** Slack markup that would ping a channel, a user, a group, or link a channel. */
export const LIVE_MARKUP = /<[!@#][^>]*>/g;

export function liveMentions(message: unknown): string[] {
  return texts(message).flatMap((t) => t.match(LIVE_MARKUP) ?? []);
}

/** Every Slack limit the issue names, checked on one message. */
export function slackViolations(message: SlackMessage): string[] {
  const problems: string[] = [];
  const { blocks } = message;
  if (blocks.length > LIMITS.blocks) problems.push(`${blocks.length} blocks`);
  if (message.text.length > LIMITS.fallbackText) problems.push(`fallback of ${message.text.length}`);
  const total = allText(blocks).length;
  if (total > LIMITS.totalText) problems.push(`${total} characters of block text`);
  for (const block of blocks as unknown as Json[]) {
    const text = (block.text as Json | undefined)?.text as string | undefined;
    if (block.type === 'header' && (text ?? '').length > LIMITS.headerText) problems.push(`header of ${text?.length}`);
    if (block.type === 'section' && (text ?? '').length > LIMITS.sectionText) problems.push(`section of ${text?.length}`);
    if (block.type === 'section' && (text ?? '') === '') problems.push('empty section');
    if (block.type === 'context') {
      const elements = block.elements as Json[];
      if (elements.length === 0 || elements.length > LIMITS.contextElements) problems.push(`context with ${elements.length} elements`);
      for (const e of elements) if (String(e.text).length > LIMITS.sectionText) problems.push('context element too long');
    }
    if (block.type === 'actions' && (block.elements as unknown[]).length > LIMITS.actionsElements) problems.push('too many buttons');
  }
  for (const b of buttons(blocks)) {
    if (b.text.length > LIMITS.buttonText) problems.push(`button text of ${b.text.length}`);
    if ((b.value ?? '').length > LIMITS.buttonValue) problems.push(`button value of ${b.value?.length}`);
    if (b.action_id.length > LIMITS.actionId) problems.push(`action_id of ${b.action_id.length}`);
  }
  const ids = buttons(blocks).map((b) => b.action_id);
  if (new Set(ids).size !== ids.length) problems.push('duplicate action_id');
  // Every & we send starts an entity: cutting text never leaves half an &amp; behind.
  for (const text of [message.text, ...allText(blocks).split('\n')]) {
    if (/&(?!(amp|lt|gt);)/.test(text)) problems.push(`bare & in ${text.slice(0, 60)}`);
  }
  return problems;
}
