import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { jaroWinkler } from '@skyra/jaro-winkler';
import { distance } from 'fastest-levenshtein';
import { foldName, indexPersons, type PersonIdentity } from '../../shared/domain/eligibility/persons';
import { canonicalEmail, findPossibleDuplicates, type DuplicateSignal, type PossibleDuplicate } from '../../shared/domain/eligibility/possible-duplicates';

interface Fields {
  id: string;
  first?: string;
  last?: string;
  dob?: string | null;
  email?: string;
  candidate?: string;
}

/** An application of its own person (own candidate id, no e-mail) unless the fields say otherwise. */
function app({ id, first = '', last = '', dob = null, email = '', candidate = `C-${id}` }: Fields): PersonIdentity {
  return {
    raw: { applicationId: id, candidateId: candidate, email, firstName: first, lastName: last },
    parsed: { dateOfBirth: dob, submittedAt: null },
  };
}

function duplicates(applications: PersonIdentity[], links: [string, string][] = []): PossibleDuplicate[] {
  return findPossibleDuplicates(applications, indexPersons(applications, links));
}

const DOB = '2001-05-17';

describe('canonical e-mail', () => {
  it('drops dots and +tags from the local part and reads googlemail.com as gmail.com', () => {
    expect(canonicalEmail(' J.Smith+NATO@GoogleMail.com ')).toBe('jsmith@gmail.com');
    expect(canonicalEmail('a.b+c+d@example.org')).toBe('ab@example.org');
  });

  it('splits at the last @ and keeps the domain otherwise as written', () => {
    expect(canonicalEmail('"odd@local".x@mail.example.org')).toBe('"odd@local"x@mail.example.org');
    expect(canonicalEmail('j.smith@mail.gmail.com')).toBe('jsmith@mail.gmail.com');
  });

  it('returns the trimmed lower-cased text without an @', () => {
    expect(canonicalEmail('  No.Address+Here ')).toBe('no.address+here');
    expect(canonicalEmail('   ')).toBe('');
  });
});

