// Digest wording shared by every renderer: one translated sentence per anniversary.
import type { Translate } from '../i18n/catalog.js';
import type { OnThisDay } from './content.js';

export function anniversaryLine(entry: OnThisDay, t: Translate): string {
  const r = entry.item.record;
  const title = r.title;
  if (entry.reason === 'observance') return t('digest.reason.observance', { title });
  if (entry.reason === 'session' && entry.years === undefined) return t('digest.reason.sessionNoYear', { title });
  const date = entry.reason === 'in_force' && r.kind === 'treaty' ? (r.in_force ?? '') : (entry.item.date ?? '');
  return t(`digest.reason.${entry.reason}`, { title, years: entry.years ?? 0, date });
}
