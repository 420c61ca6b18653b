// Question understanding (English, Spanish, French), before search: what a question asks for
// (a person, a date, a place, a count, whether something binds), the frame it uses ("enter into force",
// "who chaired", "what did X recommend"), and the words left to search once those are understood.
import type { Kind } from '../records/schema.js';
import type { Lang } from '../i18n/catalog.js';
import type { EntityMention } from './entities.js';

/** The answer a question expects. */
export type Asks = 'person' | 'date' | 'place' | 'count' | 'binding' | 'statement';

/** Frames: relations a question names, each pointing at the field or link that answers it. */
export type Frame =
  | 'in_force'
  | 'adopted'
  | 'binding'
  | 'held'
  | 'chair'
  | 'moderators'
  | 'rapporteur'
  | 'organizers'
  | 'spoke'
  | 'recommended'
  | 'role';

export interface Question {
  /** True when the text reads as a question rather than a command or keywords. */
  question: boolean;
  asks?: Asks;
  frame?: Frame;
  /** The kind of record named in the question ("which treaty…", "qué reunión…"). */
  kind?: Kind;
  /** The question is about something ("… about X", "… sobre X"): X's words follow a topic preposition. */
  topic: boolean;
  /** Language the question words are in, when they tell. */
  lang?: Lang;
  /** Folded content words left to search (question, frame and function words removed), in order. */
  words: string[];
  /** Every folded word of the question, for matching names that contain function words. */
  all: string[];
  /** The words of the frame as typed ("proposed", "entered into force"). */
  frameWords: string[];
}

type Rule = [Frame, string[]];

/** Frame phrases, folded. Longer phrases are tried first; each is removed once understood. */
const FRAMES: Rule[] = [
  ['in_force', ['kick in', 'kicked in', 'kicks in', 'come into effect', 'came into effect', 'comes into effect', 'enter into force', 'entered into force', 'enters into force', 'entering into force', 'entry into force', 'come into force', 'came into force', 'comes into force', 'go into force', 'went into force', 'into force', 'in force', 'enter force', 'take effect', 'took effect', 'takes effect', 'become effective', 'became effective', 'effective', 'entro en vigor', 'entra en vigor', 'entrada en vigor', 'entraron en vigor', 'en vigor', 'vigente', 'vigor', 'est entree en vigueur', 'est entre en vigueur', 'entree en vigueur', 'entre en vigueur', 'en vigueur', 'vigueur']],
  ['binding', ['legally binding', 'binding', 'juridicamente vinculante', 'vinculante', 'obligatorio', 'obligatoria', 'juridiquement contraignant', 'juridiquement contraignante', 'contraignant', 'contraignante', 'obligatoire']],
  ['adopted', ['adopted', 'adopt', 'adoption', 'signed', 'concluded', 'approved', 'agreed', 'fue adoptada', 'fue adoptado', 'se adopto', 'adopto', 'adoptada', 'adoptado', 'adoptaron', 'aprobada', 'aprobado', 'aprobo', 'firmada', 'firmado', 'adopcion', 'a ete adoptee', 'a ete adopte', 'adoptee', 'adopte', 'adoptes', 'signee', 'signe']],
  ['chair', ['chaired', 'chair', 'chairs', 'chairperson', 'chairman', 'chairwoman', 'presided over', 'presided', 'presidio', 'presidia', 'presidente', 'a preside', 'preside', 'presidee', 'presidait', 'presidence']],
  ['moderators', ['co moderated', 'co moderator', 'co moderators', 'moderated', 'moderator', 'moderators', 'moderate', 'moderating', 'modero', 'moderaron', 'moderador', 'moderadora', 'moderadores', 'a modere', 'modere', 'moderee', 'moderateur', 'moderatrice', 'moderateurs', 'anime', 'animee', 'animateur']],
  ['rapporteur', ['rapporteur', 'rapporteurs', 'relator', 'relatora', 'rapporteuse']],
  ['organizers', ['organized', 'organised', 'organizer', 'organizers', 'organiser', 'organisers', 'organize', 'organise', 'hosted', 'host', 'convened', 'sponsored', 'organizo', 'organizaron', 'organizador', 'organizadores', 'organizada', 'organizado', 'a organise', 'organisee', 'organisateur', 'organisateurs']],
  ['held', ['take place', 'took place', 'takes place', 'taken place', 'held', 'hold', 'happen', 'happened', 'located', 'se celebro', 'celebro', 'celebrada', 'celebrado', 'tuvo lugar', 'se llevo a cabo', 'llevo a cabo', 'a eu lieu', 'eu lieu', 'lieu', 's est tenue', 's est tenu', 'est tenue', 'est tenu', 'tenue', 'tenu', 's est deroulee', 's est deroule', 'deroulee', 'deroule']],
  ['spoke', ['spoke', 'speak', 'speaks', 'speaking', 'spoken', 'speakers', 'speaker', 'talked', 'talk', 'talks', 'talking', 'presented', 'panellists', 'panelists', 'panellist', 'panelist', 'participated', 'took part', 'addressed', 'intervened', 'participants', 'hablo', 'hablaron', 'intervino', 'intervinieron', 'ponentes', 'ponente', 'participaron', 'expusieron', 'oradores', 'a pris la parole', 'ont pris la parole', 'a parle', 'ont parle', 'parle', 'parlent', 'est intervenu', 'est intervenue', 'sont intervenus', 'intervenants', 'intervenant']],
  ['recommended', ['want', 'wanted', 'wants', 'ask for', 'asked for', 'asks for', 'demand', 'demanded', 'recommend', 'recommended', 'recommends', 'propose', 'proposed', 'proposes', 'suggest', 'suggested', 'call for', 'called for', 'calls for', 'urge', 'urged', 'advocate', 'advocated', 'say', 'said', 'says', 'recomendo', 'recomendaron', 'recomienda', 'propuso', 'propusieron', 'dijo', 'dijeron', 'a recommande', 'ont recommande', 'recommande', 'a propose', 'ont propose', 'propose', 'a dit', 'ont dit', 'dit']],
];

