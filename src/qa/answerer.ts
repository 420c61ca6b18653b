// Answers understood questions: resolves the entity a question is about (by name, or by search when
// it is paraphrased), follows relations (who spoke about X, what X recommended, treaties about X), and
// states the fact asked for as a direct answer. Everything else is ranked search with entity boosts.
import type { DirectAnswer } from '../answer.js';
import type { Lang } from '../i18n/catalog.js';
import type { KnowledgeBase } from '../records/load.js';
import type { Kind, RightsRecord, SessionRecord, SpeakerRecord, TreatyRecord } from '../records/schema.js';
import type { Hit } from '../search/rank.js';
import { fold } from '../search/text.js';
import { DirectAnswers } from './direct.js';
import type { EntityIndex, EntityMention } from './entities.js';
import { grammar, type FrameRow } from './grammar.js';
import type { Question } from './question.js';

/** Ranks records for words (entity mentions boosted), optionally of one kind. */
export type RankFn = (words: readonly string[], kind: Kind | undefined) => Hit[];

export interface QuestionResult {
  kind?: Kind;
  hits: Hit[];
  direct?: DirectAnswer;
}

/** Coverage a searched-for entity needs to be taken as the one a question is about, and its lead over the next. */
const RESOLVE_MIN_COVERAGE = 0.55;
const RESOLVE_MARGIN = 1.15;
const RESOLVE_NAME_COVERAGE = 0.5;
/** Below this coverage by every instrument, a question about an instrument's date names none the knowledge base holds. */
const NO_INSTRUMENT_COVERAGE = 0.5;
/** Coverage a part of a named meeting needs to be the one meant (the meeting itself is already known). */
const PART_MIN_COVERAGE = 0.4;
/** Coverage of a topic a record needs before its speaker counts as having spoken about it. */
const SPOKE_ABOUT_COVERAGE = 0.35;

export class Answerer {
  private readonly direct: DirectAnswers;

  constructor(
    private readonly kb: Pick<KnowledgeBase, 'records' | 'byId' | 'documents' | 'authorities'>,
    private readonly rank: RankFn,
    private readonly entities: EntityIndex,
  ) {
    this.direct = new DirectAnswers(kb);
  }

