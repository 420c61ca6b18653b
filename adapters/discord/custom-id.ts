// Button custom_ids: what Share, More and Details must redo, encoded in Discord's 100 characters.
// https://discord.com/developers/docs/components/reference#anatomy-of-a-component-custom-id
// Format "r1:<action>:<number>:<text or id>". A text too long to fit goes by a digest of itself ("~<key>"),
// saved in the store before the message is sent, so the button works after a restart and on every replica.
import { createHash } from 'node:crypto';
import type { Store } from '../store/port.js';
import type { Logger } from '../types.js';
import { errorContext } from './errors.js';
import { LIMITS } from './limits.js';

/** What a button asks for: share or page a query's answer, or show a record (part > 0: rest of its text). */
export type ButtonAction =
  | { type: 'share'; text: string; offset: number }
  | { type: 'more'; text: string; offset: number }
  | { type: 'details'; id: string; part: number };

/** Builds a button's custom_id (the renderers take one). */
export type Encode = (action: ButtonAction) => string;

/** Store namespace of the texts behind "~<key>" buttons. */
export const BUTTON_NAMESPACE = 'discord-button';

/**
 * How long a button's saved text is honoured: 30 days, far beyond the 15 minutes an ephemeral answer
 * can be clicked, long enough for a public reply someone scrolls back to. Older buttons answer "expired".
 */
export const BUTTON_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;

/** Where button texts are saved and read: the bot's Store, or memory. */
export type ButtonTexts = Pick<Store, 'putValue' | 'getValue'>;

/** The texts a message's buttons point to, by key: collected while rendering, saved before sending. */
export type TextStash = Map<string, string>;

const PREFIX = 'r1';
const CODES = { share: 's', more: 'm', details: 'd' } as const;
const KEY_LENGTH = 16;

/**
 * The key of a long text: the first 16 characters of its SHA-256 in base64url (96 bits). Deterministic, so
 * rendering stays pure and every replica computes the same key for the same text.
 */
export function textKey(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64url').slice(0, KEY_LENGTH);
}

/**
 * The custom_id for an action, never over 100 characters. A text too long to fit is put in `stash` under
 * its key (the adapter saves the stash before sending); without a stash it is cut, and the button then
 * repeats a shorter query.
 */
export function encodeAction(action: ButtonAction, stash?: TextStash): string {
  const [number, payload] = action.type === 'details' ? [action.part, action.id] : [action.offset, action.text];
  const head = `${PREFIX}:${CODES[action.type]}:${number}:`;
  const room = LIMITS.customId - head.length;
  if (payload.length <= room && !payload.startsWith('~')) return head + payload;
  if (stash) {
    const key = textKey(payload);
    stash.set(key, payload);
    return `${head}~${key}`;
  }
  return head + payload.replace(/^~+/, '').slice(0, room);
}

/** The key of the saved text a custom_id points to, if it points to one. */
export function stashedKey(customId: string): string | undefined {
  return /^r1:[smd]:\d{1,6}:~(.*)$/s.exec(customId)?.[1];
}

/**
 * An encoder that points only to texts in `saved`; any other long text is cut, as without a stash. Used
 * when saving some texts failed, so no button points to a text that is not there.
 */
export function encoderFor(saved: ReadonlySet<string>): Encode {
  return (action) => {
    const id = encodeAction(action, new Map());
    const key = stashedKey(id);
    return key === undefined || saved.has(key) ? id : encodeAction(action);
  };
}

/**
 * The action behind a custom_id, looking a saved text up by its key; "expired" when that text is gone
 * (older than its lifetime, or never saved), undefined when the custom_id is not one of ours.
 */
export async function decodeAction(customId: string, lookup?: (key: string) => Promise<string | undefined>): Promise<ButtonAction | 'expired' | undefined> {
  const match = /^r1:([smd]):(\d{1,6}):(.*)$/s.exec(customId);
  if (!match) return undefined;
  const [, code, digits, raw = ''] = match;
  let payload: string | undefined = raw;
  if (raw.startsWith('~')) payload = lookup ? await lookup(raw.slice(1)) : undefined;
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

/**
 * Button texts kept in this process only, when the adapter is given no store (tests, a quick try): the
 * oldest forgotten first beyond `capacity`, and gone after a restart.
 */
export function memoryButtonTexts(capacity = 5000, now: () => number = Date.now): ButtonTexts {
  const entries = new Map<string, { value: string; at: number }>();
  return {
    async putValue(namespace, key, value) {
      const id = `${namespace}/${key}`;
      entries.delete(id);
      entries.set(id, { value, at: now() });
      for (const oldest of entries.keys()) {
        if (entries.size <= capacity) break;
        entries.delete(oldest);
      }
    },
    async getValue(namespace, key, maxAgeMs) {
      const entry = entries.get(`${namespace}/${key}`);
      return entry && now() - entry.at <= maxAgeMs ? entry.value : undefined;
    },
  };
}

/** Renders messages whose buttons may point to saved texts, and reads buttons back. */
export interface ButtonKeeper {
  /**
   * Renders a message, saving the texts its buttons point to before it is sent. If a save failed, renders
   * again with those buttons cut to fit (as without a store): the reply itself is never lost.
   */
  render<T>(render: (encode: Encode) => T): Promise<T>;
  /** For a caller that renders and sends in one step: saves what `render` points to, returns the encoder to render with. */
  prepare(render: (encode: Encode) => unknown): Promise<Encode>;
  /** The action behind a clicked button's custom_id (see decodeAction). */
  decode(customId: string): Promise<ButtonAction | 'expired' | undefined>;
}

export function createButtonKeeper(texts: ButtonTexts, logger: Logger): ButtonKeeper {
  /** Saves a stash; returns the keys saved. A failed write is logged, never thrown. */
  async function save(stash: TextStash): Promise<Set<string>> {
    const saved = new Set<string>();
    await Promise.all(
      [...stash].map(async ([key, text]) => {
        try {
          await texts.putValue(BUTTON_NAMESPACE, key, text);
          saved.add(key);
        } catch (error) {
          logger.warn('could not save a button’s query; the button repeats it cut to fit', { key, ...errorContext(error) });
        }
      }),
    );
    return saved;
  }
  return {
    async render(render) {
      const stash: TextStash = new Map();
      const message = render((action) => encodeAction(action, stash));
      const saved = await save(stash);
      return saved.size === stash.size ? message : render(encoderFor(saved));
    },
    async prepare(render) {
      const stash: TextStash = new Map();
      render((action) => encodeAction(action, stash));
      return encoderFor(await save(stash));
    },
    decode: (customId) => decodeAction(customId, (key) => texts.getValue(BUTTON_NAMESPACE, key, BUTTON_LIFETIME_MS)),
  };
}
