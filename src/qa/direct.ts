// Direct answers: one sentence, in the question's language, stating a fact held in one field of one
// record (or saying plainly that the record does not hold it), with that record's citation.
// Sentences are only ever built from structured fields; nothing here composes a fact of its own.
import type { Citation, DirectAnswer } from '../answer.js';
import type { Lang } from '../i18n/catalog.js';
import type { KnowledgeBase } from '../records/load.js';
import type { RightsRecord, SessionRecord, TreatyRecord } from '../records/schema.js';
import { fieldCitation } from '../search/present.js';
import { formatDate, formatRange } from '../i18n/dates.js';
import { formatMessage } from '../i18n/plural.js';
import type { FrameRow } from './grammar.js';


type Templates = Record<string, string>;
const T: Record<Lang, Templates> = {
  en: {
    in_force: '{name} entered into force on {date}.',
    no_force_nonbinding: '{name} is not legally binding, so it does not enter into force; it was adopted on {date}.',
    no_force: 'The knowledge base does not give the date on which {name} entered into force.',
    adopted: '{name} was adopted on {date} (adopting body: {body}).',
    treaty_dates: '{name} was adopted on {adopted} and entered into force on {in_force}.',
    treaty_dates_adopted: '{name} was adopted on {adopted}; the knowledge base gives no date of entry into force.',
    attendance: 'Attendance at {name}, as the source gives it: {attendance}.',
    binding: '{name} is legally binding ({body}).',
    not_binding: '{name} is not legally binding.',
    held_on: '{name} was held on {date}.',
    held_in: '{name} was held in {place} on {date}.',
    no_year: 'The source dates {name} {date} but does not give the year.',
    no_place: 'The source does not say where {name} was held; it dates it {date}.',
    date_note: 'About the date: {note}',
    count_recommendations: 'The knowledge base holds {n, plural, one {# recommendation} other {# recommendations}} from {name}.',
    count_speakers: 'The {doc} for {name} names {n, plural, one {# speaker} other {# speakers}}.',
    chair: '{name} was chaired by {people}.',
    moderators: '{name} was moderated by {people}.',
    rapporteur: 'The rapporteur of {name} was {people}.',
    organizers: '{name} was organized by {people}.',
    speakers: 'The speakers named for {name} are {people}.',
    no_chair: 'The {doc} for {name} names no chair.',
    no_moderators: 'The {doc} for {name} names no moderator.',
    no_rapporteur: 'The {doc} for {name} names no rapporteur.',
    no_organizers: 'The {doc} for {name} does not name its organizers.',
    no_speakers: 'The {doc} for {name} names no speakers.',
    observance: '{name} is observed on {date} each year.',
    role: '{name}: {role}.',
    no_record: 'There is no record in the knowledge base of what you asked about; the closest records follow.',
    no_instrument: 'There is no record of that instrument in the knowledge base.',
    and: 'and',
    doc: 'source document',
  },
  es: {
    in_force: '{name} entró en vigor el {date}.',
    no_force_nonbinding: '{name} no es jurídicamente vinculante, por lo que no entra en vigor; fue adoptad{o} el {date}.',
    no_force: 'La base de conocimientos no indica cuándo entró en vigor {name}.',
    adopted: '{name} fue adoptad{o} el {date} (órgano: {body}).',
    treaty_dates: '{name} fue adoptad{o} el {adopted} y entró en vigor el {in_force}.',
    treaty_dates_adopted: '{name} fue adoptad{o} el {adopted}; la base de conocimientos no indica la fecha de entrada en vigor.',
    attendance: 'Asistencia a {name}, según la fuente (en inglés): {attendance}.',
    binding: '{name} es jurídicamente vinculante ({body}).',
    not_binding: '{name} no es jurídicamente vinculante.',
    held_on: '{name} se celebró el {date}.',
    held_in: '{name} se celebró en {place} el {date}.',
    no_year: 'La fuente sitúa {name} el {date}, pero no indica el año.',
    no_place: 'La fuente no indica dónde se celebró {name}; lo sitúa el {date}.',
    date_note: 'Sobre la fecha (nota en inglés): {note}',
    count_recommendations: 'La base de conocimientos contiene {n, plural, one {# recomendación} other {# recomendaciones}} de {name}.',
    count_speakers: 'El {doc} de {name} nombra a {n, plural, one {# ponente} other {# ponentes}}.',
    chair: '{name} fue presidido por {people}.',
    moderators: '{name} fue moderado por {people}.',
    rapporteur: 'El relator de {name} fue {people}.',
    organizers: '{name} fue organizado por {people}.',
    speakers: 'Los ponentes nombrados para {name} son {people}.',
    no_chair: 'El {doc} de {name} no nombra a ningún presidente.',
    no_moderators: 'El {doc} de {name} no nombra a ningún moderador.',
    no_rapporteur: 'El {doc} de {name} no nombra a ningún relator.',
    no_organizers: 'El {doc} de {name} no nombra a los organizadores.',
    no_speakers: 'El {doc} de {name} no nombra a ningún ponente.',
    observance: '{name} se celebra cada año el {date}.',
    role: '{name}: {role}.',
    no_record: 'No hay ningún registro en la base de conocimientos sobre lo que pregunta; siguen los registros más cercanos.',
    no_instrument: 'No hay ningún registro de ese instrumento en la base de conocimientos.',
    and: 'y',
    doc: 'documento fuente',
  },
  fr: {
    in_force: '{name} est entré{e} en vigueur le {date}.',
    no_force_nonbinding: "{name} n'est pas juridiquement contraignant{e} et n'entre donc pas en vigueur ; {il} a été adopté{e} le {date}.",
    no_force: "La base de connaissances n'indique pas quand {name} est entré{e} en vigueur.",
    adopted: '{name} a été adopté{e} le {date} (organe : {body}).',
    treaty_dates: "{name} a été adopté{e} le {adopted} et est entré{e} en vigueur le {in_force}.",
    treaty_dates_adopted: "{name} a été adopté{e} le {adopted} ; la base de connaissances n'indique pas la date d'entrée en vigueur.",
    attendance: 'Participation à {name}, selon la source (en anglais) : {attendance}.',
    binding: '{name} est juridiquement contraignant{e} ({body}).',
    not_binding: "{name} n'est pas juridiquement contraignant{e}.",
    held_on: "{name} s'est tenu le {date}.",
    held_in: "{name} s'est tenu à {place} le {date}.",
    no_year: "La source date {name} du {date}, mais n'indique pas l'année.",
    no_place: "La source n'indique pas où s'est tenu {name} ; elle le date du {date}.",
    date_note: 'Sur la date (note en anglais) : {note}',
    count_recommendations: 'La base de connaissances contient {n, plural, one {# recommandation} other {# recommandations}} de {name}.',
    count_speakers: 'Le {doc} de {name} nomme {n, plural, one {# intervenant} other {# intervenants}}.',
    chair: '{name} a été présidé par {people}.',
    moderators: '{name} a été modéré par {people}.',
    rapporteur: 'Le rapporteur de {name} était {people}.',
    organizers: '{name} a été organisé par {people}.',
    speakers: 'Les intervenants nommés pour {name} sont {people}.',
    no_chair: 'Le {doc} de {name} ne nomme aucun président.',
    no_moderators: 'Le {doc} de {name} ne nomme aucun modérateur.',
    no_rapporteur: 'Le {doc} de {name} ne nomme aucun rapporteur.',
    no_organizers: 'Le {doc} de {name} ne nomme pas les organisateurs.',
    no_speakers: 'Le {doc} de {name} ne nomme aucun intervenant.',
    observance: '{name} est célébrée chaque année le {date}.',
    role: '{name} : {role}.',
    no_record: "Il n'y a aucune fiche dans la base de connaissances sur ce que vous demandez ; voici les fiches les plus proches.",
    no_instrument: "Il n'y a aucune fiche sur cet instrument dans la base de connaissances.",
    and: 'et',
    doc: 'document source',
  },
};