  /** A result for a question, or undefined when plain ranked search answers it best. */
  answer(q: Question, mentions: readonly EntityMention[], lang: Lang): QuestionResult | undefined {
    const of = <K extends RightsRecord['kind']>(type: EntityMention['type'], kind: K) =>
      mentions.filter((m) => m.type === type).flatMap((m) => m.ids.map((id) => this.kb.byId.get(id))).filter((r): r is Extract<RightsRecord, { kind: K }> => r?.kind === kind);
    const words = q.words;
    const other = (m: EntityMention) => !mentions.some((x) => x !== m && x.start === m.start && x.end === m.end && typePriority(x) > typePriority(m));
    // The words of what a question is about: without the people, organizations and countries that narrow it.
    const narrowing = (m: EntityMention) => m.type === 'speaker' || m.type === 'organization' || m.type === 'country';
    const topicWords = () => words.filter((w) => !mentions.some((m) => narrowing(m) && other(m) && m.words.includes(w)));
    const row = this.rowFor(q, mentions);

    // Frames about an instrument's fields: resolve the instrument, read the field, answer or abstain.
    if (row?.record === 'treaty') {
      const named = this.entities.partial(q.all, 'treaty');
      const partial = named ? this.kb.byId.get(named) : undefined;
      const mentioned = of('treaty', 'treaty')[0];
      // "the global compact on refugees": a known name followed by words none of its names hold is another instrument.
      const elsewhere = mentioned && this.namesSomethingElse(mentioned, q.all, mentions);
      const treaty = elsewhere ? undefined : (mentioned ?? (partial?.kind === 'treaty' ? partial : undefined) ?? this.resolve<TreatyRecord>(words, 'treaty'));
      if (!treaty) {
        if (of('observance', 'observance').length || of('session', 'session').length) return undefined;
        const hits = this.rank(words, 'treaty');
        // "No record of that instrument" is a claim: only for a question that names an instrument ("the 1954 …
        // convention", "the global compact on refugees") that no instrument's name matches.
        const namesInstrument = q.all.some((w) => grammar().kinds.get(w) === 'treaty');
        const nothing = q.question && (elsewhere || (namesInstrument && hits.every((h) => (h.nameCoverage ?? 0) < NO_INSTRUMENT_COVERAGE)));
        return { kind: 'treaty', hits, ...(nothing ? { direct: this.direct.noInstrument(lang) } : {}) };
      }
      return { kind: 'treaty', hits: this.first(treaty, this.rank(words, 'treaty')), direct: this.direct.treatyField(treaty, row, lang) };
    }

    // Observances: their day.
    if (row?.record === 'observance') {
      const observance = of('observance', 'observance')[0] ?? this.resolve(words, 'observance');
      if (observance?.kind === 'observance') {
        return { kind: 'observance', hits: this.first(observance, this.rank(words, 'observance')), direct: this.direct.observanceDate(observance, lang) };
      }
      return undefined;
    }

    // Who someone is.
    const speakers = of('speaker', 'speaker');
    // "what did the UNICEF officer recommend": an organization stands for its people.
    const people = speakers.length > 0 ? speakers : of('organization', 'speaker');
    if (row?.id === 'role' && speakers[0]) {
      return { kind: 'speaker', hits: this.first(speakers[0], this.rank(words, undefined)), direct: this.direct.speakerRole(speakers[0], lang) };
    }

    // What someone recommended or said (about something).
    if (people.length > 0 && (q.frame === 'recommended' || q.kind === 'recommendation')) {
      const ids = new Set(people.map((s) => s.id));
      const theirs = this.kb.records.filter((r) => r.kind === 'recommendation' && (r.by.speakers ?? []).some((id) => ids.has(id)));
      if (theirs.length > 0) return { kind: 'recommendation', hits: this.rankAmong(theirs, topicWords(), q.frameWords) };
    }
    // What a meeting recommended (about something): its recommendations, not the meeting's summary first
    // ("who said … at the meeting" asks for a person, answered below).
    const named = this.sessionsMentioned(mentions);
    if (named.length > 0 && q.frame === 'recommended' && q.asks !== 'person') {
      const family = new Set(named.flatMap((s) => [s.id, ...this.kb.records.filter((r) => r.kind === 'session' && r.parent === s.id).map((r) => r.id)]));
      const made = this.kb.records.filter((r) => r.kind === 'recommendation' && family.has(r.session));
      const meetingWords = new Set(mentions.filter((m) => m.type === 'session' || m.type === 'place').flatMap((m) => m.words));
      if (made.length > 0) return { kind: 'recommendation', hits: this.rankAmong(made, words.filter((w) => !meetingWords.has(w)), q.frameWords) };
    }

    // Meetings: when, where, who chaired, moderated, organized or spoke, how many attended.
    const sessionRow = row?.record === 'session' ? row : undefined;
    // An organization's people place it at their meetings when the question asks about a meeting as such.
    const sessions = this.sessionsMentioned(mentions, sessionRow !== undefined);
    if (q.asks === 'count' && sessions.length > 0 && sessionRow?.id !== 'attendance') {
      const session = this.pickSession(sessions, undefined, words);
      const family = (id: string) => id === session?.id || (this.kb.byId.get(id) as SessionRecord | undefined)?.parent === session?.id;
      // "how many recommendations / speakers": a count of the records the knowledge base holds, said as such.
      if (session && q.kind === 'recommendation') {
        const recs = this.kb.records.filter((r) => r.kind === 'recommendation' && family(r.session));
        const direct = this.direct.sessionCount(session, 'recommendations', recs.length, lang);
        return { kind: 'recommendation', hits: recs.map((record, i) => ({ record, score: round(1 - i / 1000), coverage: 1 })), direct };
      }
      if (session && (q.frame === 'spoke' || q.kind === 'speaker')) {
        // Speakers as the record names them (chairs and moderators are not counted as speakers).
        const found = this.namedSpeakers(session);
        return { kind: 'speaker', hits: found.map((record, i) => ({ record, score: round(1 - i / 1000), coverage: 1 })), direct: this.direct.sessionCount(session, 'speakers', found.length, lang) };
      }
      // Any other count reads who attended, as the source gives it — or no sentence.
      if (session) {
        const direct = this.direct.sessionAttendance(session, lang);
        return { kind: undefined, hits: this.first(session, this.rank(words, undefined)), ...(direct ? { direct } : {}) };
      }
    }
    // "which session of the 2006 workshop looked at X": the part of a meeting that fits the rest of the question.
    if (q.kind === 'session' && sessions.length > 0 && !sessionRow) {
      const parts = this.kb.records.filter((r): r is SessionRecord => r.kind === 'session' && sessions.some((s) => s.id === r.parent));
      const named = new Set(mentions.filter((m) => m.type !== 'speaker').flatMap((m) => m.words));
      const topic = words.filter((w) => !named.has(w));
      const ranked = parts.length && topic.length ? this.rank(topic, 'session').filter((h) => parts.includes(h.record as SessionRecord)) : [];
      if (ranked.length > 0) {
        const top = Math.min(...ranked.map((h) => h.score));
        return { kind: 'session', hits: [...ranked, ...sessions.filter((s) => !ranked.some((h) => h.record.id === s.id)).map((record, i) => ({ record, score: round(top / 2 - i / 100), coverage: 0 }))] };
      }
    }
    // "who spoke at X" is the speakers row; "who spoke about Y at X" is about a topic, answered below.
    const spokeAt = sessionRow?.id === 'spoke' && sessions.length > 0 && !q.topic;
    if (sessionRow && (sessionRow.id !== 'spoke' || spokeAt)) {
      const field = typeof sessionRow.field === 'string' ? sessionRow.field : undefined;
      const session = this.pickSession(sessions, field, words, q.all) ?? this.resolve<SessionRecord>(words, 'session');
      if (session) return this.aboutSession(session, sessionRow, lang, mentions, q);
      // No meeting resolved with confidence: no sentence; plain search answers.
      return undefined;
    }

    // Who spoke about something: speakers ranked by the records they made that match it.
    if ((q.frame === 'spoke' || q.asks === 'person' || q.kind === 'speaker') && q.question && speakers.length === 0) {
      const topic = topicWords();
      // A country or organization named beside the topic narrows the people ("the UNICEF officer…").
      const among = new Set([...of('organization', 'speaker'), ...of('country', 'speaker')].map((s) => s.id));
      const hits = topic.length > 0 ? this.speakersAbout(topic, among) : [];
      if (hits.length > 0) return { kind: 'speaker', hits };
    }

    // Treaties about something: the treaties the matching recommendations invoke.
    if (q.kind === 'treaty' && of('treaty', 'treaty').length === 0 && words.length > 0) {
      return { kind: 'treaty', hits: this.treatiesAbout(words) };
    }
    return undefined;
  }

