// The hostile query set: what a careless or malicious user can type (10 kB pastes, 500-character words,
// lunr syntax, emoji, long ids for show and suggest). No answer may cost much more than an ordinary one:
// the benchmark reports the worst of them, against raw lunr on the same text where that means something.
import type lunr from 'lunr';
import type { Engine } from '../src/engine.js';
import { words } from '../src/search/text.js';
import { RawLunrBaseline } from './baselines.js';
import { measure, round, summarize, type MeasureOptions } from './stats.js';

/** How a hostile text reaches the engine: a query (`ask`), `show <id>`, or autocomplete (`suggest`). */
export type HostileKind = 'ask' | 'show' | 'suggest';

export interface HostileQuery {
  /** A short name for tables (the texts are kilobytes long). */
  label: string;
  kind: HostileKind;
  text: string;
}

/** Deterministic pseudo-random letters (the same every run), so long "words" are not one repeated letter. */
function letters(count: number, seed: number): string {
  let x = seed;
  let out = '';
  for (let i = 0; i < count; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    out += String.fromCharCode(97 + (x % 26));
  }
  return out;
}

const ask = (label: string, text: string): HostileQuery => ({ label, kind: 'ask', text });

export const HOSTILE_QUERIES: readonly HostileQuery[] = [
  // 10 kB pastes: common words (the costliest for lunr), a real-looking paragraph, Spanish, a question then noise.
  ask('10 kB paste of common words', 'migrants rights status detention '.repeat(310)),
  ask('10 kB paste of a paragraph', 'The Special Rapporteur recommended that States end the immigration detention of children and ensure access to health care, education and justice for all migrants, regardless of status. '.repeat(55)),
  ask('10 kB Spanish paste', 'detención de niños migrantes y acceso a la justicia '.repeat(195)),
  ask('question then 10 kB of noise', `who spoke about detention of children? ${'lorem ipsum dolor sit amet '.repeat(370)}`),
  ask('10 kB of one letter', 'x'.repeat(10_000)),
  // Single long words: typo search and suggestions must not compare them letter by letter with everything.
  ask('500-letter random word', letters(500, 1)),
  ask('500-letter word of real words', 'detentionchildrenfirewalls'.repeat(20)),
  ask('kind word then a 500-letter word', `recommendations ${letters(500, 2)}`),
  ask('4,000-letter word', letters(4_000, 3)),
  ask('60 words of 60 letters', Array.from({ length: 60 }, (_, i) => letters(60, i + 10)).join(' ')),
  // lunr's query syntax is never parsed, only read as words.
  ask('lunr syntax, repeated', 'firewalls +detention -children climat~2 health^10 migra* "quoted" '.repeat(60)),
  ask('lunr field syntax', 'title:firewalls text:detention *:* ~ ^ + - : " '.repeat(80)),
  // Emoji, joiners, right-to-left marks: nothing to search, nothing must break.
  ask('10 kB of emoji', '🙂🚀🔥👩🏽‍⚖️🏳️‍🌈 '.repeat(700)),
  ask('words between emoji', 'treaties 🙂 consular 🚀 relations 🔥 '.repeat(120)),
  ask('bidi and zero-width characters', '\u202edetention\u200b\u200dchildren\u2066firewalls\u2069 '.repeat(150)),
  // Filters with huge or repeated values.
  ask('theme: with a 4,000-letter value', `recommendations theme:${letters(4_000, 4)}`),
  ask('theme:children 250 times', 'theme:children '.repeat(250)),
  ask('by: with a 4,000-letter value', `recommendations by:${letters(4_000, 5)}`),
  ask('for: with a 3,000-letter value', `recommendations for:${letters(3_000, 6)}`),
  // show <id> and autocomplete with long ids and prefixes (Discord sends what is typed in an option).
  ask('show with a 4,000-letter id', `show ${letters(4_000, 7)}`),
  { label: 'show: 2,000-character id', kind: 'show', text: `vccr-${'x'.repeat(1_995)}` },
  { label: 'show: 10 kB id', kind: 'show', text: 'gfmd-2017-'.repeat(1_000) },
  { label: 'suggest: 2,000 characters', kind: 'suggest', text: 'vienna convention on consular relations '.repeat(50) },
  { label: 'suggest: 10 kB of one letter', kind: 'suggest', text: 'a'.repeat(10_000) },
  { label: 'suggest: 2,000 emoji', kind: 'suggest', text: '🙂'.repeat(1_000) },
];

