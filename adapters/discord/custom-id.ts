// Button custom_ids: what Share, More and Details must redo, encoded in Discord's 100 characters.
// https://discord.com/developers/docs/components/reference#anatomy-of-a-component-custom-id
// Format "r1:<action>:<number>:<text or id>". A text too long to fit is kept in a bounded in-memory
// stash under a short key ("~k3"); after a restart such a button answers "expired" instead of guessing.
import { LIMITS } from './limits.js';

/** What a button asks for: share or page a query's answer, or show a record (part > 0: rest of its text). */
export type ButtonAction =
  | { type: 'share'; text: string; offset: number }
  | { type: 'more'; text: string; offset: number }
  | { type: 'details'; id: string; part: number };

const PREFIX = 'r1';
const CODES = { share: 's', more: 'm', details: 'd' } as const;

/** Remembers long query texts for buttons, the oldest forgotten first. */
export class TextStash {
  private readonly byKey = new Map<string, string>();
  private readonly byText = new Map<string, string>();
  private next = 0;

  constructor(private readonly capacity = 5000) {}

  put(text: string): string {
    const known = this.byText.get(text);
    if (known !== undefined) return known;
    const key = (this.next++).toString(36);
    this.byKey.set(key, text);
    this.byText.set(text, key);
    if (this.byKey.size > this.capacity) {
      const [oldKey, oldText] = this.byKey.entries().next().value as [string, string];
      this.byKey.delete(oldKey);
      this.byText.delete(oldText);
    }
    return key;
  }

  get(key: string): string | undefined {
    return this.byKey.get(key);
  }
}

/** Whether a custom_id is one of this adapter's buttons. */
export function isOwnCustomId(customId: string): boolean {
  return customId.startsWith(`${PREFIX}:`);
}

/**
 * The custom_id for an action, never over 100 characters. Without a stash, a long text is cut
 * (the button then repeats a shorter query); with one, it is stashed.
 */
export function encodeAction(action: ButtonAction, stash?: TextStash): string {
  const [number, payload] = action.type === 'details' ? [action.part, action.id] : [action.offset, action.text];
  const head = `${PREFIX}:${CODES[action.type]}:${number}:`;
  const room = LIMITS.customId - head.length;
  if (payload.length <= room && !payload.startsWith('~')) return head + payload;
  if (stash) return `${head}~${stash.put(payload)}`;
  return head + payload.replace(/^~+/, '').slice(0, room);
}

/** The action behind a custom_id; "expired" when its stashed text is gone, undefined when it is not ours. */
export function decodeAction(customId: string, stash?: TextStash): ButtonAction | 'expired' | undefined {
  const match = /^r1:([smd]):(\d{1,6}):(.*)$/s.exec(customId);
  if (!match) return undefined;
  const [, code, digits, raw = ''] = match;
  let payload: string | undefined = raw;
  if (raw.startsWith('~')) payload = stash?.get(raw.slice(1));
  if (payload === undefined) return 'expired';
  const number = Number(digits);
  switch (code) {
    case 's':
      return { type: 'share', text: payload, offset: number };
    case 'm':
      return { type: 'more', text: payload, offset: number };
    default:
      return payload === '' ? undefined : { type: 'details', id: payload, part: number };
  }
}
