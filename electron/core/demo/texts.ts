import type { DivisionCode } from '../../../shared/domain/divisions';
import type { Rng } from './random';

/** Fields of study, in English (as the form records them) and French (for French motivations). */
export const FIELDS_OF_STUDY = {
  ir: ['International Relations', 'Relations internationales'],
  polsci: ['Political Science', 'Science politique'],
  law: ['Law', 'Droit'],
  econ: ['Economics', 'Économie'],
  cs: ['Computer Science', 'Informatique'],
  data: ['Data Science', 'Science des données'],
  eng: ['Engineering', 'Ingénierie'],
  aero: ['Aerospace Engineering', 'Ingénierie aérospatiale'],
  comms: ['Communications', 'Communication'],
  journalism: ['Journalism', 'Journalisme'],
  media: ['Media Studies', 'Études des médias'],
  pubadmin: ['Public Administration', 'Administration publique'],
  history: ['History', 'Histoire'],
  security: ['Security Studies', 'Études de sécurité'],
  strategic: ['Strategic Studies', 'Études stratégiques'],
  peace: ['Peace and Conflict Studies', 'Études sur la paix et les conflits'],
  european: ['European Studies', 'Études européennes'],
  business: ['Business Administration', 'Gestion des entreprises'],
  cyber: ['Cybersecurity', 'Cybersécurité'],
  maths: ['Mathematics', 'Mathématiques'],
  physics: ['Physics', 'Physique'],
  stats: ['Statistics', 'Statistique'],
  psych: ['Psychology', 'Psychologie'],
  geo: ['Geography', 'Géographie'],
  translation: ['Translation and Interpreting', 'Traduction et interprétation'],
  environment: ['Environmental Science', "Sciences de l'environnement"],
  finance: ['Finance', 'Finance'],
  hr: ['Human Resources Management', 'Gestion des ressources humaines'],
  design: ['Graphic Design', 'Graphisme'],
} as const satisfies Record<string, readonly [string, string]>;

export type FieldKey = keyof typeof FIELDS_OF_STUDY;

/** The studies each division tends to attract; applicants still apply across the board. */
export const DIVISION_FIELDS: Record<DivisionCode, readonly FieldKey[]> = {
  DI: ['eng', 'aero', 'econ', 'business', 'physics', 'law'],
  DPP: ['security', 'strategic', 'econ', 'polsci', 'ir', 'stats'],
  ESCD: ['cyber', 'cs', 'environment', 'security', 'data', 'eng'],
  EM: ['hr', 'finance', 'law', 'business', 'pubadmin', 'cs'],
  OPS: ['ir', 'security', 'peace', 'polsci', 'geo', 'history'],
  PASP: ['ir', 'polsci', 'european', 'history', 'law', 'peace'],
  PDD: ['comms', 'journalism', 'media', 'design', 'translation', 'ir'],
  JISD: ['security', 'data', 'ir', 'stats', 'cs', 'psych'],
};