  /**
   * Records of a known set ranked by a topic (or, with none, by the frame's own verb: "what did X propose"
   * puts what X proposed first), then the rest of the set.
   */
  private rankAmong(set: readonly RightsRecord[], topic: readonly string[], frameWords: readonly string[]): Hit[] {
    const by = topic.length ? topic : frameWords;
    const members = new Set(set.map((r) => r.id));
    const ranked = by.length ? this.rank(by, 'recommendation').filter((h) => members.has(h.record.id)) : [];
    const rankedIds = new Set(ranked.map((h) => h.record.id));
    return [...ranked, ...set.filter((r) => !rankedIds.has(r.id)).map((record) => ({ record, score: 0, coverage: 0 }))];
  }

  /** Whether the words after a treaty's mention ("… on refugees") say it is another instrument. */
  private namesSomethingElse(treaty: TreatyRecord, all: readonly string[], mentions: readonly EntityMention[]): boolean {
    const mention = mentions.find((m) => m.type === 'treaty' && m.ids.includes(treaty.id));
    if (!mention) return false;
    const at = indexOfRun(all, mention.words);
    if (at < 0) return false;
    const next = all[at + mention.words.length] ?? '';
    let after = at + mention.words.length + 1;
    while (grammar().articles.has(all[after] ?? '')) after += 1;
    const word = all[after] ?? '';
    if (!grammar().nameLinks.has(next) || word.length < 4) return false;
    const names = fold([treaty.title, treaty.short_name, ...treaty.aliases].join(' ')).split(' ');
    return !names.some((n) => n.startsWith(word.slice(0, Math.max(4, word.length - 2))));
  }

