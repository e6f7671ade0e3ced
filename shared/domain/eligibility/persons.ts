import { submittedMs } from './dates';

/**
 * Who is the same person (eligibility-rules.md, "Application limit"): applications sharing the
 * candidate id, or the e-mail (trimmed, any case), or first name + last name + a readable date of
 * birth (names folded), taken transitively.
 */

/** The fields identity reads: a ScreeningInput fits. */
export interface PersonIdentity {
  readonly raw: Readonly<{ applicationId: string; candidateId: string; email: string; firstName: string; lastName: string }>;
  readonly parsed: Readonly<{ dateOfBirth: string | null; submittedAt: string | null }>;
}

const NON_ASCII = /[\u0080-\uffff]/;

/** Unicode NFKD, combining marks removed, lower case, runs of spaces as one (and none at the ends). */
export function foldName(name: string): string {
  // ASCII text is its own NFKD form; skipping normalize() matters over 100,000 names.
  const bare = NON_ASCII.test(name) ? name.normalize('NFKD').replace(/\p{M}/gu, '') : name;
  return bare.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The folded name + date of birth key that joins applications, or null without a readable date of birth or any name. */
export function nameKey(application: PersonIdentity): string | null {
  const dob = application.parsed.dateOfBirth;
  if (dob === null) return null;
  const first = foldName(application.raw.firstName);
  const last = foldName(application.raw.lastName);
  // Two applications without any name share nothing but a birthday: that is not an identity.
  if (first === '' && last === '') return null;
  // The date leads and a control character divides the names, so no two name pairs collide.
  return `${dob}|${first}\u0000${last}`;
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Persons by position in the input: what screening needs, without maps keyed by id. */
export interface PersonIndex {
  /** Input positions sorted by application id (as text). */
  readonly byId: readonly number[];
  /** Person key (the lowest application id of the group) of each input position. */
  readonly keyOf: readonly string[];
  /** Place (1-based) of each input position among its person's applications: submission, then id. */
  readonly rankOf: Int32Array;
  /** Number of applications of each input position's person. */
  readonly countOf: Int32Array;
  /** Submission instant (UTC ms) of each input position; +Infinity when unreadable (it counts last). */
  readonly submittedMsOf: Float64Array;
  /** Each person, in person key order, with input positions in the order the limit counts them. */
  readonly groups: readonly { key: string; members: readonly number[] }[];
}

/**
 * Groups applications into persons, by input position. `confirmedLinks` are pairs of application
 * ids an officer confirmed as one person beyond the rule; unknown ids are ignored. Application ids
 * must be unique. Nothing in the result depends on the order of the input beyond the positions.
 */
export function indexPersons(applications: readonly PersonIdentity[], confirmedLinks: Iterable<readonly [string, string]> = []): PersonIndex {
  const n = applications.length;
  const ids = applications.map((a) => a.raw.applicationId);
  // A plain array: V8 sorts it with a comparator several times faster than a typed array.
  const byId = Array.from(ids.keys()).sort((a, b) => byText(ids[a] ?? '', ids[b] ?? ''));
  for (let k = 1; k < n; k++) {
    const id = ids[byId[k] ?? 0] ?? '';
    if (id === ids[byId[k - 1] ?? 0]) throw new RangeError(`Application id ${id} appears twice: ids must be unique within a campaign`);
  }

  const parent = Int32Array.from(ids.keys());
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] ?? root;
    // Path compression keeps later finds short.
    while (parent[i] !== root) {
      const next = parent[i] ?? root;
      parent[i] = root;
      i = next;
    }
    return root;
  };
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };

  // One map per kind of identifier, keyed by the text itself: trim() and toLowerCase() return the
  // very string when nothing changes, so most lookups build no new string.
  const byCandidate = new Map<string, number>();
  const byEmail = new Map<string, number>();
  const byName = new Map<string, number>();
  const join = (holders: Map<string, number>, key: string, i: number): void => {
    if (key === '') return;
    const holder = holders.get(key);
    if (holder === undefined) holders.set(key, i);
    else union(holder, i);
  };
  for (let i = 0; i < n; i++) {
    const application = applications[i];
    if (!application) continue;
    join(byCandidate, application.raw.candidateId.trim(), i);
    join(byEmail, application.raw.email.trim().toLowerCase(), i);
    join(byName, nameKey(application) ?? '', i);
  }
  let indexOfId: Map<string, number> | undefined;
  for (const [a, b] of confirmedLinks) {
    indexOfId ??= new Map(ids.map((id, i) => [id, i]));
    const ia = indexOfId.get(a);
    const ib = indexOfId.get(b);
    if (ia !== undefined && ib !== undefined) union(ia, ib);
  }

  // Walking the applications in id order meets each person first at its lowest id: its key. The
  // groups come out in key order and their members in id order, the tie-break of the limit.
  const groupOfRoot = new Int32Array(n).fill(-1);
  const groups: { key: string; members: number[] }[] = [];
  for (const i of byId) {
    const root = find(i);
    let g = groupOfRoot[root] ?? -1;
    if (g < 0) {
      g = groups.length;
      groupOfRoot[root] = g;
      groups.push({ key: ids[i] ?? '', members: [] });
    }
    groups[g]?.members.push(i);
  }

  // Submission instant first, an unreadable one last; the stable sort keeps id order for ties.
  const submittedMsOf = new Float64Array(n);
  for (let i = 0; i < n; i++) submittedMsOf[i] = submittedMs(applications[i]?.parsed.submittedAt ?? null) ?? Number.POSITIVE_INFINITY;
  const keyOf: string[] = new Array<string>(n).fill('');
  const rankOf = new Int32Array(n);
  const countOf = new Int32Array(n);
  for (const group of groups) {
    if (group.members.length > 1) group.members.sort((a, b) => (submittedMsOf[a] ?? 0) - (submittedMsOf[b] ?? 0) || 0);
    group.members.forEach((i, place) => {
      keyOf[i] = group.key;
      rankOf[i] = place + 1;
      countOf[i] = group.members.length;
    });
  }
  return { byId, keyOf, rankOf, countOf, submittedMsOf, groups };
}

export interface PersonGroups {
  /** Application id -> its person's key: the lowest application id of the group (compared as text). */
  readonly personOf: ReadonlyMap<string, string>;
  /** Person key -> the person's application ids, in the order the limit counts them (submission, then id). */
  readonly applicationsOf: ReadonlyMap<string, readonly string[]>;
}

/** Groups applications into persons, by application id: what the service stores. See indexPersons. */
export function groupPersons(applications: readonly PersonIdentity[], confirmedLinks: Iterable<readonly [string, string]> = []): PersonGroups {
  const index = indexPersons(applications, confirmedLinks);
  const personOf = new Map<string, string>();
  const applicationsOf = new Map<string, readonly string[]>();
  for (const group of index.groups) {
    const ids = group.members.map((i) => applications[i]?.raw.applicationId ?? '');
    applicationsOf.set(group.key, ids);
    for (const id of ids) personOf.set(id, group.key);
  }
  return { personOf, applicationsOf };
}
