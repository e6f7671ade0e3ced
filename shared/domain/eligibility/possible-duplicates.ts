import { jaroWinkler } from '@skyra/jaro-winkler';
import { distance } from 'fastest-levenshtein';
import { foldName, type PersonIdentity, type PersonIndex } from './persons';

/**
 * Possible duplicates beyond the identity rule (issue 4): applications of different persons that
 * look like one person, listed for an officer to confirm (a confirmed link joins the persons) or
 * dismiss. Only a hint: nothing here changes a verdict.
 */

export type DuplicateSignal = 'similarNames' | 'swappedNames' | 'emailVariant';

export interface PossibleDuplicate {
  /** Application ids, a < b (compared as text). */
  a: string;
  b: string;
  /** Why they look alike, in the order of DuplicateSignal above, no repeats. */
  signals: DuplicateSignal[];
}

/** Signals as bits, so the signals between two persons merge with `|` whatever the order found. */
const SIMILAR_NAMES = 1;
const SWAPPED_NAMES = 2;
const EMAIL_VARIANT = 4;
const SIGNAL_BITS: readonly (readonly [number, DuplicateSignal])[] = [
  [SIMILAR_NAMES, 'similarNames'],
  [SWAPPED_NAMES, 'swappedNames'],
  [EMAIL_VARIANT, 'emailVariant'],
];

const JARO_WINKLER_MIN = 0.92;
/** Full names (first + space + last) at least this long may differ by two edits, shorter ones by one. */
const LONG_NAME = 8;

/**
 * The address an e-mail most likely reaches: Gmail ignores dots and `+tags` in the local part and
 * treats googlemail.com as gmail.com. Applied to every domain, since a match only asks an officer.
 */
export function canonicalEmail(email: string): string {
  return canonicalOfWritten(email.trim().toLowerCase());
}

/** canonicalEmail of an address already trimmed and lower-cased. */
function canonicalOfWritten(text: string): string {
  const at = text.lastIndexOf('@');
  if (at < 0) return text;
  // Most addresses are already canonical: return them without building four new strings.
  if (text.indexOf('+') < 0 && text.lastIndexOf('.', at) < 0 && !text.endsWith('@googlemail.com')) return text;
  let local = text.slice(0, at);
  const plus = local.indexOf('+');
  if (plus >= 0) local = local.slice(0, plus);
  local = local.replaceAll('.', '');
  const domain = text.slice(at + 1);
  return `${local}@${domain === 'googlemail.com' ? 'gmail.com' : domain}`;
}