  private aboutSession(session: SessionRecord, row: FrameRow, lang: Lang, mentions: readonly EntityMention[], q: Question): QuestionResult {
    const hits = () => this.first(session, this.rank(q.words, 'session'));
    if (row.id === 'held' || row.id === 'place') return { kind: 'session', hits: hits(), direct: this.direct.sessionWhen(session, lang, row.id === 'place') };
    if (row.id === 'attendance') {
      const direct = this.direct.sessionAttendance(session, lang);
      return { kind: 'session', hits: hits(), ...(direct ? { direct } : {}) };
    }
    const field = row.field as 'chair' | 'moderators' | 'rapporteur' | 'organizers' | 'speakers';
    const direct = this.direct.sessionPeople(session, field, lang);
    if (field === 'organizers' || direct.negative) return { kind: 'session', hits: hits(), direct };
    let people = this.peopleOf(session, field);
    // "who spoke for Mexico at …": a country or organization narrows the people.
    const narrowing = mentions.filter((m) => m.type === 'country' || m.type === 'organization');
    if (field === 'speakers' && narrowing.length > 0) {
      const narrowed = people.filter((p) => narrowing.some((m) => m.ids.includes(p.id)));
      if (narrowed.length > 0) people = narrowed;
    }
    return { kind: 'speaker', hits: people.map((record, i) => ({ record, score: round(1 - i / 100), coverage: 1 })), direct: narrowing.length && field === 'speakers' ? undefined : direct };
  }

  /**
   * The frame row a question asks by: its frame, or what its question word asks of the entity it names
   * ("when" + a treaty → its dates; "where" + a meeting → its place). Undefined: no field is asked for.
   */
  private rowFor(q: Question, mentions: readonly EntityMention[]): FrameRow | undefined {
    const rows = grammar().frameById;
    const has = (type: EntityMention['type']) => mentions.some((m) => m.type === type);
    // A meeting is named, or known through its place or organizers ("the UNITAR workshop").
    const meeting = has('session') || ((has('place') || has('organization')) && !has('treaty') && !has('observance'));
    if (q.frame === 'held') return rows.get(q.asks === 'place' ? 'place' : 'held');
    // "which city hosted the workshop": the asked answer (a place, a date) outranks a frame about people.
    const framed = q.frame ? rows.get(q.frame) : undefined;
    if (framed?.record === 'session' && framed.asks === 'person' && (q.asks === 'place' || q.asks === 'date')) return rows.get(q.asks === 'place' ? 'place' : 'held');
    if (q.frame === 'spoke' && q.asks === 'count') return undefined;
    // "when did X become binding" asks for its entry into force.
    if (q.frame === 'binding' && q.asks === 'date') return rows.get('in_force');
    if (q.frame && q.frame !== 'recommended') return rows.get(q.frame);
    if (q.asks === 'date') {
      if (has('treaty') && !meeting) return rows.get('dates');
      if (meeting) return rows.get('held');
      if (has('observance') || (q.kind === 'observance')) return rows.get('observed');
      if (q.kind === 'treaty') return rows.get('dates');
      if (!q.frame && q.words.length > 0) return rows.get('observed');
    }
    if (q.asks === 'place' && (meeting || has('organization') || q.kind === 'session')) return rows.get('place');
    if (q.asks === 'person' && meeting && q.kind !== 'recommendation') return rows.get('spoke');
    if (q.kind === 'speaker' && meeting && q.question) return rows.get('spoke');
    return undefined;
  }

  private namedSpeakers(session: SessionRecord): SpeakerRecord[] {
    return this.direct.speakerIds(session).map((id) => this.kb.byId.get(id)).filter((r): r is SpeakerRecord => r?.kind === 'speaker');
  }

  /** People of a meeting in a role; for speakers, also those of its sub-sessions and those linked to it. */
  private peopleOf(session: SessionRecord, field: 'chair' | 'moderators' | 'rapporteur' | 'speakers'): SpeakerRecord[] {
    const ids = new Set(field === 'speakers' ? [...(session.chair ?? []), ...(session.moderators ?? []), ...(session.rapporteur ?? []), ...(session.speakers ?? [])] : (session[field] ?? []));
    if (field === 'speakers') {
      for (const r of this.kb.records) {
        if (r.kind === 'session' && r.parent === session.id) for (const id of r.speakers ?? []) ids.add(id);
        if (r.kind === 'speaker' && r.sessions.includes(session.id)) ids.add(r.id);
      }
    }
    return [...ids].map((id) => this.kb.byId.get(id)).filter((r): r is SpeakerRecord => r?.kind === 'speaker');
  }

