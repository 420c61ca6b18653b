// Finds the people a document names with a role or affiliation: "Ms. Ana López", "Ana López, Director,
// Centre", "the Mayor of Zacatecas, Juan Pérez", lists of panellists. Deterministic pattern matching.

export interface Person {
  name: string;
  /** Other forms the document uses ("Ms. López"). */
  aliases: string[];
  role?: string;
  organization?: string;
  /** Where the person is first named: the text it was drawn from (verbatim) and its place. */
  quote: string;
  section: string;
  paragraph: number;
}

const UP = 'A-ZÀ-ÖØ-Þ';
const WORD = `[${UP}][\\p{Ll}'’\\-]+(?:-[${UP}][\\p{Ll}]+)?`;
const PARTICLE = `(?:de la|de los|van der|van|von|de|del|da|dos|di|du|le|al|el|bin|ibn)`;
const NAME1 = `${WORD}(?:\\s+(?:${PARTICLE}\\s+)?${WORD})*`;
const NAME2 = `${WORD}(?:\\s+(?:${PARTICLE}\\s+)?${WORD})+`;
const HONORIFIC = `(?:H\\.E\\.\\s+)?(?:Ms|Mr|Mrs|Dr|Prof|Sr|Sra|Mme|Amb)\\.|H\\.E\\.|Ambassador|Professor|Madame|Monsieur|Señora|Señor|Doctora|Doctor`;
const ROLE_WORDS =
  'Special Rapporteur|Rapporteur|Director-General|Director General|Director|Deputy Director|Minister|Vice-Minister|Deputy Minister|Mayor|Commissioner|High Commissioner|Chairperson|Chair|President|Vice-President|Secretary-General|Secretary General|Secretary|Ambassador|Professor|Coordinator|Head|Adviser|Advisor|Officer|Representative|Ombudsman|Ombudsperson|Researcher|Lawyer|Expert|Specialist|Manager|Founder|Executive|Member|Chief|Judge|Consul|Moderator|Directora|Ministra|Ministro|Alcalde|Alcaldesa|Presidenta|Presidente|Coordinadora|Coordinador|Directrice|Directeur|Maire|Président|Présidente';
const ROLE_RE = new RegExp(`(?<!\\p{L})(?:${ROLE_WORDS})(?!\\p{L})`, 'u');

/** Capitalized words that are not parts of people's names. */
const STOP = new Set(
  (
    'The This That These Those A An And Of In On At For To From With By Convention Migrant Migrants Workers Worker Rights Human United Nations ' +
    'Council Committee Office Forum Global International Ministry Mission Session Sessions Meeting Report Participants Participant State States ' +
    'Government Republic Panel Panellists Panelists Speakers Speaker Day Protocol Covenant Declaration Compact Organization Organisation ' +
    'Centre Center Union European African Commission National Institute University Network Coalition Programme Program Agenda General Assembly ' +
    'Summit Workshop Conference Geneva New York Opening Closing Recommendations Recommendation Conclusions Chair Director Minister Mayor ' +
    'Special Rapporteur Ambassador Professor Mr Ms Mrs Dr However Finally Also Several Many Some Delegates Los Las La El Les Le Des'
  ).split(' '),
);

function cleanName(raw: string): string | undefined {
  const words = raw.trim().split(/\s+/);
  while (words.length && STOP.has(words[0] ?? '')) words.shift();
  if (words.length === 0 || words.some((w) => STOP.has(w))) return undefined;
  return words.join(' ');
}

/** The role and organization in the comma-separated segments after a name (", Director, Migrant Rights Centre, said"). */
function affiliationAfter(rest: string): { role?: string; organization?: string } {
  const paren = /^\s*\(([^)]{2,120})\)/.exec(rest);
  const segments = paren ? (paren[1] ?? '').split(/\s*[,;]\s*/) : /^\s*,\s*/.test(rest) ? rest.replace(/^\s*,\s*/, '').split(/\s*,\s*/) : [];
  const role = segments[0]?.replace(/[.;:]+$/, '').trim();
  if (!role || !(ROLE_RE.test(role) || /^[\p{Lu}]/u.test(role)) || role.length > 100) return {};
  const second = segments[1]?.replace(/[.;:)]+$/, '').trim();
  let organization = second && /^[\p{Lu}]/u.test(second) && !/\s(?:said|noted|stated|stressed|opened|presented|called|recalled)\b/.test(second) ? second : undefined;
  if (!organization) organization = /\s(?:of|at|for)\s+(?:the\s+)?([\p{Lu}].*)$/u.exec(role)?.[1];
  return organization ? { role, organization } : { role };
}