function fill(lang: Lang, key: string, params: Record<string, string | number>): string {
  const text = formatMessage(T[lang][key] ?? T.en[key] ?? key, params, lang);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export class DirectAnswers {
  constructor(private readonly kb: Pick<KnowledgeBase, 'byId' | 'documents' | 'authorities'>) {}

  private make(lang: Lang, key: string, params: Record<string, string | number>, record: RightsRecord | undefined, field: string | null, negative = false): DirectAnswer {
    // The fact's own authority: a treaty's dates cite its depositary, an observance's day its resolution.
    const cited: Citation | undefined = record ? fieldCitation(record, field ?? '', this.kb) : undefined;
    return { text: fill(lang, key, params), id: record?.id ?? null, field, negative, ...(cited ? { citation: cited } : {}) };
  }

  treatyInForce(t: TreatyRecord, lang: Lang): DirectAnswer {
    const naming = treatyNaming(t, lang);
    if (t.in_force) return this.make(lang, 'in_force', { ...naming, date: formatDate(t.in_force, lang) }, t, 'in_force');
    if (!t.binding) return this.make(lang, 'no_force_nonbinding', { ...naming, date: formatDate(t.adopted, lang) }, t, 'binding');
    return this.make(lang, 'no_force', naming, t, 'in_force', true);
  }

  treatyAdopted(t: TreatyRecord, lang: Lang): DirectAnswer {
    return this.make(lang, 'adopted', { ...treatyNaming(t, lang), date: formatDate(t.adopted, lang), body: t.body }, t, 'adopted');
  }

  /** The field a frame row asks of an instrument (in_force, adopted, binding, or both dates). */
  treatyField(t: TreatyRecord, row: FrameRow, lang: Lang): DirectAnswer {
    switch (row.id) {
      case 'in_force':
        return this.treatyInForce(t, lang);
      case 'adopted':
        return this.treatyAdopted(t, lang);
      case 'binding':
        return this.treatyBinding(t, lang);
      default:
        return this.treatyDates(t, lang);
    }
  }

  /** Both dates, each named, for a "when" that does not say which one. */
  treatyDates(t: TreatyRecord, lang: Lang): DirectAnswer {
    const naming = treatyNaming(t, lang);
    const adopted = formatDate(t.adopted, lang);
    if (t.in_force) return this.make(lang, 'treaty_dates', { ...naming, adopted, in_force: formatDate(t.in_force, lang) }, t, 'adopted');
    return this.make(lang, 'treaty_dates_adopted', { ...naming, adopted }, t, 'adopted');
  }

  /** Who attended a meeting, in the source's own numbers; undefined when the record does not hold them. */
  sessionAttendance(s: SessionRecord, lang: Lang): DirectAnswer | undefined {
    if (!s.attendance) return undefined;
    return this.make(lang, 'attendance', { name: sessionName(s, lang), attendance: s.attendance }, s, 'attendance');
  }

  treatyBinding(t: TreatyRecord, lang: Lang): DirectAnswer {
    return this.make(lang, t.binding ? 'binding' : 'not_binding', { ...treatyNaming(t, lang), body: t.body }, t, 'binding');
  }

  sessionWhen(s: SessionRecord, lang: Lang, withPlace: boolean): DirectAnswer {
    const name = sessionName(s, lang);
    const date = formatDate(s.date, lang);
    const place = placeOf(s);
    // A place question is answered about the place, whatever the source says of the year.
    if (withPlace && !place) return this.make(lang, 'no_place', { name, date }, s, 'city', true);
    if (!withPlace && s.date.startsWith('--')) return this.make(lang, 'no_year', { name, date }, s, 'date', true);
    const key = withPlace && place ? 'held_in' : 'held_on';
    const answer = this.make(lang, key, { name, date: formatRange(s.date, s.end_date, lang), place: place ?? '' }, s, withPlace ? 'city' : 'date');
    // What the source says about its own dates (a missing year, two dates that disagree) goes with them.
    if (s.date_note) answer.text += ` ${fill(lang, 'date_note', { note: s.date_note })}`;
    return answer;
  }

  /** Who held a role at a meeting (chair, moderators, rapporteur, organizers, speakers), or that the source names none. */
  sessionPeople(s: SessionRecord, field: 'chair' | 'moderators' | 'rapporteur' | 'organizers' | 'speakers', lang: Lang): DirectAnswer {
    const name = sessionName(s, lang);
    const ids = field === 'organizers' ? [] : field === 'speakers' ? this.speakerIds(s) : (s[field] ?? []);
    // A part of a meeting is organized by whoever organized the meeting.
    const parent = s.parent ? this.kb.byId.get(s.parent) : undefined;
    const organizers = s.organizers ?? (parent?.kind === 'session' ? parent.organizers : undefined) ?? [];
    const people = field === 'organizers' ? organizers : [...new Set(ids)].map((id) => this.personName(id));
    if (people.length === 0) return this.make(lang, `no_${field}`, { name, doc: this.docLabel(s, lang) }, s, field === 'speakers' ? 'speakers_note' : field, true);
    return this.make(lang, field, { name, people: list(people, T[lang].and ?? 'and') }, s, field);
  }

  /** How many records of a kind the knowledge base holds for a meeting (a count of records, not of the people present). */
  sessionCount(s: SessionRecord, what: 'recommendations' | 'speakers', n: number, lang: Lang): DirectAnswer {
    if (n === 0 && what === 'speakers') return this.sessionPeople(s, 'speakers', lang);
    return this.make(lang, `count_${what}`, { name: sessionName(s, lang), n, doc: this.docLabel(s, lang) }, s, what === 'speakers' ? 'speakers' : 'recommendations');
  }

  observanceDate(o: Extract<RightsRecord, { kind: 'observance' }>, lang: Lang): DirectAnswer {
    return this.make(lang, 'observance', { name: o.title, date: formatDate(o.date, lang) }, o, 'date');
  }

  speakerRole(s: Extract<RightsRecord, { kind: 'speaker' }>, lang: Lang): DirectAnswer | undefined {
    const role = [s.role, s.organization && !(s.role ?? '').includes(s.organization) ? s.organization : undefined, s.country && !(s.role ?? '').includes(s.country) ? s.country : undefined]
      .filter(Boolean)
      .join(', ');
    return role ? this.make(lang, 'role', { name: s.name, role }, s, 'role') : undefined;
  }

  noRecord(lang: Lang): DirectAnswer {
    return { text: fill(lang, 'no_record', {}), id: null, field: null, negative: true };
  }

  noInstrument(lang: Lang): DirectAnswer {
    return { text: fill(lang, 'no_instrument', {}), id: null, field: null, negative: true };
  }

  /** The speakers a meeting's record names, with those of its parts (chairs and moderators are not speakers). */
  speakerIds(s: SessionRecord): string[] {
    const children = [...this.kb.byId.values()].flatMap((r) => (r.kind === 'session' && r.parent === s.id ? (r.speakers ?? []) : []));
    return [...new Set([...(s.speakers ?? []), ...children])];
  }

  private personName(id: string): string {
    const r = this.kb.byId.get(id);
    return r?.kind === 'speaker' ? r.name : id;
  }

  /** What the source document is ("executive summary", "concept note"), from the start of its title. */
  private docLabel(s: SessionRecord, lang: Lang): string {
    const title = this.kb.documents.get(s.source.document)?.title ?? '';
    const head = title.split(':')[0] ?? '';
    return lang === 'en' && head.split(' ').length <= 3 && head !== title ? head.toLowerCase() : (T[lang].doc ?? 'source document');
  }
}

/**
 * A treaty's name in the question's language, with its article (its official Spanish or French alias when
 * it has one), and the grammatical gender endings the sentence needs ({o}/{e}/{il}).
 */
function treatyNaming(t: TreatyRecord, lang: Lang): { name: string; o: string; e: string; il: string } {
  if (lang === 'en') return { name: `the ${t.title}`, o: '', e: '', il: '' };
  const pattern = lang === 'es' ? /^(Convención|Convenio|Protocolo|Pacto|Declaración)\b/ : /^(Convention (internationale|de |relative|contre|sur|supplémentaire|des )|Protocole|Pacte|Déclaration)/;
  const local = t.aliases.find((a) => pattern.test(a));
  if (!local) return { name: t.title, o: 'o', e: '', il: 'il' };
  const feminine = /^(Convención|Declaración|Convention|Déclaration)/.test(local);
  const article = lang === 'es' ? (feminine ? 'la' : 'el') : feminine ? 'la' : 'le';
  return { name: `${article} ${local}`, o: feminine ? 'a' : 'o', e: feminine ? 'e' : '', il: feminine ? 'elle' : 'il' };
}

function sessionName(s: SessionRecord, _lang: Lang): string {
  return `“${s.title}”`;
}

function placeOf(s: SessionRecord): string | undefined {
  // A venue is only named when short: long venue notes explain an uncertainty, shown with the record.
  const venue = s.venue && s.venue.length <= 60 ? s.venue : undefined;
  const parts = [venue, s.city, s.country].filter(Boolean);
  return parts.length ? parts.join(', ') : undefined;
}

function list(items: string[], and: string): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`;
}
