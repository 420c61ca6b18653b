// Discord's message limits as data, and the pure functions that make a message fit them by cutting.
// https://discord.com/developers/docs/resources/message#embed-object-embed-limits
import type { APIActionRowComponent, APIButtonComponentWithCustomId, APIEmbed, APIEmbedField } from 'discord.js';

export const LIMITS = {
  content: 2000,
  embeds: 10,
  /** Characters of titles, descriptions, field names and values, footers and author names across all embeds. */
  embedTotal: 6000,
  embedTitle: 256,
  embedDescription: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  actionRows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
  /** Autocomplete answers and option choices. */
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  commandDescription: 100,
} as const;

export type ButtonRow = APIActionRowComponent<APIButtonComponentWithCustomId>;

const ELLIPSIS = '…';

/**
 * Cuts `text` to at most `max` UTF-16 units (never more than Discord counts), ending with "…",
 * on a word boundary when one is close. Never leaves half a surrogate pair or a dangling escape.
 */
export function clamp(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  if (max === 1) return ELLIPSIS;
  let cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  if (space > max * 0.7) cut = cut.slice(0, space);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  cut = cut.replace(/\\+$/, (slashes) => (slashes.length % 2 === 1 ? slashes.slice(1) : slashes));
  return `${cut.replace(/[\s,;:]+$/, '')}${ELLIPSIS}`;
}

/** What Discord counts toward the 6000 characters of a message's embeds. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0)
  );
}

export function totalEmbedLength(embeds: readonly APIEmbed[]): number {
  return embeds.reduce((sum, e) => sum + embedLength(e), 0);
}

/** Each part within its own limit; empty parts dropped (Discord rejects empty field values). */
function clampEmbed(embed: APIEmbed): APIEmbed {
  const out: APIEmbed = { ...embed };
  if (out.title !== undefined) out.title = clamp(out.title, LIMITS.embedTitle) || undefined;
  if (out.description !== undefined) out.description = clamp(out.description, LIMITS.embedDescription) || undefined;
  if (out.footer) out.footer = out.footer.text ? { ...out.footer, text: clamp(out.footer.text, LIMITS.footer) } : undefined;
  if (out.author) out.author = out.author.name ? { ...out.author, name: clamp(out.author.name, LIMITS.authorName) } : undefined;
  if (out.fields) {
    out.fields = out.fields
      .filter((f) => f.name.trim() !== '' && f.value.trim() !== '')
      .slice(0, LIMITS.fields)
      .map((f) => ({ ...f, name: clamp(f.name, LIMITS.fieldName), value: clamp(f.value, LIMITS.fieldValue) }));
  }
  for (const key of Object.keys(out) as (keyof APIEmbed)[]) if (out[key] === undefined) delete out[key];
  return out;
}

interface Slot {
  get(): string;
  set(value: string): void;
}

/** Shortens the longest slots first, none below `floor`, until `excess` characters are gone; returns what is left. */
function shrink(slots: Slot[], excess: number, floor: number): number {
  while (excess > 0) {
    const longest = slots.filter((s) => s.get().length > floor).sort((a, b) => b.get().length - a.get().length)[0];
    if (!longest) break;
    const before = longest.get().length;
    longest.set(clamp(longest.get(), Math.max(floor, before - excess)));
    excess -= before - longest.get().length;
  }
  return excess;
}

/**
 * Makes embeds fit every limit: at most 10, each part cut to its limit, then 6000 characters in all —
 * field values are shortened first, then footers, descriptions and titles, and only then are trailing
 * embeds dropped (a caller that pages results counts the embeds it gets back).
 */
export function fitEmbeds(embeds: readonly APIEmbed[]): APIEmbed[] {
  const out = embeds.slice(0, LIMITS.embeds).map(clampEmbed);
  const excess = () => totalEmbedLength(out) - LIMITS.embedTotal;
  if (excess() <= 0) return out;

  const slots = (pick: (e: APIEmbed) => Slot[]) => out.flatMap(pick);
  shrink(slots((e) => (e.fields ?? []).map((f) => ({ get: () => f.value, set: (v: string) => (f.value = v) }))), excess(), 120);
  shrink(slots((e) => (e.footer ? [{ get: () => e.footer?.text ?? '', set: (v: string) => e.footer && (e.footer.text = v) }] : [])), excess(), 100);
  shrink(slots((e) => (e.description ? [{ get: () => e.description ?? '', set: (v: string) => (e.description = v) }] : [])), excess(), 300);
  shrink(slots((e) => (e.title ? [{ get: () => e.title ?? '', set: (v: string) => (e.title = v) }] : [])), excess(), 100);
  while (excess() > 0 && out.length > 1) out.pop();
  const only = out[0];
  while (only && excess() > 0 && only.fields?.length) only.fields.pop();
  if (only && excess() > 0) {
    shrink(
      [
        { get: () => only.footer?.text ?? '', set: (v) => only.footer && (only.footer.text = v) },
        { get: () => only.description ?? '', set: (v) => (only.description = v) },
        { get: () => only.title ?? '', set: (v) => (only.title = v) },
      ],
      excess(),
      1,
    );
  }
  return out;
}

/**
 * Fields within `budget` characters in all: at most 25, each cut to its limits, the longest values
 * shortened first, then trailing fields dropped. Lets a caller keep its description whole.
 */
export function fitFields(fields: readonly APIEmbedField[], budget: number): APIEmbedField[] {
  const out = (clampEmbed({ fields: [...fields] }).fields ?? []).map((f) => ({ ...f }));
  const excess = () => out.reduce((sum, f) => sum + f.name.length + f.value.length, 0) - budget;
  shrink(out.map((f) => ({ get: () => f.value, set: (v: string) => (f.value = v) })), excess(), 120);
  while (excess() > 0 && out.length > 0) out.pop();
  return out;
}

/**
 * At most 5 rows of 5 buttons, labels cut to 80 characters; a button whose custom_id is too long
 * or already used (Discord rejects duplicates) is dropped.
 */
export function fitRows(rows: readonly ButtonRow[]): ButtonRow[] {
  const seen = new Set<string>();
  const keep = (id: string) => id.length > 0 && id.length <= LIMITS.customId && !seen.has(id) && Boolean(seen.add(id));
  return rows
    .map((row) => ({
      ...row,
      components: row.components
        .filter((b) => keep(b.custom_id))
        .slice(0, LIMITS.buttonsPerRow)
        .map((b) => (b.label === undefined ? b : { ...b, label: clamp(b.label, LIMITS.buttonLabel) })),
    }))
    .filter((row) => row.components.length > 0)
    .slice(0, LIMITS.actionRows);
}