// Hyphens (ASCII and Unicode dashes) and apostrophes (straight, curly, modifier letter, grave):
// "Jean-Luc" and "Jean Luc", "O'Brien" and "O Brien" are the same name written two ways.
// A separate non-global pattern tests: test() on a global one would carry lastIndex between calls.
const HAS_NAME_PUNCTUATION = /[-\u2010-\u2015'\u2018\u2019\u02bc`]/;
const NAME_PUNCTUATION = new RegExp(HAS_NAME_PUNCTUATION.source, 'g');

/** The folded name with hyphens and apostrophes as spaces: the form the name signals compare. */
function comparableName(name: string): string {
  const folded = foldName(name);
  // Most names have neither: skip building new strings for them.
  return HAS_NAME_PUNCTUATION.test(folded) ? folded.replace(NAME_PUNCTUATION, ' ').replace(/ +/g, ' ').trim() : folded;
}

/** What the name signals read of one distinct name, prepared once rather than once per comparison. */
interface NameForm {
  readonly first: string;
  readonly last: string;
  /** "first last"; "last first" is built on demand (swappedOf), as few pairs ever read it. */
  readonly full: string;
  swapped: string | null;
  /**
   * Whether a code point takes two code units (surrogates). The bounds below count code units and
   * Jaro-Winkler counts code points; they agree only without surrogates, so such names skip the
   * Jaro-Winkler bound (rare: folded names are in the Basic Multilingual Plane in practice).
   */
  readonly astral: boolean;
  /** Bit (code & 31) set for each code unit of `full`: the quickest bound below. */
  readonly bins: number;
  /** Built on demand for the few pairs the quick bound keeps, then reused. */
  histogram: Int32Array | null;
  /** `full` and `swapped` as code points: the library splits strings on every call otherwise. */
  fullPoints: readonly string[] | null;
  swappedPoints: readonly string[] | null;
}

const SURROGATE = /[\uD800-\uDFFF]/;

function nameForm(first: string, last: string): NameForm {
  const full = `${first} ${last}`;
  let bins = 0;
  for (let k = 0; k < full.length; k++) bins |= 1 << (full.charCodeAt(k) & 31);
  return { first, last, full, swapped: null, astral: SURROGATE.test(full), bins, histogram: null, fullPoints: null, swappedPoints: null };
}

function fullPoints(form: NameForm): readonly string[] {
  return (form.fullPoints ??= [...form.full]);
}

function swappedOf(form: NameForm): string {
  return (form.swapped ??= `${form.last} ${form.first}`);
}

function swappedPoints(form: NameForm): readonly string[] {
  return (form.swappedPoints ??= [...swappedOf(form)]);
}

function histogramOf(form: NameForm): Int32Array {
  if (form.histogram) return form.histogram;
  const histogram = new Int32Array(32);
  for (let k = 0; k < form.full.length; k++) {
    const bin = form.full.charCodeAt(k) & 31;
    histogram[bin] = (histogram[bin] ?? 0) + 1;
  }
  form.histogram = histogram;
  return histogram;
}

function bitCount(bits: number): number {
  let v = bits - ((bits >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/**
 * Upper bounds on the code units two names have in common, hence on Jaro matches and on the code
 * units an edit script keeps. "last first" has the code units of "first last", so one bound serves
 * the similar and the swapped comparisons. The quick one: each bin one name has and the other lacks
 * holds at least one code unit that matches nothing.
 */
function quickCommonBound(x: NameForm, y: NameForm): number {
  return Math.min(x.full.length - bitCount(x.bins & ~y.bins), y.full.length - bitCount(y.bins & ~x.bins));
}

/** The tighter one: per bin, no more matches than the rarer side has code units. */
function histogramCommonBound(x: NameForm, y: NameForm): number {
  const hx = histogramOf(x);
  const hy = histogramOf(y);
  let common = 0;
  for (let bin = 0; bin < 32; bin++) common += Math.min(hx[bin] ?? 0, hy[bin] ?? 0);
  return common;
}

/**
 * Common prefix length as @skyra/jaro-winkler counts it: up to 4, but 5 when the first four agree.
 * Standard Jaro-Winkler caps the prefix at 4; the library's extra one lifts "Maria Rossi" against
 * "Maria Smithson" (Jaro 0.84) to 0.92, flagging any two people sharing a first name and a birthday.
 */
function libraryPrefix(x: ArrayLike<string>, y: ArrayLike<string>): number {
  for (let p = 0; p < 4; p++) if (x[p] !== y[p]) return p;
  return 5;
}

/** Standard Jaro-Winkler similarity (prefix weight 0.1, prefix at most 4), by the library. */
function jaroWinklerSimilarity(x: readonly string[], y: readonly string[]): number {
  const score = jaroWinkler(x, y);
  // With a prefix counted as 5 the library returns jaro + 0.5 (1 − jaro); the standard weight of a
  // prefix of 4 is 0.4, which gives 0.6 jaro + 0.4 = 1.2 score − 0.2.
  return libraryPrefix(x, y) === 5 ? 1.2 * score - 0.2 : score;
}

/**
 * Whatever the prefix (at most 4), Jaro-Winkler ≥ 0.92 needs Jaro ≥ (0.92 − 0.4) / 0.6, so
 * m/|x| + m/|y| ≥ 3 × that − 1; less a margin for rounding.
 */
const LOOSEST_JARO_SHARE = 3 * ((JARO_WINKLER_MIN - 0.4) / 0.6) - 1 - 1e-9;

/**
 * Whether Jaro-Winkler can reach the threshold: with m matches at most `common`, Jaro ≤
 * (m/|x| + m/|y| + 1) / 3, and Winkler only adds prefix × 0.1 × (1 − Jaro). Most pairs sharing a
 * birthday are different people; this rejects them without running the library.
 */
function jaroWinklerMayReach(x: string, y: string, common: number): boolean {
  if (common <= 0 || x.length === 0 || y.length === 0) return false;
  const jaro = (common / x.length + common / y.length + 1) / 3;
  // The margin absorbs rounding, so the bound never rejects a pair the library would accept.
  return jaro + Math.min(libraryPrefix(x, y), 4) * 0.1 * (1 - jaro) >= JARO_WINKLER_MIN - 1e-9;
}

/** One side of a Jaro-Winkler comparison: the text, and its code points (built on demand). */
interface Side {
  readonly text: string;
  readonly points: () => readonly string[];
}

function jaroWinklerAtLeast(x: Side, y: Side, common: number, bounded: boolean): boolean {
  if (bounded && !jaroWinklerMayReach(x.text, y.text, common)) return false;
  // The library's greedy matching is not guaranteed symmetric: a fixed argument order keeps the
  // result independent of which application came first.
  const [p, q] = x.text <= y.text ? [x, y] : [y, x];
  return jaroWinklerSimilarity(p.points(), q.points()) >= JARO_WINKLER_MIN;
}

function fullSide(form: NameForm): Side {
  return { text: form.full, points: () => fullPoints(form) };
}

function swappedSide(form: NameForm): Side {
  return { text: swappedOf(form), points: () => swappedPoints(form) };
}

function editLimit(x: NameForm, y: NameForm): number {
  return Math.min(x.full.length, y.full.length) >= LONG_NAME ? 2 : 1;
}

function editDistanceMayReach(x: NameForm, y: NameForm, common: number): boolean {
  const longer = Math.max(x.full.length, y.full.length);
  const limit = editLimit(x, y);
  // A length difference costs that many edits, and every code unit of the longer name not kept
  // (at most `common` are) costs one.
  return longer - Math.min(x.full.length, y.full.length) <= limit && longer - common <= limit;
}

function withinEditDistance(x: NameForm, y: NameForm, common: number): boolean {
  return editDistanceMayReach(x, y, common) && distance(x.full, y.full) <= editLimit(x, y);
}

/**
 * Names look alike. Two different persons with one date of birth never have the same folded first
 * and last names (the identity rule would have joined them), so the names always differ here; a
 * pair whose comparable full names are equal ("Jean-Luc|Picard" and "Jean Luc|Picard", "Anna
 * Maria|Smith" and "Anna|Maria Smith") is the strongest case and is kept.
 */
function similarNames(x: NameForm, y: NameForm, common: number, bounded: boolean): boolean {
  return withinEditDistance(x, y, common) || jaroWinklerAtLeast(fullSide(x), fullSide(y), common, bounded);
}

function swappedNames(x: NameForm, y: NameForm, common: number, bounded: boolean): boolean {
  if (x.first === y.last && x.last === y.first) return true;
  // Either direction: "first last" of one against "last first" of the other, so the answer does
  // not depend on which of the two is x.
  return jaroWinklerAtLeast(fullSide(x), swappedSide(y), common, bounded) || jaroWinklerAtLeast(fullSide(y), swappedSide(x), common, bounded);
}

/** Whether any name signal can hold under the quick bound: false for nearly every pair. */
function mayLookAlike(x: NameForm, y: NameForm, common: number): boolean {
  return (
    editDistanceMayReach(x, y, common) ||
    jaroWinklerMayReach(x.full, y.full, common) ||
    jaroWinklerMayReach(x.full, swappedOf(y), common) ||
    jaroWinklerMayReach(y.full, swappedOf(x), common)
  );
}

function nameSignals(x: NameForm, y: NameForm): number {
  // An exact swap has equal code units, so it passes the bounds as any identical pair would.
  const bounded = !x.astral && !y.astral;
  if (bounded) {
    const common = quickCommonBound(x, y);
    // The test that turns away nearly every pair, before any prefix is read.
    if (!editDistanceMayReach(x, y, common) && common / x.full.length + common / y.full.length < LOOSEST_JARO_SHARE) return 0;
    if (!mayLookAlike(x, y, common)) return 0;
  }
  const common = histogramCommonBound(x, y);
  return (similarNames(x, y, common, bounded) ? SIMILAR_NAMES : 0) | (swappedNames(x, y, common, bounded) ? SWAPPED_NAMES : 0);
}

/** One person's applications bearing one comparable name on one date of birth. */
interface NameEntry {
  /** The person's key (PersonIndex.keyOf). */
  readonly person: string;
  readonly form: NameForm;
  readonly members: number[];
}

/**
 * Positions with a date of birth, by date of birth. Names are only compared within a date of
 * birth (no two people born on different days are the same person), which turns 50,000 × 50,000
 * comparisons into a few hundred thousand. Walking the persons fills each day with each person's
 * positions side by side, which nameEntriesOfDay relies on.
 */
function positionsByBirthDate(applications: readonly PersonIdentity[], persons: PersonIndex): Map<string, number[]> {
  const byBirthDate = new Map<string, number[]>();
  for (const group of persons.groups) {
    for (const i of group.members) {
      const dob = applications[i]?.parsed.dateOfBirth ?? null;
      if (dob === null) continue;
      const sameDay = byBirthDate.get(dob);
      if (sameDay) sameDay.push(i);
      else byBirthDate.set(dob, [i]);
    }
  }
  return byBirthDate;
}

function entryNamed(entries: readonly NameEntry[], from: number, first: string, last: string): NameEntry | undefined {
  for (let e = from; e < entries.length; e++) {
    const entry = entries[e];
    if (entry && entry.form.first === first && entry.form.last === last) return entry;
  }
  return undefined;
}

/**
 * One day's entries: one per person and distinct comparable name with both parts, so a person's
 * repeated applications are compared once, by a scan of that person's few names. Built and
 * dropped day by day, the entries die young: keeping 50,000 of them alive until the end made the
 * garbage collector the largest cost.
 */
function nameEntriesOfDay(applications: readonly PersonIdentity[], persons: PersonIndex, positions: readonly number[]): NameEntry[] {
  const entries: NameEntry[] = [];
  let personStart = 0;
  for (const i of positions) {
    const application = applications[i];
    const person = persons.keyOf[i] ?? '';
    if (!application) continue;
    if (entries[personStart]?.person !== person) personStart = entries.length;
    const first = comparableName(application.raw.firstName);
    const last = comparableName(application.raw.lastName);
    if (first === '' || last === '') continue;
    const known = entryNamed(entries, personStart, first, last);
    if (known) known.members.push(i);
    else entries.push({ person, form: nameForm(first, last), members: [i] });
  }
  return entries;
}

/** Heads of chains of positions (`next`, −1 ends a chain) that share a key: no array per key. */
interface Chains {
  readonly heads: Map<string, number>;
  readonly next: Int32Array;
}

function addToChain(chains: Chains, key: string, i: number): void {
  const head = chains.heads.get(key);
  if (head === undefined) {
    chains.heads.set(key, i);
    return;
  }
  // Linked right after the head, so the map needs no update.
  chains.next[i] = chains.next[head] ?? -1;
  chains.next[head] = i;
}

function chainsOfTwoOrMore({ heads, next }: Chains): number[][] {
  const buckets: number[][] = [];
  for (const head of heads.values()) {
    if ((next[head] ?? -1) < 0) continue;
    const bucket: number[] = [];
    for (let i = head; i >= 0; i = next[i] ?? -1) bucket.push(i);
    buckets.push(bucket);
  }
  return buckets;
}

/**
 * Application positions by canonical e-mail, only where two or more share one. Two addresses
 * written alike are the identity rule's business, so a variant pair always has one address not
 * written in canonical form: only those are keyed, and the others merely look their text up.
 */
function positionsByCanonicalEmail(applications: readonly PersonIdentity[]): number[][] {
  const chains: Chains = { heads: new Map(), next: new Int32Array(applications.length).fill(-1) };
  const plain: number[] = [];
  applications.forEach((application, i) => {
    const written = application.raw.email.trim().toLowerCase();
    const canonical = canonicalOfWritten(written);
    if (canonical === '') return;
    if (canonical === written) plain.push(i);
    else addToChain(chains, canonical, i);
  });
  for (const i of plain) {
    // trim() and toLowerCase() return the very string when nothing changes: usually no new string.
    const written = applications[i]?.raw.email.trim().toLowerCase() ?? '';
    if (chains.heads.has(written)) addToChain(chains, written, i);
  }
  return chainsOfTwoOrMore(chains);
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The pair kept so far between two persons, and every signal seen between them. */
interface Finding {
  a: string;
  b: string;
  signals: number;
}

type RecordPair = (i: number, j: number, signals: number) => void;

/**
 * Collects signals per pair of persons. The smallest pair and the union of signals do not depend
 * on the order pairs arrive in, which keeps the result independent of the input order.
 */
function findingsCollector(applications: readonly PersonIdentity[], persons: PersonIndex): { record: RecordPair; findings: Map<string, Finding> } {
  const findings = new Map<string, Finding>();
  const record: RecordPair = (i, j, signals) => {
    const personI = persons.keyOf[i] ?? '';
    const personJ = persons.keyOf[j] ?? '';
    if (personI === personJ) return;
    const idI = applications[i]?.raw.applicationId ?? '';
    const idJ = applications[j]?.raw.applicationId ?? '';
    const [a, b] = idI < idJ ? [idI, idJ] : [idJ, idI];
    const key = personI < personJ ? `${personI}\u0000${personJ}` : `${personJ}\u0000${personI}`;
    const known = findings.get(key);
    if (!known) findings.set(key, { a, b, signals });
    else {
      known.signals |= signals;
      if (a < known.a || (a === known.a && b < known.b)) Object.assign(known, { a, b });
    }
  };
  return { record, findings };
}

function compareNamesOnOneDay(entries: readonly NameEntry[], record: RecordPair): void {
  // Entries of one person sit side by side; pairs within a person are never reported.
  for (let p = 0; p < entries.length; p++) {
    const x = entries[p];
    if (!x) continue;
    for (let q = p + 1; q < entries.length; q++) {
      const y = entries[q];
      if (!y || y.person === x.person) continue;
      const signals = nameSignals(x.form, y.form);
      if (signals === 0) continue;
      for (const i of x.members) for (const j of y.members) record(i, j, signals);
    }
  }
}

function compareEmails(applications: readonly PersonIdentity[], positions: readonly number[], record: RecordPair): void {
  const written = positions.map((i) => applications[i]?.raw.email.trim().toLowerCase() ?? '');
  for (let p = 0; p < positions.length; p++) {
    for (let q = p + 1; q < positions.length; q++) {
      // The same address written alike is already the identity rule's business.
      if (written[p] !== written[q]) record(positions[p] ?? 0, positions[q] ?? 0, EMAIL_VARIANT);
    }
  }
}

function signalNames(bits: number): DuplicateSignal[] {
  return SIGNAL_BITS.filter(([bit]) => (bits & bit) !== 0).map(([, name]) => name);
}

/**
 * Pairs of applications in different persons that look like one person: at most one pair per pair
 * of persons (the smallest ids among the matching pairs, with every signal between the two
 * persons), sorted by a then b. `persons` is indexPersons(applications, links) of the same array.
 */
export function findPossibleDuplicates(applications: readonly PersonIdentity[], persons: PersonIndex): PossibleDuplicate[] {
  const { record, findings } = findingsCollector(applications, persons);
  for (const positions of positionsByBirthDate(applications, persons).values()) {
    if (positions.length > 1) compareNamesOnOneDay(nameEntriesOfDay(applications, persons, positions), record);
  }
  for (const positions of positionsByCanonicalEmail(applications)) compareEmails(applications, positions, record);
  return [...findings.values()]
    .sort((x, y) => byText(x.a, y.a) || byText(x.b, y.b))
    .map(({ a, b, signals }) => ({ a, b, signals: signalNames(signals) }));
}