interface FrameRule {
  frame: Frame;
  words: string[];
  order: number;
}
const RULES: FrameRule[] = FRAMES.flatMap(([frame, phrases]) => phrases.map((p) => ({ frame, words: p.split(' ') }))).map((r, order) => ({ ...r, order }));
/** Frame rules by their first word, so a question is scanned once. */
const RULES_BY_FIRST = new Map<string, FrameRule[]>();
for (const rule of RULES) RULES_BY_FIRST.set(rule.words[0] ?? '', [...(RULES_BY_FIRST.get(rule.words[0] ?? '') ?? []), rule]);
/** One-word frames long enough to be recognised with a typo. */
const LONG_SINGLE_RULES = RULES.filter((r) => r.words.length === 1 && (r.words[0] ?? '').length >= 7);

/** Question words at the start, and the answer they expect. */
const QUESTION_WORDS: Record<string, Asks | null> = {
  who: 'person', whom: 'person', whose: 'person', when: 'date', where: 'place', which: null, what: null, how: null, why: null,
  quien: 'person', quienes: 'person', cuando: 'date', donde: 'place', cual: null, cuales: null, que: null, como: null,
  qui: 'person', quand: 'date', ou: 'place', quel: null, quelle: null, quels: null, quelles: null, quoi: null, comment: null,
};
/** Question words that are nothing else, wherever they stand. */
const ANYWHERE = new Set('who whom when where which quien quienes cuando donde cual cuales quand quel quelle quels quelles'.split(' '));
/** Verbs that open a yes/no or polite question ("is the GCM binding", "did Mexico speak", "tell me…"). */
const OPENERS = new Set('is are was were do does did can could should has have had will would tell list name give show find es son fue fueron hay est sont'.split(' '));
/** Multi-word question openings and the answer they expect. */
const ASK_PHRASES: [string, Asks][] = [
  ['what year', 'date'], ['which year', 'date'], ['what date', 'date'], ['what day', 'date'], ['en que ano', 'date'], ['que ano', 'date'],
  ['en que fecha', 'date'], ['que fecha', 'date'], ['que dia', 'date'], ['en quelle annee', 'date'], ['quelle annee', 'date'], ['quelle date', 'date'],
  ['quel jour', 'date'], ['what city', 'place'], ['which city', 'place'], ['what country', 'place'], ['which country', 'place'], ['en que ciudad', 'place'],
  ['que ciudad', 'place'], ['which hotel', 'place'], ['what hotel', 'place'], ['which venue', 'place'], ['what venue', 'place'], ['which room', 'place'],
  ['what room', 'place'], ['which building', 'place'], ['que lugar', 'place'], ['quel lieu', 'place'], ['quelle salle', 'place'], ['dans quelle ville', 'place'], ['quelle ville', 'place'], ['how many', 'count'], ['cuantos', 'count'], ['cuantas', 'count'],
  ['combien', 'count'], ['what is the date', 'date'], ['cual es la fecha', 'date'], ['quelle est la date', 'date'], ['la fecha', 'date'], ['la date', 'date'],
  ['est ce que', 'statement'], ['est ce qu', 'statement'],
];
const QUESTION_LANG: Record<string, Lang> = {
  quien: 'es', quienes: 'es', cuando: 'es', donde: 'es', cual: 'es', cuales: 'es', como: 'es', cuantos: 'es', cuantas: 'es',
  qui: 'fr', quand: 'fr', ou: 'fr', quel: 'fr', quelle: 'fr', quels: 'fr', quelles: 'fr', quoi: 'fr', combien: 'fr',
};
/** Kind words inside a question ("which treaty", "qué reuniones"). */
const KIND_IN_QUESTION: Record<string, Kind> = {};
for (const [kind, list] of [
  ['treaty', 'treaty treaties instrument instruments convention conventions tratado tratados instrumento instrumentos convencion convenciones convenio convenios traite traites'],
  ['session', 'meeting meetings session sessions event events workshop conference reunion reuniones sesion sesiones evento eventos taller conferencia seance seances evenement evenements atelier conference'],
  ['speaker', 'speaker speakers people person persons panellist panelist panellists panelists ponente ponentes persona personas intervenant intervenants personne personnes orador oradores'],
  ['recommendation', 'recommendation recommendations proposal proposals recomendacion recomendaciones propuesta propuestas recommandation recommandations proposition propositions'],
  ['observance', 'day days observance observances dia dias journee journees'],
] as const) for (const w of list.split(' ')) KIND_IN_QUESTION[w] = kind;