  private sessionsMentioned(mentions: readonly EntityMention[], viaPeople = false): SessionRecord[] {
    const order: EntityMention['type'][] = ['session', 'place', 'organization', 'country'];
    const records = (type: EntityMention['type']) => mentions.filter((m) => m.type === type).flatMap((m) => m.ids.map((id) => this.kb.byId.get(id)));
    for (const type of order) {
      const direct = records(type).filter((r): r is SessionRecord => r?.kind === 'session');
      if (direct.length > 0) return [...new Set(direct)];
    }
    if (!viaPeople) return [];
    // An organization or place known only through its people ("the UCLG session") points to their meetings.
    for (const type of ['organization', 'place'] as const) {
      const met = records(type)
        .flatMap((r) => (r?.kind === 'speaker' ? r.sessions.map((id) => this.kb.byId.get(id)) : []))
        .filter((r): r is SessionRecord => r?.kind === 'session');
      if (met.length > 0) return [...new Set(met)];
    }
    return [];
  }

  /**
   * The meeting meant among candidates: a numbered or clearly matching part of it first ("the second
   * session of the UNITAR workshop", "the UNITAR panel on children"), then one holding the asked field,
   * else the enclosing meeting.
   */
  private pickSession(sessions: SessionRecord[], field: string | undefined, words: readonly string[], all: readonly string[] = words): SessionRecord | undefined {
    if (sessions.length > 1) {
      // Several meetings fit the names: the rest of the question tells which ("the round table … in Mexico").
      const ranked = this.rank(words, 'session').map((h) => h.record.id);
      const best = ranked.find((id) => sessions.some((s) => s.id === id));
      const rest = sessions.filter((s) => s.id !== best);
      if (best) sessions = [...sessions.filter((s) => s.id === best), ...rest];
    }
    const part = this.partOf(sessions, words, all);
    if (part) return part;
    const has = (s: SessionRecord) => field === undefined || field === 'speakers' || ((s as Record<string, unknown>)[field] as unknown[] | undefined)?.length;
    const roots = sessions.filter((s) => !s.parent || !sessions.some((p) => p.id === s.parent));
    return roots.find(has) ?? sessions.find(has) ?? roots[0];
  }

  /** The part of a named meeting that the question singles out, by its number or clearly by its topic. */
  private partOf(sessions: readonly SessionRecord[], words: readonly string[], all: readonly string[]): SessionRecord | undefined {
    const ids = new Set(sessions.map((s) => s.id));
    const parts = this.kb.records.filter((r): r is SessionRecord => r.kind === 'session' && r.parent !== undefined && ids.has(r.parent));
    if (parts.length === 0) return undefined;
    const ordinals = grammar().ordinals;
    const number = all.map((w) => ordinals.get(w)).find((n) => n !== undefined);
    if (number !== undefined) {
      const numbered = parts.find((p) => partNumber(p.title) === number);
      if (numbered) return numbered;
    }
    const named = new Set(this.entities.find(words).flatMap((m) => m.words));
    const topic = words.filter((w) => !named.has(w) && !ordinals.has(w));
    if (topic.length === 0) return undefined;
    const ranked = this.rank(topic, 'session').filter((h) => parts.some((p) => p.id === h.record.id));
    const [top, second] = ranked;
    if (!top || top.coverage < PART_MIN_COVERAGE) return undefined;
    return !second || top.score > second.score * RESOLVE_MARGIN ? (top.record as SessionRecord) : undefined;
  }

  /** The record of a kind that a paraphrased name designates, when search finds one clearly. */
  private resolve<R extends RightsRecord>(words: readonly string[], kind: Kind): R | undefined {
    if (words.length === 0) return undefined;
    const [top, second] = this.rank(words, kind);
    // Its own name must hold most of what was said: a theme or a passing mention is not a name.
    if (!top || top.coverage < RESOLVE_MIN_COVERAGE || (top.nameCoverage ?? 0) < RESOLVE_NAME_COVERAGE) return undefined;
    // Clearly first: it matches most of what was said, or clearly more than the next one. Otherwise list, don't guess.
    const clear = !second || second.coverage < top.coverage - 0.05 || top.score > second.score * RESOLVE_MARGIN;
    return clear ? (top.record as R) : undefined;
  }