describe('similar names', () => {
  it('lists a one-letter transposition on the same date of birth', () => {
    const result = duplicates([app({ id: 'A1', first: 'Jonh', last: 'Smith', dob: DOB }), app({ id: 'A2', first: 'John', last: 'Smith', dob: DOB })]);
    expect(result).toEqual([{ a: 'A1', b: 'A2', signals: ['similarNames'] }]);
  });

  it('lists nothing for the same names with different dates of birth, or without one', () => {
    expect(duplicates([app({ id: 'A1', first: 'Jonh', last: 'Smith', dob: DOB }), app({ id: 'A2', first: 'John', last: 'Smith', dob: '2001-05-18' })])).toEqual([]);
    expect(duplicates([app({ id: 'A1', first: 'Jonh', last: 'Smith' }), app({ id: 'A2', first: 'John', last: 'Smith' })])).toEqual([]);
  });

  it('lists nothing for different names on the same date of birth', () => {
    expect(duplicates([app({ id: 'A1', first: 'John', last: 'Smith', dob: DOB }), app({ id: 'A2', first: 'Mary', last: 'Jones', dob: DOB })])).toEqual([]);
  });

  it('compares names without accents', () => {
    const result = duplicates([app({ id: 'A1', first: 'Zoë', last: 'Müller', dob: DOB }), app({ id: 'A2', first: 'Zoe', last: 'Muler', dob: DOB })]);
    expect(result).toEqual([{ a: 'A1', b: 'A2', signals: ['similarNames'] }]);
  });

  it('reads hyphens and apostrophes as spaces, and names split differently between first and last', () => {
    const hyphen = duplicates([app({ id: 'A1', first: 'Jean-Luc', last: "O'Neil", dob: DOB }), app({ id: 'A2', first: 'Jean Luc', last: 'O Neil', dob: DOB })]);
    expect(hyphen).toEqual([{ a: 'A1', b: 'A2', signals: ['similarNames'] }]);
    const split = duplicates([app({ id: 'A1', first: 'Anna Maria', last: 'Rossi', dob: DOB }), app({ id: 'A2', first: 'Anna', last: 'Maria Rossi', dob: DOB })]);
    expect(split).toEqual([{ a: 'A1', b: 'A2', signals: ['similarNames'] }]);
  });

  it('needs both a first and a last name on each side', () => {
    expect(duplicates([app({ id: 'A1', first: '', last: 'Smithson', dob: DOB }), app({ id: 'A2', first: '', last: 'Smithsen', dob: DOB })])).toEqual([]);
    expect(duplicates([app({ id: 'A1', first: 'John', last: 'Smith', dob: DOB }), app({ id: 'A2', first: 'John', last: '', dob: DOB })])).toEqual([]);
  });

  it('reads Jaro-Winkler with a common prefix of at most four, not the five the library counts', () => {
    // The library scores these 0.92 by weighting the shared "mari" as five characters; with the
    // standard four the score is 0.905: two women called Maria born the same day are not alike.
    expect(jaroWinkler('maria rossi', 'maria smithson')).toBeGreaterThanOrEqual(0.92);
    expect(duplicates([app({ id: 'A1', first: 'Maria', last: 'Rossi', dob: DOB }), app({ id: 'A2', first: 'Maria', last: 'Smithson', dob: DOB })])).toEqual([]);
    // A shared prefix still counts: 0.921 standard, where an edit distance of 3 would not do.
    expect(duplicates([app({ id: 'A1', first: 'Christopher', last: 'Vanderberg', dob: DOB }), app({ id: 'A2', first: 'Christoph', last: 'Vandenberg', dob: DOB })])).toEqual([
      { a: 'A1', b: 'A2', signals: ['similarNames'] },
    ]);
  });

  it('compares characters beyond the Basic Multilingual Plane as one character each', () => {
    // 𠮷 is two UTF-16 code units: counting code units, the pair would look too different (0.91);
    // as characters, Jaro-Winkler is 0.93, while the edit distance in code units (2) is over 1.
    const result = duplicates([app({ id: 'A1', first: 'Ac田', last: 'Aa', dob: DOB }), app({ id: 'A2', first: 'Ac田', last: 'A𠮷', dob: DOB })]);
    expect(result).toEqual([{ a: 'A1', b: 'A2', signals: ['similarNames'] }]);
  });

  it('allows two edits from 8 characters of full name, one below', () => {
    // Jaro-Winkler is below 0.92 for each of these pairs, so only the edit distance decides.
    expect(jaroWinkler('mark lee', 'park lea')).toBeLessThan(0.92);
    expect(jaroWinkler('mark le', 'park la')).toBeLessThan(0.92);
    expect(jaroWinkler('ian li', 'yan li')).toBeLessThan(0.92);
    expect(duplicates([app({ id: 'A1', first: 'Mark', last: 'Lee', dob: DOB }), app({ id: 'A2', first: 'Park', last: 'Lea', dob: DOB })])).toEqual([{ a: 'A1', b: 'A2', signals: ['similarNames'] }]);
    expect(duplicates([app({ id: 'A1', first: 'Mark', last: 'Le', dob: DOB }), app({ id: 'A2', first: 'Park', last: 'La', dob: DOB })])).toEqual([]);
    expect(duplicates([app({ id: 'A1', first: 'Ian', last: 'Li', dob: DOB }), app({ id: 'A2', first: 'Yan', last: 'Li', dob: DOB })])).toEqual([{ a: 'A1', b: 'A2', signals: ['similarNames'] }]);
  });
});

describe('swapped names', () => {
  it('lists first and last names written the other way round', () => {
    const result = duplicates([app({ id: 'A1', first: 'Smith', last: 'John', dob: DOB }), app({ id: 'A2', first: 'John', last: 'Smith', dob: DOB })]);
    expect(result).toEqual([{ a: 'A1', b: 'A2', signals: ['swappedNames'] }]);
  });

  it('lists a swap with a misspelling too', () => {
    const result = duplicates([app({ id: 'A1', first: 'SMITH', last: 'Jon', dob: DOB }), app({ id: 'A2', first: 'John', last: 'Smith', dob: DOB })]);
    expect(result).toEqual([{ a: 'A1', b: 'A2', signals: ['swappedNames'] }]);
  });

  it('lists nothing for a swap with another date of birth', () => {
    expect(duplicates([app({ id: 'A1', first: 'Smith', last: 'John', dob: DOB }), app({ id: 'A2', first: 'John', last: 'Smith', dob: '2002-05-17' })])).toEqual([]);
  });
});

describe('e-mail variants', () => {
  it('lists e-mails differing only in dots, a +tag and googlemail', () => {
    const result = duplicates([app({ id: 'A1', first: 'Jo', last: 'Smith', email: 'j.smith+nato@gmail.com' }), app({ id: 'A2', first: 'Mary', last: 'Jones', email: 'jsmith@googlemail.com' })]);
    expect(result).toEqual([{ a: 'A1', b: 'A2', signals: ['emailVariant'] }]);
  });

  it('lists nothing for the same local part at another domain', () => {
    expect(duplicates([app({ id: 'A1', email: 'jsmith@gmail.com' }), app({ id: 'A2', email: 'jsmith@yahoo.com' })])).toEqual([]);
  });
});