/** Nouns for people that a relative clause can follow ("people who spoke…"). */
const PERSON_NOUNS = new Set('people person persons anyone someone somebody speakers speaker panellists panelists experts officials gente personas persona alguien ponentes personnes personne quelqu intervenants'.split(' '));
/** Articles before a kind word that opens a query ("the session on…", "la sesión sobre…"). */
const ARTICLES = new Set('the a an la el los las le les un une una'.split(' '));

/** Words asking for a date. */
const DATE_WORDS = new Set('date dates year day fecha fechas ano dia annee jour'.split(' '));

/** Words asking what someone does or represents. */
const ROLE_WORDS = new Set(
  'job role position title post organisation organization organisations organizations work works working represent represents represented country nationality from cargo puesto trabajo organizacion representa pais poste fonction travaille organisme represente pays'.split(' '),
);

/** One edit apart, for long frame words typed with a slip ("recomend"). */
function near(a: string, b: string): boolean {
  if (a.length < 7 || Math.abs(a.length - b.length) > 1 || a[0] !== b[0]) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return a.slice(i + 1) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i) || a.slice(i) === b.slice(i + 1);
}

/** Words that introduce the topic of a question. */
const TOPIC_WORDS = new Set('about on regarding concerning sobre acerca respecto sur concernant'.split(' '));
/** Function words of questions in the three languages: never search terms in a question. */
const QUESTION_STOP = new Set(
  `who whom whose when where which what how why is are was were be been do does did can could should would will has have had there
   tell me us please give list show find know any some all i we you they it its this that these those the a an of on in at for to by from with
   about into as any get got make made first ever also and or y o et
   quien quienes cuando donde cual cuales que como cuanto cuantos cuanta cuantas es son fue fueron era eran hay se lo la el los las de del en a al
   por para sobre con un una unos unas me nos dime decir sabe saber mi su sus este esta estos estas ese esa acerca respecto
   qui quand ou quel quelle quels quelles que qu quoi comment combien est sont etait etaient a ont ete il elle ils elles ce c l d de du des le la les
   au aux sur pour par avec un une dans ceci cela moi nous dites savoir t y on s n ne pas plus`.split(/\s+/),
);