export interface HostileRow {
  label: string;
  kind: HostileKind;
  chars: number;
  /** Median and slowest call, ms. */
  engine: { p50: number; max: number };
  /** Raw lunr on the same text (ask only, and only when the text has words for it to look up). */
  rawLunr?: { p50: number; max: number };
  /** engine p50 ÷ raw lunr p50, where raw lunr had words to look up. */
  ratio?: number;
}

export interface HostileResult {
  queries: number;
  reps: number;
  rows: HostileRow[];
  /** The query with the slowest median. */
  worst: HostileRow;
  /** The slowest median of the ordinary query set in the same run, for scale. */
  ordinaryP50Max?: number;
}

/** Times every hostile query: engine.ask against raw lunr for queries, engine.show and engine.suggest alone. */
export function runHostile(engine: Engine, index: lunr.Index, options: MeasureOptions): HostileResult {
  const raw = new RawLunrBaseline(index);
  const rows: HostileRow[] = [];
  let reps = 0;
  for (const kind of ['ask', 'show', 'suggest'] as const) {
    const group = HOSTILE_QUERIES.filter((q) => q.kind === kind);
    const systems: Record<string, (text: string) => unknown> =
      kind === 'ask'
        ? { engine: (text) => engine.ask(text), rawLunr: (text) => raw.search(text) }
        : kind === 'show'
          ? { engine: (text) => engine.show(text) }
          : { engine: (text) => engine.suggest(text) };
    const run = measure(systems, group.map((q) => q.text), options);
    reps = Math.max(reps, run.reps);
    group.forEach((q, i) => {
      const e = summarize(run.byQuery.engine?.[i] ?? []);
      const row: HostileRow = { label: q.label, kind, chars: q.text.length, engine: { p50: e.p50, max: e.max } };
      // Raw lunr is a fair yardstick only when it had words to look up (an emoji paste gives it none).
      if (kind === 'ask' && words(q.text).length > 0) {
        const r = summarize(run.byQuery.rawLunr?.[i] ?? []);
        row.rawLunr = { p50: r.p50, max: r.max };
        row.ratio = r.p50 > 0 ? round(e.p50 / r.p50, 1) : undefined;
      }
      rows.push(row);
    });
  }
  const worst = rows.reduce((a, b) => (b.engine.p50 > a.engine.p50 ? b : a));
  return { queries: rows.length, reps, rows, worst };
}

export function printHostile(out: (line?: string) => void, result: HostileResult): void {
  out(`${'query'.padEnd(36)} ${'kind'.padEnd(8)} ${'chars'.padStart(6)} ${'engine p50'.padStart(11)} ${'max'.padStart(8)} ${'raw lunr p50'.padStart(13)} ${'÷ lunr'.padStart(7)}`);
  for (const row of result.rows) {
    out(
      `${row.label.padEnd(36)} ${row.kind.padEnd(8)} ${String(row.chars).padStart(6)} ${`${row.engine.p50} ms`.padStart(11)} ${`${row.engine.max} ms`.padStart(8)} ${(row.rawLunr ? `${row.rawLunr.p50} ms` : '—').padStart(13)} ${(row.ratio !== undefined ? `${row.ratio}×` : '—').padStart(7)}`,
    );
  }
  const { worst } = result;
  const versus = worst.ratio !== undefined ? `, ${worst.ratio}× raw lunr on the same text (${worst.rawLunr?.p50} ms)` : ' (raw lunr has no equivalent)';
  out(`Worst hostile query: "${worst.label}" (${worst.kind}, ${worst.chars} characters): ${worst.engine.p50} ms median, ${worst.engine.max} ms max${versus}.`);
  if (result.ordinaryP50Max !== undefined) out(`For scale: the slowest ordinary query's median in this run is ${result.ordinaryP50Max} ms.`);
}