const HONORIFIC_NAME = new RegExp(`(?<![\\p{L}.])(${HONORIFIC})\\s+(${NAME1})`, 'gu');
const NAME_COMMA_ROLE = new RegExp(`(?<![\\p{L}])(${NAME2})\\s*(?:,\\s*|\\()`, 'gu');
const ROLE_NAME = new RegExp(`(?<!\\p{L})((?:${ROLE_WORDS})(?:\\s+(?:of|for|on|at)\\s+[^,.;]{1,70}?)?),?\\s+(${NAME2})(?!\\p{L})`, 'gu');

/** Adds the people named in one unit of text (a sentence or a list item) to `people`. */
export function findPeople(unit: string, at: { section: string; paragraph: number }, people: Person[]): void {
  const add = (name: string, extra: { role?: string; organization?: string; alias?: string }) => {
    const existing = findPerson(people, name);
    if (existing) {
      if (extra.alias && extra.alias !== existing.name && !existing.aliases.includes(extra.alias)) existing.aliases.push(extra.alias);
      existing.role ??= extra.role;
      existing.organization ??= extra.organization;
      return;
    }
    if (name.split(/\s+/).length < 2) return; // a surname alone names nobody new
    const person: Person = { name, aliases: [], quote: unit, section: at.section, paragraph: at.paragraph };
    if (extra.role) person.role = extra.role;
    if (extra.organization) person.organization = extra.organization;
    if (extra.alias && extra.alias !== name) person.aliases.push(extra.alias);
    people.push(person);
  };
  for (const m of unit.matchAll(HONORIFIC_NAME)) {
    const name = cleanName(m[2] ?? '');
    if (!name) continue;
    const affiliation = affiliationAfter(unit.slice((m.index ?? 0) + m[0].length));
    const role = affiliation.role ?? (/Ambassador|Amb\./.test(m[1] ?? '') ? 'Ambassador' : undefined);
    add(name, { ...affiliation, ...(role ? { role } : {}), alias: `${m[1]} ${name}` });
  }
  for (const m of unit.matchAll(NAME_COMMA_ROLE)) {
    const name = cleanName(m[1] ?? '');
    if (!name) continue;
    const rest = unit.slice((m.index ?? 0) + (m[1] ?? '').length);
    const affiliation = affiliationAfter(rest);
    if (!affiliation.role || !ROLE_RE.test(affiliation.role)) continue;
    add(name, affiliation);
  }
  for (const m of unit.matchAll(ROLE_NAME)) {
    const name = cleanName(m[2] ?? '');
    if (!name) continue;
    const role = (m[1] ?? '').trim();
    const organization = /\s(?:of|for|at)\s+(?:the\s+)?([\p{Lu}].*)$/u.exec(role)?.[1];
    add(name, organization ? { role, organization } : { role });
  }
}

/** The person a name or a surname refers to. */
export function findPerson(people: readonly Person[], name: string): Person | undefined {
  const key = name.toLowerCase();
  const exact = people.find((p) => p.name.toLowerCase() === key);
  if (exact) return exact;
  const words = key.split(/\s+/);
  return people.find((p) => {
    const theirs = p.name.toLowerCase().split(/\s+/);
    return words.length === 1 ? theirs[theirs.length - 1] === words[0] : words.every((w) => theirs.includes(w)) || theirs.every((w) => words.includes(w));
  });
}

/** The people a sentence mentions, by full name or honorific and surname. */
export function mentions(sentence: string, people: readonly Person[]): Person[] {
  const found = new Set<Person>();
  for (const p of people) {
    const surname = p.name.split(/\s+/).pop() ?? p.name;
    const forms = [p.name, ...p.aliases];
    if (forms.some((f) => sentence.includes(f))) found.add(p);
    else if (new RegExp(`(?:${HONORIFIC})\\s+${surname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\p{L})`, 'u').test(sentence)) found.add(p);
  }
  return [...found];
}
