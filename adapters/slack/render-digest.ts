// Block Kit rendering of the daily digest (on this day, recommendation of the day, new records). Pure.
import type { Digest } from '../../src/digest/content.js';
import { anniversaryLine } from '../../src/digest/lines.js';
import { byLine, formatCitation } from '../../src/display.js';
import { code, context, divider, esc, header, linesWithin, section } from './blocks.js';
import { BlockBudget, clip, LIMITS } from './limits.js';
import type { SlackMessage } from './render.js';
import { translate } from './messages.js';

export function renderDigest(digest: Digest): SlackMessage {
  const t = translate(digest.lang);
  const budget = new BlockBudget({ blocks: 1, chars: 200 });
  const title = esc(t('digest.title', { date: digest.date }), LIMITS.headerText);
  budget.add(header(title));
  if (digest.themes.length) budget.add(context(esc(t('digest.themes', { themes: digest.themes.join(', ') }))));

  const days = digest.onThisDay.map((entry) => `• ${esc(anniversaryLine(entry, t), 500)}`);
  const onThisDay = days.length ? linesWithin(days, 2500).kept : [esc(t('digest.nothingToday'))];
  budget.add(section([`*${esc(t('digest.onThisDay'))}*`, ...onThisDay].join('\n')));

  const rec = digest.recommendation;
  if (rec) {
    const by = byLine(rec);
    const lines = [`*${esc(t('digest.recommendation'))}*`, `*${esc(rec.record.title, 300)}*`, esc(rec.snippet, 700)];
    if (by) lines.push(`*${esc(t('field.by'))}:* ${esc(by, 400)}`);
    budget.add(section(lines.join('\n')));
    budget.add(context(`${esc(t('field.source'))}: ${esc(formatCitation(rec.citation, t), 400)}`, `${esc(t('field.id'))}: ${code(rec.record.id)}`));
  } else {
    budget.add(section([`*${esc(t('digest.recommendation'))}*`, esc(t('digest.noRecommendation'))].join('\n')));
  }

  if (digest.newRecords.length) {
    const lines = digest.newRecords.map((item) => `• ${esc(item.record.title, 300)} (${code(item.record.id)})`);
    const kept = linesWithin(lines, 2000).kept;
    const more = digest.newTotal - kept.length;
    if (more > 0) kept.push(esc(t('digest.newMore', { n: more })));
    budget.add(divider());
    budget.add(section([`*${esc(t('digest.new'))}*`, ...kept].join('\n')));
  }
  const fallback = [title, rec ? `${esc(t('digest.recommendation'))}: ${esc(rec.record.title, 300)}` : ''].filter(Boolean).join(' · ');
  return { text: clip(fallback, LIMITS.fallbackText), blocks: budget.blocks };
}
