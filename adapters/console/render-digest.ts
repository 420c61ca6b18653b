// Plain-text rendering of a digest, for `rights digest` and the console. Pure.
import type { Digest } from '../../src/digest/content.js';
import { anniversaryLine } from '../../src/digest/lines.js';
import { translator } from '../../src/i18n/catalog.js';
import { MESSAGES } from '../../src/i18n/messages.js';
import { byLine, formatCitation } from '../../src/display.js';

export function renderDigestText(digest: Digest): string {
  const t = translator(digest.lang, MESSAGES);
  const lines = [t('digest.title', { date: digest.date })];
  if (digest.themes.length) lines.push(t('digest.themes', { themes: digest.themes.join(', ') }));
  lines.push('', `${t('digest.onThisDay')}:`);
  if (digest.onThisDay.length === 0) lines.push(`  ${t('digest.nothingToday')}`);
  for (const entry of digest.onThisDay) lines.push(`  • ${anniversaryLine(entry, t)}`);
  lines.push('', `${t('digest.recommendation')}:`);
  const rec = digest.recommendation;
  if (!rec) lines.push(`  ${t('digest.noRecommendation')}`);
  else {
    lines.push(`  ${rec.record.title}`, `  ${rec.snippet}`);
    const by = byLine(rec);
    if (by) lines.push(`  ${t('field.by')}: ${by}`);
    lines.push(`  ${t('field.source')}: ${formatCitation(rec.citation, t)}`, `  ${t('field.id')}: ${rec.record.id}`);
  }
  if (digest.newRecords.length) {
    lines.push('', `${t('digest.new')}:`);
    for (const item of digest.newRecords) lines.push(`  • ${item.record.title} (${item.record.id})`);
    if (digest.newTotal > digest.newRecords.length) lines.push(`  ${t('digest.newMore', { n: digest.newTotal - digest.newRecords.length })}`);
  }
  return lines.join('\n');
}
