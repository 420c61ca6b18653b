// Slack text in and out: incoming message markup becomes plain text, outgoing plain text is escaped.
// https://docs.slack.dev/messaging/formatting-message-text#escaping

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>' };

/**
 * Escapes Slack's three control characters, so that user or record text such as `<!channel>` or `<@U123>`
 * is shown as typed and never becomes a live mention or link.
 */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Options for reading what a user wrote in Slack. */
export interface PlainTextOptions {
  /** The bot's own user id: mentions of it are removed rather than kept as words. */
  botUserId?: string;
}

/**
 * Turns Slack message markup into the plain text the user saw: `<@U1|ana>` → `@ana`, `<#C1|general>` →
 * `#general`, `<!here>` → `@here`, `<https://x|label>` → `label`; `&lt;` and friends are decoded.
 * The result is data for the core; renderers escape it again on the way out.
 */
export function plainFromSlack(text: string, { botUserId }: PlainTextOptions = {}): string {
  return text
    .replace(/<([^<>]*)>/g, (_whole, inner: string) => markupToPlain(inner, botUserId))
    .replace(/&(amp|lt|gt);/g, (_whole, name: string) => ENTITIES[name] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Removes a leading `<@U…>` (how an app_mention starts), whoever it names. */
export function stripLeadingMention(text: string): string {
  return text.replace(/^\s*<@[A-Z0-9]+(\|[^>]*)?>[\s,:]*/, '');
}

/** A user mention for an id Slack gave us, or plain escaped text if it does not look like a user id. */
export function userMention(userId: string): string {
  return /^[UW][A-Z0-9]{2,}$/.test(userId) ? `<@${userId}>` : escapeText(userId);
}

function markupToPlain(inner: string, botUserId: string | undefined): string {
  const bar = inner.indexOf('|');
  const target = bar === -1 ? inner : inner.slice(0, bar);
  const label = bar === -1 ? undefined : inner.slice(bar + 1);
  switch (target[0]) {
    case '@': {
      const id = target.slice(1);
      if (botUserId !== undefined && id === botUserId) return ' ';
      return `@${label ?? id}`;
    }
    case '#':
      return `#${label ?? target.slice(1)}`;
    case '!':
      // <!channel>, <!here>, <!everyone>, <!subteam^S1|@team>, <!date^…|fallback>
      return label ?? `@${target.slice(1).split('^')[0] ?? ''}`;
    default:
      return label ?? target;
  }
}
