// Checks a Discord message against every limit the issue names, and finds live mention markup.
import { LIMITS } from '../../adapters/discord/limits.js';
import type { DiscordMessage } from '../../adapters/discord/render.js';

/** Every broken Discord limit, described; empty when the message would be accepted. */
export function discordViolations(message: DiscordMessage): string[] {
  const problems: string[] = [];
  const { content, embeds, components } = message;
  if (content.trim() === '') problems.push('empty content');
  if (content.length > LIMITS.content) problems.push(`content of ${content.length}`);
  if (embeds.length > LIMITS.embeds) problems.push(`${embeds.length} embeds`);
  let total = 0;
  for (const [i, e] of embeds.entries()) {
    const at = `embed ${i}`;
    if (e.title !== undefined && (e.title.length === 0 || e.title.length > LIMITS.embedTitle)) problems.push(`${at}: title of ${e.title.length}`);
    if (e.description !== undefined && (e.description.length === 0 || e.description.length > LIMITS.embedDescription)) {
      problems.push(`${at}: description of ${e.description.length}`);
    }
    if (e.footer && (e.footer.text.length === 0 || e.footer.text.length > LIMITS.footer)) problems.push(`${at}: footer of ${e.footer.text.length}`);
    if (e.author && (e.author.name.length === 0 || e.author.name.length > LIMITS.authorName)) problems.push(`${at}: author of ${e.author.name.length}`);
    const fields = e.fields ?? [];
    if (fields.length > LIMITS.fields) problems.push(`${at}: ${fields.length} fields`);
    for (const f of fields) {
      if (f.name.trim() === '' || f.name.length > LIMITS.fieldName) problems.push(`${at}: field name of ${f.name.length}`);
      if (f.value.trim() === '' || f.value.length > LIMITS.fieldValue) problems.push(`${at}: field value of ${f.value.length}`);
    }
    if (!e.title && !e.description && fields.length === 0) problems.push(`${at}: empty`);
    total += (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0);
    total += fields.reduce((sum, f) => sum + f.name.length + f.value.length, 0);
  }
  if (total > LIMITS.embedTotal) problems.push(`${total} characters across embeds`);
  if (components.length > LIMITS.actionRows) problems.push(`${components.length} action rows`);
  const ids: string[] = [];
  for (const row of components) {
    if (row.components.length === 0 || row.components.length > LIMITS.buttonsPerRow) problems.push(`row of ${row.components.length} buttons`);
    for (const b of row.components) {
      ids.push(b.custom_id);
      if (b.custom_id.length === 0 || b.custom_id.length > LIMITS.customId) problems.push(`custom_id of ${b.custom_id.length}`);
      if (!b.label || b.label.length > LIMITS.buttonLabel) problems.push(`button label of ${b.label?.length ?? 0}`);
    }
  }
  if (new Set(ids).size !== ids.length) problems.push('duplicate custom_id');
  if (JSON.stringify(message.allowed_mentions) !== JSON.stringify({ parse: [], replied_user: false })) {
    problems.push(`allowed_mentions ${JSON.stringify(message.allowed_mentions)}`);
  }
  return problems;
}

/** Mention markup that Discord would turn into a mention or broadcast: @everyone, @here, <@id>, <@!id>, <@&id>. */
export const LIVE_MENTION = /@(everyone|here)\b|<@[!&]?\d+>/gi;

export function visibleTexts(message: DiscordMessage): string[] {
  return [
    message.content,
    ...message.embeds.flatMap((e) => [e.title ?? '', e.description ?? '', e.footer?.text ?? '', e.author?.name ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value])]),
    ...message.components.flatMap((r) => r.components.map((b) => b.label ?? '')),
  ];
}

export function liveMentions(message: DiscordMessage): string[] {
  return visibleTexts(message).flatMap((t) => t.match(LIVE_MENTION) ?? []);
}