/** What applicants say they care about, per division: [English, French with its article]. */
const DIVISION_TOPICS: Record<DivisionCode, ReadonlyArray<readonly [string, string]>> = {
  OPS: [
    ['crisis management', 'la gestion de crise'],
    ['operations planning', 'la planification des opérations'],
    ['civil preparedness', 'la préparation du secteur civil'],
    ['operations with partners', 'les opérations avec les partenaires'],
  ],
  PASP: [
    ['political dialogue with partners', 'le dialogue politique avec les partenaires'],
    ['arms control', 'la maîtrise des armements'],
    ['security in the Western Balkans', 'la sécurité dans les Balkans occidentaux'],
    ['the Women, Peace and Security agenda', 'le programme « Femmes, paix et sécurité »'],
  ],
  PDD: [
    ['strategic communications', 'la communication stratégique'],
    ['public diplomacy', 'la diplomatie publique'],
    ['countering disinformation', 'la lutte contre la désinformation'],
    ['digital media', 'les médias numériques'],
  ],
  DPP: [
    ['defence planning', 'la planification de défense'],
    ['capability development', 'le développement des capacités'],
    ['deterrence and defence', 'la dissuasion et la défense'],
    ['defence economics', "l'économie de défense"],
  ],
  ESCD: [
    ['cyber defence', 'la cyberdéfense'],
    ['hybrid threats', 'les menaces hybrides'],
    ['energy security', 'la sécurité énergétique'],
    ['climate change and security', 'le changement climatique et la sécurité'],
    ['counter-terrorism', 'la lutte contre le terrorisme'],
  ],
  DI: [
    ['armaments cooperation', "la coopération en matière d'armements"],
    ['defence innovation', "l'innovation de défense"],
    ['air and missile defence', 'la défense aérienne et antimissile'],
    ['defence procurement', 'les acquisitions de défense'],
  ],
  JISD: [
    ['intelligence analysis', "l'analyse du renseignement"],
    ['security policy', 'la politique de sécurité'],
    ['open-source intelligence', "le renseignement d'origine sources ouvertes"],
    ['early warning', "l'alerte précoce"],
  ],
  EM: [
    ['organisational management', 'la gestion des organisations'],
    ['human resources', 'les ressources humaines'],
    ['financial management', 'la gestion financière'],
    ['protocol and events', "le protocole et l'événementiel"],
  ],
};

/** "à la …", "au …", "aux …", "à l'…": French contracts the preposition with the article. */
function toFrench(topic: string): string {
  if (topic.startsWith('les ')) return `aux ${topic.slice(4)}`;
  if (topic.startsWith('le ')) return `au ${topic.slice(3)}`;
  return `à ${topic}`;
}

/** "la Division …" / "la Direction …" */
function frenchDivision(name: string): string {
  return `la ${name.charAt(0).toLowerCase()}${name.slice(1)}`;
}

export interface MotivationContext {
  readonly french: boolean;
  readonly firstName: string;
  readonly division: DivisionCode;
  readonly divisionEn: string;
  readonly divisionFr: string;
  readonly field: FieldKey;
  readonly university: string;
  readonly languageCount: number;
  /** Two different topics of the division, [English, French] each. */
  readonly topics: readonly [readonly [string, string], readonly [string, string]];
}

type Part = (c: MotivationContext) => string;

const EN_OPENINGS: readonly Part[] = [
  () => 'Dear Selection Committee,',
  (c) => `I am writing to apply for an internship in the ${c.divisionEn}.`,
  (c) => `As a student of ${FIELDS_OF_STUDY[c.field][0]} at ${c.university}, I would like to spend my internship in the ${c.divisionEn}.`,
  (c) => `My name is ${c.firstName} and I study ${FIELDS_OF_STUDY[c.field][0]} at ${c.university}.`,
  (c) => `I have followed NATO's work closely since my first year at university, and I would be honoured to contribute to the ${c.divisionEn}.`,
];

const EN_BODIES: readonly Part[] = [
  (c) => `My studies have given me a solid grounding in ${c.topics[0][0]}, which is central to the work of the ${c.divisionEn}.`,
  (c) => `My thesis dealt with ${c.topics[1][0]}, and I would like to see how these questions are handled in practice.`,
  (c) => `I am particularly interested in ${c.topics[0][0]} and ${c.topics[1][0]}.`,
  () => 'I have worked as a research assistant, organised a Model NATO simulation, and volunteered with a youth organisation.',
  (c) => `I speak ${c.languageCount} languages, and I am used to working in multicultural teams.`,
  () => 'As one of my professors put it, "security is built in peacetime".',
  () => 'The internship would let me combine analysis, drafting and teamwork: three things I enjoy.',
  () => "I am curious, rigorous and calm under pressure; my previous supervisors would say I'm a reliable team member.",
];

