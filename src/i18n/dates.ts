// Dates written for people, in the answer's language: "19 March 1967", "19 de marzo de 1967",
// "13–15 October 2004", "every year on 18 December", "16 November (year not stated)". JSON keeps ISO 8601.
import type { Lang } from './catalog.js';

const MONTHS: Record<Lang, string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
};

const PHRASES: Record<Lang, { yearly: string; noYear: string; adopted: string }> = {
  en: { yearly: 'every year on {date}', noYear: '{date} (year not stated)', adopted: 'adopted {date}' },
  es: { yearly: 'cada año el {date}', noYear: '{date} (año no indicado)', adopted: 'adoptado el {date}' },
  fr: { yearly: 'chaque année le {date}', noYear: '{date} (année non indiquée)', adopted: 'adopté le {date}' },
};

interface Parts {
  year?: string;
  month?: number;
  day?: number;
}

function parts(iso: string): Parts | undefined {
  const m = /^(\d{4}|-)-?(\d{2})?-?(\d{2})?$/.exec(iso);
  if (!m) return undefined;
  return { year: m[1] === '-' ? undefined : m[1], month: m[2] ? Number(m[2]) : undefined, day: m[3] ? Number(m[3]) : undefined };
}

function dayText(day: number, lang: Lang): string {
  return lang === 'fr' && day === 1 ? '1er' : String(day);
}

/** An ISO date (YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD) for people: "19 March 1967", "19 de marzo de 1967", "19 mars 1967". */
export function formatDate(iso: string, lang: Lang): string {
  const p = parts(iso);
  if (!p) return iso;
  const month = p.month ? MONTHS[lang][p.month - 1] : undefined;
  const of = lang === 'es' ? ' de ' : ' ';
  return [p.day !== undefined ? dayText(p.day, lang) : undefined, month, p.year].filter((x) => x !== undefined).join(of);
}

/** A span of days: "13–15 October 2004", "30 November – 2 December 2004", the whole dates when years differ. */
export function formatRange(start: string, end: string | undefined, lang: Lang): string {
  const a = parts(start);
  const b = end ? parts(end) : undefined;
  if (!a || !b || !end || end === start) return formatDate(start, lang);
  if (a.year === b.year && a.month === b.month && a.day !== undefined && b.day !== undefined) {
    return `${dayText(a.day, lang)}–${formatDate(end, lang)}`;
  }
  if (a.year === b.year && a.year !== undefined) {
    return `${formatDate(start, lang).replace(lang === 'es' ? ` de ${a.year}` : ` ${a.year}`, '')} – ${formatDate(end, lang)}`;
  }
  return `${formatDate(start, lang)} – ${formatDate(end, lang)}`;
}

/** How a record's date reads: when it was held, every year on a day, when it was adopted; "(year not stated)" when unknown. */
export interface When {
  date: string;
  end?: string;
  kind: 'held' | 'yearly' | 'adopted';
}

export function formatWhen(when: When, lang: Lang): string {
  const phrase = PHRASES[lang];
  if (when.kind === 'yearly') return phrase.yearly.replace('{date}', formatDate(when.date, lang));
  if (when.kind === 'adopted') return phrase.adopted.replace('{date}', formatDate(when.date, lang));
  const text = formatRange(when.date, when.end, lang);
  return when.date.startsWith('--') ? phrase.noYear.replace('{date}', text) : text;
}