/** Understands folded words, given the entity mentions already found in them (their words are kept). */
export function understand(words: readonly string[], mentions: readonly EntityMention[], rawText: string): Question {
  const inEntity = new Set<number>();
  for (const m of mentions) for (let i = m.start; i < m.end; i++) inEntity.add(i);
  const first = words[0] ?? '';
  let asks: Asks | undefined = Object.hasOwn(QUESTION_WORDS, first) ? (QUESTION_WORDS[first] ?? undefined) : undefined;
  // "ou" is French "or" too: it asks "where" only at the start.
  const opener = Object.hasOwn(QUESTION_WORDS, first) || OPENERS.has(first);
  // "people who…", "personas que…": a person asked for through a relative clause (not "families that…").
  const relative = words.length > 1 && PERSON_NOUNS.has(first) && ['who', 'that', 'que', 'qui', 'quienes'].includes(words[1] ?? '') && !inEntity.has(0);
  // Unambiguous question words anywhere ("c'est quand…", "Lyapina travaille pour quelle organisation").
  const asking = words.findIndex((w, i) => !inEntity.has(i) && ANYWHERE.has(w));
  if (asks === undefined && asking >= 0 && asking <= 3) asks = QUESTION_WORDS[words[asking] ?? ''] ?? undefined;
  let question = /[?¿]/.test(rawText) || opener || relative || asking >= 0;
  let lang: Lang | undefined = QUESTION_LANG[first] ?? (asking >= 0 ? QUESTION_LANG[words[asking] ?? ''] : undefined);
  const removed = new Set<number>();
  const joined = (i: number, n: number) => words.slice(i, i + n).join(' ');
  const free = (i: number, n: number) => {
    for (let k = i; k < i + n; k++) if (inEntity.has(k) || removed.has(k)) return false;
    return true;
  };

  for (const [phrase, kind] of ASK_PHRASES) {
    const n = phrase.split(' ').length;
    for (let i = 0; i + n <= words.length && i <= 2; i++) {
      if (joined(i, n) !== phrase || !free(i, n)) continue;
      if (kind !== 'statement') asks = kind;
      question = true;
      for (let k = i; k < i + n; k++) removed.add(k);
    }
  }
  if (relative) asks ??= 'person';
  // "human rights day date", "vccr entry year": a date word asks for a date even without a question word.
  const dateWord = words.findIndex((w, i) => !inEntity.has(i) && DATE_WORDS.has(w));
  if (dateWord >= 0 && asks === undefined && mentions.length > 0) {
    asks = 'date';
    question = true;
    removed.add(dateWord);
  }

  let frame: Frame | undefined;
  // Frame phrases found in the words, longest first (then in FRAMES order), each used once.
  const found: { frame: Frame; at: number; length: number; order: number }[] = [];
  words.forEach((w, i) => {
    for (const rule of RULES_BY_FIRST.get(w) ?? []) {
      if (rule.words.every((x, k) => words[i + k] === x)) found.push({ frame: rule.frame, at: i, length: rule.words.length, order: rule.order });
    }
    if (!RULES_BY_FIRST.has(w) && w.length >= 6) {
      for (const rule of LONG_SINGLE_RULES) if (near(rule.words[0] ?? '', w)) found.push({ frame: rule.frame, at: i, length: 1, order: rule.order });
    }
  });
  found.sort((a, b) => b.length - a.length || a.order - b.order);
  for (const { frame: f, at: i, length } of found) {
    if (!free(i, length)) continue;
    // "Special Rapporteur" is a title, not the rapporteur of a meeting.
    if (f === 'rapporteur' && ['special', 'especial', 'speciale'].some((w) => words[i - 1] === w || words[i + 1] === w)) continue;
    if (frame && frame !== f && !question) continue;
    frame ??= f;
    if (frame !== f) continue;
    for (let k = i; k < i + length; k++) removed.add(k);
  }
  // A frame in plain keywords ("rapporteur icmc") is a question only with a question word.
  if (frame && !question && ['spoke', 'recommended', 'held'].includes(frame)) {
    frame = undefined;
    removed.clear();
  }
  // "who is X", "what is X's job", "which organisation is X with", "where is X from".
  const speaker = mentions.find((m) => m.type === 'speaker');
  const roleWord = words.some((w, i) => !inEntity.has(i) && ROLE_WORDS.has(w));
  if (speaker && roleWord && question && (frame === 'held' || frame === 'spoke')) frame = undefined;
  if (!frame && speaker && ((asks === 'person' && words.length - speaker.end <= 1 && speaker.start <= 3) || (question && roleWord))) frame = 'role';

  let kind: Kind | undefined;
  let topic = false;
  const content: string[] = [];
  words.forEach((w, i) => {
    if (removed.has(i)) return;
    if (inEntity.has(i)) {
      content.push(w);
      return;
    }
    const afterArticle = i === 1 && ARTICLES.has(first);
    if ((question || afterArticle) && !kind && i <= 2 && Object.hasOwn(KIND_IN_QUESTION, w)) {
      kind = KIND_IN_QUESTION[w];
      return;
    }
    if (TOPIC_WORDS.has(w) && question) topic = true;
    if (question && QUESTION_STOP.has(w)) return;
    content.push(w);
  });
  if (!lang) lang = guessLang(words);
  const frameWords = frame ? words.filter((_, i) => removed.has(i) && !QUESTION_STOP.has(words[i] ?? '')) : [];
  return { question, asks, frame, kind, topic, lang, words: content, all: [...words], frameWords };
}

const ES = new Set('quien quienes cuando donde cual cuales los las del el que como sobre hay fue entro'.split(' '));
const FR = new Set('qui quand ou quel quelle quels quelles les des du est sont sur aux ete quoi'.split(' '));

function guessLang(words: readonly string[]): Lang | undefined {
  let es = 0;
  let fr = 0;
  for (const w of words) {
    if (ES.has(w)) es += 1;
    if (FR.has(w)) fr += 1;
  }
  return es > fr ? 'es' : fr > es ? 'fr' : undefined;
}