const EN_CLOSINGS: readonly Part[] = [
  () => 'Thank you for considering my application.',
  () => 'I look forward to hearing from you.',
  () => 'Thank you for your time and consideration.',
];
const EN_SIGN_OFFS: readonly Part[] = [(c) => `Kind regards,\n${c.firstName}`, (c) => `Best wishes,\n${c.firstName}`];

const FR_OPENINGS: readonly Part[] = [
  () => 'Madame, Monsieur,',
  (c) => `Je souhaite postuler à un stage au sein de ${frenchDivision(c.divisionFr)}.`,
  (c) => `Étudiant(e) en ${FIELDS_OF_STUDY[c.field][1].toLowerCase()} à ${c.university}, je souhaite effectuer mon stage au sein de ${frenchDivision(c.divisionFr)}.`,
  (c) => `Je m'appelle ${c.firstName} et j'étudie ${FIELDS_OF_STUDY[c.field][1].toLowerCase()} à ${c.university}.`,
];

const FR_BODIES: readonly Part[] = [
  (c) => `Mes études m'ont permis d'acquérir de solides connaissances sur ${c.topics[0][1]}, au cœur des missions de ${frenchDivision(c.divisionFr)}.`,
  (c) => `Je m'intéresse particulièrement ${toFrench(c.topics[0][1])} ainsi qu'${toFrench(c.topics[1][1])}.`,
  () => "J'ai participé à une simulation de l'OTAN, travaillé comme assistant(e) de recherche et fait du bénévolat.",
  () => "Comme le dit l'un de mes professeurs, « la sécurité se construit en temps de paix ».",
  () => "J'aimerais découvrir le fonctionnement de l'Alliance de l'intérieur ; ce stage serait une étape décisive.",
  (c) => `Je parle ${c.languageCount} langues et j'ai l'habitude de travailler dans des équipes multiculturelles.`,
];

const FR_CLOSINGS: readonly Part[] = [
  () => "Je vous remercie de l'attention portée à ma candidature.",
  () => "Dans l'attente de votre réponse, je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.",
];
const FR_SIGN_OFFS: readonly Part[] = [(c) => `Bien cordialement,\n${c.firstName}`];

/** Two different topics the division deals with. */
export function divisionTopics(
  division: DivisionCode,
  rng: Rng,
): readonly [readonly [string, string], readonly [string, string]] {
  const topics = DIVISION_TOPICS[division];
  const i = rng.int(0, topics.length - 1);
  const j = (i + rng.int(1, topics.length - 1)) % topics.length;
  const first = topics[i];
  const second = topics[j];
  if (!first || !second) throw new RangeError(`No topics for ${division}`);
  return [first, second];
}

/** A motivation letter: an opening, one to three different sentences, a closing; some paragraph breaks. */
export function motivationText(c: MotivationContext, rng: Rng): string {
  const bodies = c.french ? FR_BODIES : EN_BODIES;
  const opening = rng.pick(c.french ? FR_OPENINGS : EN_OPENINGS)(c);
  const salutation = opening.endsWith(',');
  let text = opening + (salutation ? '\n\n' : ' ');

  const sentences = 1 + (rng.chance(0.6) ? 1 : 0) + (rng.chance(0.3) ? 1 : 0);
  const used: number[] = [];
  while (used.length < sentences) {
    const i = rng.int(0, bodies.length - 1);
    if (used.includes(i)) continue;
    used.push(i);
    const body = bodies[i];
    if (body) text += body(c);
    if (used.length < sentences) text += rng.chance(0.08) ? '\n' : ' ';
  }

  if (rng.chance(0.15)) {
    text += `\n\n${rng.pick(c.french ? FR_SIGN_OFFS : EN_SIGN_OFFS)(c)}`;
  } else {
    text += (rng.chance(0.12) ? '\n\n' : ' ') + rng.pick(c.french ? FR_CLOSINGS : EN_CLOSINGS)(c);
  }
  return text;
}

