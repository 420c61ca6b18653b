// Slack's message limits as data, and the helpers the renderer uses to stay inside them by cutting text
// and dropping trailing results, never by failing. https://docs.slack.dev/reference/block-kit/blocks
import type { types } from '@slack/bolt';

type Block = types.KnownBlock;

export const LIMITS = {
  /** Blocks in one message. */
  blocks: 50,
  /** Text of a section block (and of one mrkdwn text object). */
  sectionText: 3000,
  /** Text of a header block. */
  headerText: 150,
  /** Elements of a context block. */
  contextElements: 10,
  /** Elements of an actions block. */
  actionsElements: 25,
  /** Text of a button. */
  buttonText: 75,
  /** Value a button sends back. */
  buttonValue: 2000,
  /** Length of an action_id. */
  actionId: 255,
  /**
   * All text in a message's blocks. Slack documents no single figure; messages past roughly 12,000
   * characters get cut or refused, so we stay well below.
   */
  totalText: 10_000,
  /** The plain `text` fallback shown in notifications. */
  fallbackText: 3000,
} as const;

const ELLIPSIS = '…';

/**
 * Cuts already-escaped text to at most `max` characters, ending with an ellipsis, without splitting an
 * `&amp;`-style entity or a surrogate pair.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, Math.max(0, max));
  return `${text.slice(0, safeCut(text, max - ELLIPSIS.length)).trimEnd()}${ELLIPSIS}`;
}

/** Splits escaped text into pieces of at most `size` characters, preferring to break at whitespace. */
export function chunks(text: string, size: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > size) {
    const space = rest.lastIndexOf(' ', size);
    const cut = safeCut(rest, space >= size / 2 ? space : size);
    const piece = rest.slice(0, cut).trimEnd();
    if (piece) pieces.push(piece);
    rest = rest.slice(cut).trimStart();
  }
  if (rest.trim().length > 0) pieces.push(rest.trimEnd());
  return pieces;
}

/** Moves a cut position back so it splits neither an escaped entity nor a surrogate pair. */
function safeCut(text: string, at: number): number {
  let cut = at;
  const amp = text.lastIndexOf('&', cut - 1);
  if (amp !== -1 && cut - amp < 5 && /^&(amp|lt|gt);/.test(text.slice(amp)) && text.indexOf(';', amp) >= cut) cut = amp;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return Math.max(1, cut);
}

/** Sum of every `text` string in the blocks (section, header, context and button texts). */
export function textLength(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + textLength(v), 0);
  if (typeof value !== 'object' || value === null) return 0;
  let n = 0;
  for (const [key, v] of Object.entries(value)) n += key === 'text' && typeof v === 'string' ? v.length : textLength(v);
  return n;
}

/**
 * Collects blocks while keeping room for a tail (the buttons): `add` refuses blocks that would leave less
 * than the reserve, so the caller can stop and offer the rest on the next page.
 */
export class BlockBudget {
  readonly blocks: Block[] = [];
  private chars = 0;

  constructor(private readonly reserve: { blocks: number; chars: number } = { blocks: 0, chars: 0 }) {}

  /** Characters still free before the reserve. */
  get freeChars(): number {
    return LIMITS.totalText - this.reserve.chars - this.chars;
  }

  /** Adds all the blocks if they fit before the reserve, else none. */
  add(...blocks: Block[]): boolean {
    const chars = textLength(blocks);
    if (this.blocks.length + blocks.length > LIMITS.blocks - this.reserve.blocks || chars > this.freeChars) return false;
    this.blocks.push(...blocks);
    this.chars += chars;
    return true;
  }

  /** Adds the tail the reserve was kept for (still bounded by the hard limits). */
  addTail(...blocks: Block[]): void {
    for (const block of blocks) {
      const chars = textLength(block);
      if (this.blocks.length >= LIMITS.blocks || this.chars + chars > LIMITS.totalText) return;
      this.blocks.push(block);
      this.chars += chars;
    }
  }
}
