// Reading Slack messages in assertions: all visible text, the buttons, and live-mention detection.

export interface ButtonInfo {
  action_id: string;
  value?: string;
  text: string;
}

type Json = Record<string, unknown>;

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