/**
 * Texts a spreadsheet would run as a formula, or that trip naive CSV handling. They stand in the
 * demo so that export neutralisation and the importer meet them early.
 */
export const AWKWARD_MOTIVATIONS: readonly string[] = [
  '=HYPERLINK("http://example.invalid","click")',
  '+32 470 12 34 56 is the best number to reach me.',
  '-- please see my CV --',
  '@NATO: I would love to join the team.',
  '=1+2',
  '\tIndented with a tab, as pasted from my word processor.',
  'Plain text with trailing spaces   ',
  'Semicolons; everywhere; like a delimiter',
];

/** Mother tongues and other languages, with their French names for French-written answers. */
export const LANGUAGE_FR: Readonly<Record<string, string>> = {
  English: 'Anglais', French: 'Français', German: 'Allemand', Dutch: 'Néerlandais', Danish: 'Danois',
  Icelandic: 'Islandais', Italian: 'Italien', Luxembourgish: 'Luxembourgeois', Norwegian: 'Norvégien',
  Portuguese: 'Portugais', Greek: 'Grec', Turkish: 'Turc', Spanish: 'Espagnol', Czech: 'Tchèque',
  Hungarian: 'Hongrois', Polish: 'Polonais', Bulgarian: 'Bulgare', Estonian: 'Estonien', Latvian: 'Letton',
  Lithuanian: 'Lituanien', Romanian: 'Roumain', Slovak: 'Slovaque', Slovenian: 'Slovène',
  Albanian: 'Albanais', Croatian: 'Croate', Montenegrin: 'Monténégrin', Macedonian: 'Macédonien',
  Finnish: 'Finnois', Swedish: 'Suédois', Ukrainian: 'Ukrainien', Georgian: 'Géorgien', Serbian: 'Serbe',
  Armenian: 'Arménien', Azerbaijani: 'Azerbaïdjanais', Bosnian: 'Bosnien', Maltese: 'Maltais',
  Uzbek: 'Ouzbek', Hindi: 'Hindi', Japanese: 'Japonais', Afrikaans: 'Afrikaans', Yoruba: 'Yoruba',
  'Mandarin Chinese': 'Chinois (mandarin)', Korean: 'Coréen', Indonesian: 'Indonésien', Arabic: 'Arabe',
  Russian: 'Russe', Chinese: 'Chinois',
};

/** Languages applicants learn besides their own, roughly by popularity. */
export const FOREIGN_LANGUAGES: ReadonlyArray<readonly [string, number]> = [
  ['German', 20], ['Spanish', 22], ['Italian', 9], ['Russian', 8], ['Arabic', 4], ['Portuguese', 4],
  ['Dutch', 3], ['Chinese', 3], ['Polish', 2], ['Turkish', 2], ['Ukrainian', 2], ['Swedish', 1],
];

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const ASCII_SPECIALS: Readonly<Record<string, string>> = {
  ß: 'ss', ø: 'o', Ø: 'O', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D',
  ı: 'i', þ: 'th', Þ: 'Th', ð: 'd', Ð: 'D', ħ: 'h', ə: 'e', Ə: 'E', '„': '"', '”': '"', '“': '"',
};

/** A name as typed on a keyboard without accents: "Jürgen Øberg" -> "Jurgen Oberg". */
export function withoutAccents(text: string): string {
  const stripped = text.normalize('NFKD').replace(COMBINING_MARKS, '');
  let out = '';
  for (const ch of stripped) out += ch.charCodeAt(0) < 128 ? ch : (ASCII_SPECIALS[ch] ?? '');
  return out;
}

/** Lower-case letters and digits only, for the local part of an e-mail address. */
export function emailWord(text: string): string {
  const folded = withoutAccents(text).toLowerCase();
  let out = '';
  for (let i = 0; i < folded.length; i++) {
    const code = folded.charCodeAt(i);
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) out += folded[i];
  }
  return out;
}