describe('pairs of persons', () => {
  it('does not list applications the identity rule already joins', () => {
    const sameCandidate = [app({ id: 'A1', first: 'Jonh', last: 'Smith', dob: DOB, candidate: 'C-1' }), app({ id: 'A2', first: 'John', last: 'Smith', dob: DOB, candidate: 'C-1' })];
    expect(duplicates(sameCandidate)).toEqual([]);
    const sameEmail = [app({ id: 'A1', first: 'Smith', last: 'John', dob: DOB, email: 'JS@x.org' }), app({ id: 'A2', first: 'John', last: 'Smith', dob: DOB, email: 'js@x.org ' })];
    expect(duplicates(sameEmail)).toEqual([]);
  });

  it('lists one pair per pair of persons: the smallest matching ids, with every signal between them', () => {
    const applications = [
      // One person (one candidate id): P-0 matches nothing, P-1 by e-mail, P-3 by name.
      app({ id: 'P-0', first: 'Other', last: 'Name', dob: '1999-01-01', candidate: 'C-P' }),
      app({ id: 'P-1', email: 'j.smith@example.org', candidate: 'C-P' }),
      app({ id: 'P-3', first: 'Jonh', last: 'Smith', dob: DOB, candidate: 'C-P' }),
      // Another person.
      app({ id: 'P-2', first: 'John', last: 'Smith', dob: DOB, email: 'jsmith@example.org', candidate: 'C-Q' }),
      app({ id: 'P-4', first: 'Smith', last: 'John', dob: DOB, candidate: 'C-Q' }),
    ];
    expect(duplicates(applications)).toEqual([{ a: 'P-1', b: 'P-2', signals: ['similarNames', 'swappedNames', 'emailVariant'] }]);
  });

  it('sorts pairs by a then b', () => {
    const applications = [
      app({ id: 'B', first: 'John', last: 'Smith', dob: DOB }),
      app({ id: 'C', first: 'Jonh', last: 'Smith', dob: DOB }),
      app({ id: 'A', first: 'Jhon', last: 'Smith', dob: DOB }),
      app({ id: 'D', email: 'x.y@example.org' }),
      app({ id: '0', email: 'xy@example.org' }),
    ];
    expect(duplicates(applications).map(({ a, b }) => `${a}-${b}`)).toEqual(['0-D', 'A-B', 'A-C', 'B-C']);
  });

  it('does not list a pair an officer confirmed as one person', () => {
    const applications = [
      app({ id: 'A1', first: 'Jonh', last: 'Smith', dob: DOB }),
      app({ id: 'A2', first: 'John', last: 'Smith', dob: DOB }),
      app({ id: 'A3', first: 'Jhon', last: 'Smith', dob: DOB }),
    ];
    expect(duplicates(applications)).toHaveLength(3);
    // A1 and A2 become one person; A3 still looks like it, once.
    expect(duplicates(applications, [['A2', 'A1']])).toEqual([{ a: 'A1', b: 'A3', signals: ['similarNames'] }]);
  });
});

// ---- Properties ------------------------------------------------------------------------------

/** Small pools, so that generated applications often share a birthday, a name or an address. */
// Names with characters outside the Basic Multilingual Plane (𠮷) take the path without bounds.
const NAMES = ['John', 'Jonh', 'Jon', 'Smith', 'Smyth', 'Zoë', 'Zoe', 'Müller', 'Muler', 'Ann', 'Anna', 'Li', 'Jean-Luc', 'Jean Luc', '𠮷田', '𠮷由', ''];
// Pairs near the Jaro-Winkler threshold, with and without a shared prefix of four.
const NEAR_THRESHOLD = ['Maria', 'Rossi', 'Smithson', 'Christopher', 'Christoph', 'Vanderberg', 'Vandenberg'];
const DOBS = ['2001-05-17', '2001-05-18', null];
const EMAILS = ['j.smith@gmail.com', 'jsmith+x@googlemail.com', 'jsmith@gmail.com', 'JSmith@gmail.com', 'a.b@x.org', 'ab@x.org', 'ab', ''];

