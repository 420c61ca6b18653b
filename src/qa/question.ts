// Question understanding, the same code for English, Spanish and French: what a question asks for (a
// person, a date, a place, a count, whether something binds), the frame it uses ("enter into force",
// "who chaired", "what did X recommend") and the words left to search. Every word list and pattern is
// data in language/<lang>.yaml (see src/qa/grammar.ts); nothing here names a word of any language.
import type { Kind } from '../records/kinds.js';
import type { Lang } from '../i18n/catalog.js';
import type { EntityMention } from './entities.js';
import { grammar, type Asks } from './grammar.js';

export type { Asks } from './grammar.js';

/** A frame id: a row of language/frames.yaml. */
export type Frame = string;

export interface Question {
  /** True when the text reads as a question rather than a command or keywords. */
  question: boolean;
  asks?: Asks;
  frame?: Frame;
  /** The kind of record named in the question ("which treaty…", "qué reunión…"). */
  kind?: Kind;
  /** The question is about something ("… about X", "… sobre X"). */
  topic: boolean;
  /** Folded content words left to search (question, frame and function words removed), in order. */
  words: string[];
  /** Every folded word of the question, for matching names that contain function words. */
  all: string[];
  /** The words of the frame as typed ("proposed", "entered into force"). */
  frameWords: string[];
}

/** Frames that are only frames in a question (in keywords, "held" or "said" are search words). */
const QUESTION_ONLY_FRAMES = new Set(['spoke', 'recommended', 'held', 'attendance']);
/** A frame that only makes sense with the answer it names ("how many attended"). */
const FRAME_NEEDS: Record<string, Asks> = { attendance: 'count' };

/** One edit apart, for long frame words typed with a slip ("recomend"). */
function near(a: string, b: string): boolean {
  if (a.length < 7 || Math.abs(a.length - b.length) > 1 || a[0] !== b[0]) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return a.slice(i + 1) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i) || a.slice(i) === b.slice(i + 1);
}

/**
 * Understands folded words, given the entity mentions already found in them (their words are kept) and
 * the language decided for the query (its stop words are never search terms).
 */
export function understand(words: readonly string[], mentions: readonly EntityMention[], rawText: string, lang?: Lang): Question {
  const g = grammar();
  const inEntity = new Set<number>();
  for (const m of mentions) for (let i = m.start; i < m.end; i++) inEntity.add(i);
  const first = words[0] ?? '';
  const startsWithQuestionWord = g.questionWords.has(first) && !inEntity.has(0);
  let asks: Asks | undefined = startsWithQuestionWord ? (g.questionWords.get(first) ?? undefined) : undefined;
  const opener = startsWithQuestionWord || (g.openers.has(first) && !inEntity.has(0));
  // "people who…", "personas que…": a person asked for through a relative clause.
  const relative = words.length > 1 && g.personNouns.has(first) && g.relativePronouns.has(words[1] ?? '') && !inEntity.has(0);
  // Unambiguous question words anywhere near the start ("c'est quand…", "Lyapina travaille pour quelle organisation").
  const asking = words.findIndex((w, i) => !inEntity.has(i) && g.anywhere.has(w));
  if (asks === undefined && asking >= 0) asks = g.questionWords.get(words[asking] ?? '') ?? undefined;
  let question = /[?¿]/.test(rawText) || opener || relative || asking >= 0;
  const removed = new Set<number>();
  const free = (i: number, n: number) => {
    for (let k = i; k < i + n; k++) if (inEntity.has(k) || removed.has(k)) return false;
    return true;
  };
  const at = (i: number, pattern: readonly string[]) => pattern.every((x, k) => words[i + k] === x);

  for (const { words: phrase, asks: a } of g.askPhrases) {
    for (let i = 0; i + phrase.length <= words.length && i <= 2; i++) {
      if (!at(i, phrase) || !free(i, phrase.length)) continue;
      if (a !== 'statement') asks = a;
      question = true;
      for (let k = i; k < i + phrase.length; k++) removed.add(k);
    }
  }
  if (relative) asks ??= 'person';
  // "human rights day date", "vccr entry year": a date word asks for a date when something is named.
  // A word that is also a kind word ("which day marks…") names the kind, not a date.
  const dateWord = words.findIndex((w, i) => !inEntity.has(i) && !removed.has(i) && g.dateWords.has(w) && !g.kinds.has(w));
  if (dateWord >= 0 && asks === undefined && mentions.length > 0) {
    asks = 'date';
    question = true;
    removed.add(dateWord);
  }

  // Frame patterns found in the words, longest first, each used once; the first kept decides the frame.
  const found: { frame: string; at: number; length: number }[] = [];
  words.forEach((w, i) => {
    let exact = false;
    for (const p of g.framePatterns) {
      if (p.words[0] !== w || !at(i, p.words)) continue;
      exact = true;
      found.push({ frame: p.frame, at: i, length: p.words.length });
    }
    if (!exact && w.length >= 7) {
      for (const p of g.framePatterns) if (p.words.length === 1 && near(p.words[0] ?? '', w)) found.push({ frame: p.frame, at: i, length: 1 });
    }
  });
  let frame: string | undefined;
  for (const { frame: f, at: i, length } of found) {
    if (!free(i, length)) continue;
    const needs = FRAME_NEEDS[f];
    if (needs && asks !== needs) continue;
    // "Special Rapporteur" is a title, not the rapporteur of a meeting.
    if (f === 'rapporteur' && [words[i - 1], words[i + 1]].some((w) => g.rapporteurTitles.has(w ?? ''))) continue;
    // Words of a second frame ("what did the speakers say…") are frame words too, not search terms.
    if (frame && frame !== f) {
      if (question) for (let k = i; k < i + length; k++) removed.add(k);
      continue;
    }
    frame = f;
    for (let k = i; k < i + length; k++) removed.add(k);
  }
  // A frame in plain keywords ("rapporteur icmc" is one; "said" is not) needs a question.
  if (frame && !question && QUESTION_ONLY_FRAMES.has(frame)) {
    frame = undefined;
    removed.clear();
  }
  // "who is X", "what is X's job", "which organisation is X with", "where is X from".
  const speaker = mentions.find((m) => m.type === 'speaker');
  const roleWord = words.some((w, i) => !inEntity.has(i) && g.roleWords.has(w));
  if (speaker && roleWord && question && (frame === 'held' || frame === 'spoke')) frame = undefined;
  if (!frame && speaker && ((asks === 'person' && words.length - speaker.end <= 1 && speaker.start <= 3) || (question && roleWord))) frame = 'role';

  const stops = lang ? g.stopWords.get(lang) : undefined;
  let kind: Kind | undefined;
  let topic = false;
  const content: string[] = [];
  words.forEach((w, i) => {
    if (removed.has(i)) return;
    if (inEntity.has(i)) {
      content.push(w);
      return;
    }
    const afterArticle = i === 1 && g.articles.has(first);
    if ((question || afterArticle) && !kind && i <= 2 && g.kinds.has(w)) {
      kind = g.kinds.get(w);
      return;
    }
    if (g.topicWords.has(w) && question) topic = true;
    if (question && g.anyStopWord.has(w)) return;
    if (stops?.has(w)) return;
    content.push(w);
  });
  const frameWords = frame ? words.filter((_, i) => removed.has(i) && !g.anyStopWord.has(words[i] ?? '')) : [];
  return { question, asks, frame, kind, topic, words: content, all: [...words], frameWords };
}