  private speakersAbout(topic: readonly string[], among: ReadonlySet<string>): Hit[] {
    const scores = new Map<string, { score: number; coverage: number }>();
    const credit = (id: string, score: number, coverage: number) => {
      const s = scores.get(id) ?? { score: 0, coverage: 0 };
      // The best matching record counts fully, further ones a little: many weak matches don't beat one strong.
      scores.set(id, { score: Math.max(s.score, score) + Math.min(s.score, score) * 0.1, coverage: Math.max(s.coverage, coverage) });
    };
    // Only what someone said that matches most of the topic counts: a passing word is not "spoke about".
    for (const hit of this.rank(topic, undefined).slice(0, 40).filter((h) => h.coverage >= SPOKE_ABOUT_COVERAGE)) {
      const r = hit.record;
      if (r.kind === 'recommendation') for (const id of r.by.speakers ?? []) credit(id, hit.score, hit.coverage);
      if (r.kind === 'speaker') credit(r.id, hit.score * 0.8, hit.coverage);
    }
    return [...scores]
      .map(([id, s]) => ({ record: this.kb.byId.get(id), ...s }))
      .filter((h): h is Hit => h.record?.kind === 'speaker' && (among.size === 0 || among.has(h.record.id)))
      .map((h) => ({ ...h, score: round(h.score) }))
      .sort((a, b) => b.score - a.score);
  }

  private treatiesAbout(words: readonly string[]): Hit[] {
    const scores = new Map<string, { score: number; coverage: number }>();
    for (const hit of this.rank(words, undefined).slice(0, 40)) {
      const r = hit.record;
      const ids = r.kind === 'treaty' ? [r.id] : r.kind === 'recommendation' ? (r.treaties ?? []) : [];
      const weight = r.kind === 'treaty' ? 1 : 0.7;
      for (const id of ids) {
        const s = scores.get(id) ?? { score: 0, coverage: 0 };
        scores.set(id, { score: Math.max(s.score, hit.score * weight) + Math.min(s.score, hit.score * weight) * 0.1, coverage: Math.max(s.coverage, hit.coverage) });
      }
    }
    return [...scores]
      .map(([id, s]) => ({ record: this.kb.byId.get(id), ...s }))
      .filter((h): h is Hit => h.record?.kind === 'treaty')
      .map((h) => ({ ...h, score: round(h.score) }))
      .sort((a, b) => b.score - a.score);
  }

  noRecord(lang: Lang): DirectAnswer {
    return this.direct.noRecord(lang);
  }

  /** Puts `record` first, with a score above the rest so the list stays sorted by score. */
  private first(record: RightsRecord, hits: Hit[]): Hit[] {
    const rest = hits.filter((h) => h.record.id !== record.id);
    const top = Math.max(1, ...rest.map((h) => h.score)) + 1;
    return [{ record, score: round(top), coverage: 1 }, ...rest];
  }
}

/** The number of a meeting's part from its title ("Session II: …" → 2). */
function partNumber(title: string): number | undefined {
  const m = /^\S+\s+([IVX]+|\d+)\b/.exec(title);
  if (!m?.[1]) return undefined;
  if (/^\d+$/.test(m[1])) return Number(m[1]);
  const values: Record<string, number> = { I: 1, V: 5, X: 10 };
  let n = 0;
  [...m[1]].forEach((c, i, cs) => (n += (values[c] ?? 0) < (values[cs[i + 1] ?? ''] ?? 0) ? -(values[c] ?? 0) : (values[c] ?? 0)));
  return n;
}

function indexOfRun(all: readonly string[], run: readonly string[]): number {
  for (let i = 0; i + run.length <= all.length; i++) if (run.every((w, k) => all[i + k] === w)) return i;
  return -1;
}

function typePriority(m: EntityMention): number {
  return ['country', 'place', 'organization', 'session', 'speaker', 'observance', 'treaty'].indexOf(m.type);
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