const applicationsArb = fc
  .array(
    fc.record({
      first: fc.constantFrom(...NAMES, ...NEAR_THRESHOLD),
      last: fc.constantFrom(...NAMES, ...NEAR_THRESHOLD),
      dob: fc.constantFrom(...DOBS),
      email: fc.constantFrom(...EMAILS),
      candidate: fc.constantFrom('C-1', 'C-2', ''),
    }),
    { maxLength: 30 },
  )
  .map((rows) => rows.map((row, k) => app({ ...row, id: `A-${String(k).padStart(2, '0')}`, candidate: row.candidate === '' ? `own-${k}` : row.candidate })));

/** Jaro-Winkler with the prefix capped at 4, as the literature defines it (the library counts 5). */
function standardJaroWinkler(s: string, t: string): number {
  const score = jaroWinkler(s, t);
  const [ps, pt] = [[...s], [...t]];
  const sharesFour = [0, 1, 2, 3].every((k) => ps[k] === pt[k]);
  return sharesFour ? 1.2 * score - 0.2 : score;
}

/** All pairs, no buckets and no bounds: the rules as the brief states them, to check the shortcuts against. */
function naiveDuplicates(applications: PersonIdentity[]): PossibleDuplicate[] {
  const keyOf = indexPersons(applications).keyOf;
  const comparable = (name: string): string => foldName(name).replace(/[-']/g, ' ').replace(/ +/g, ' ').trim();
  const best = new Map<string, { a: string; b: string; signals: Set<DuplicateSignal> }>();
  applications.forEach((x, i) =>
    applications.forEach((y, j) => {
      if (j <= i || keyOf[i] === keyOf[j]) return;
      const signals = new Set<DuplicateSignal>();
      const [xf, xl, yf, yl] = [x.raw.firstName, x.raw.lastName, y.raw.firstName, y.raw.lastName].map(comparable) as [string, string, string, string];
      if (x.parsed.dateOfBirth !== null && x.parsed.dateOfBirth === y.parsed.dateOfBirth && xf && xl && yf && yl) {
        const [xFull, yFull] = [`${xf} ${xl}`, `${yf} ${yl}`];
        const limit = Math.min(xFull.length, yFull.length) >= 8 ? 2 : 1;
        const jw = (s: string, t: string): number => (s <= t ? standardJaroWinkler(s, t) : standardJaroWinkler(t, s));
        if (jw(xFull, yFull) >= 0.92 || distance(xFull, yFull) <= limit) signals.add('similarNames');
        if ((xf === yl && xl === yf) || jw(xFull, `${yl} ${yf}`) >= 0.92 || jw(yFull, `${xl} ${xf}`) >= 0.92) signals.add('swappedNames');
      }
      const [xe, ye] = [canonicalEmail(x.raw.email), canonicalEmail(y.raw.email)];
      if (xe !== '' && xe === ye && x.raw.email.trim().toLowerCase() !== y.raw.email.trim().toLowerCase()) signals.add('emailVariant');
      if (signals.size === 0) return;
      const [a, b] = [x.raw.applicationId, y.raw.applicationId].sort() as [string, string];
      const key = [keyOf[i], keyOf[j]].sort().join('|');
      const known = best.get(key);
      if (!known) best.set(key, { a, b, signals });
      else {
        signals.forEach((s) => known.signals.add(s));
        if (a < known.a || (a === known.a && b < known.b)) Object.assign(known, { a, b });
      }
    }),
  );
  const order: DuplicateSignal[] = ['similarNames', 'swappedNames', 'emailVariant'];
  return [...best.values()]
    .map(({ a, b, signals }) => ({ a, b, signals: order.filter((s) => signals.has(s)) }))
    .sort((p, q) => (p.a < q.a ? -1 : p.a > q.a ? 1 : p.b < q.b ? -1 : p.b > q.b ? 1 : 0));
}

describe('properties', () => {
  it('does not depend on the order of the applications', () => {
    const arb = applicationsArb.chain((applications) => fc.tuple(fc.constant(applications), fc.shuffledSubarray(applications, { minLength: applications.length })));
    fc.assert(
      fc.property(arb, ([applications, shuffled]) => {
        expect(duplicates(shuffled)).toEqual(duplicates(applications));
      }),
      { numRuns: 300 },
    );
  });

  it('finds exactly what comparing every pair finds', () => {
    fc.assert(
      fc.property(applicationsArb, (applications) => {
        expect(duplicates(applications)).toEqual(naiveDuplicates(applications));
      }),
      { numRuns: 300 },
    );
  });
});
