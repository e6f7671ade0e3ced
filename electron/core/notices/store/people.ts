import type { CefrLevel } from '../../../../shared/domain/listed-values';
import { noticeBasis, noticeLanguage, noticeStatus, personOutcome, type NoticeOutcome, type NoticeStatus, type NoticeTold, type PersonApplication } from '../../../../shared/domain/notice-outcome';

/**
 * The people of a campaign as the notices see them, from rows either engine reads the same way
 * (sqlite-notices.ts, pg-notices.ts): every application of a person (screening's identity groups),
 * what they are owed, and what they were told. No SQL here: what a person is owed is decided by
 * shared/domain/notice-outcome.ts.
 */

export interface NoticeApplication extends PersonApplication {
  applicationId: string;
  firstName: string;
  lastName: string;
  email: string;
  divisionCode: string | null;
  division: string;
  position: string;
  englishLevel: CefrLevel | null;
  frenchLevel: CefrLevel | null;
  submittedAt: string | null;
  nationalityCode: string | null;
  reasons: string[];
  session: 'march' | 'september' | null;
  startDate: string | null;
  /** When this application was last decided (screened, or moved by an officer). */
  since: string;
}

export interface Person {
  personKey: string;
  applications: NoticeApplication[];
  /** The latest application: its address, names and languages are the person's. */
  latest: NoticeApplication;
  language: 'en' | 'fr';
  outcome: NoticeOutcome | null;
  basis: string;
  status: NoticeStatus;
}

/** An application as both engines read it for the notices (the SQL names its columns so). */
export interface ApplicationRow extends Omit<NoticeApplication, 'reasons' | 'offerWithdrawnByOffice'> {
  personKey: string;
  automaticVerdict: string;
  reasonsJson: string;
  offerMadeAt: string | null;
}

/** The reasons a notice gives: the rules' own when the verdict that counts is theirs; an officer's decision gives none. */
export function noticeReasons(verdict: string, automaticVerdict: string, reasonsJson: string): string[] {
  return verdict === 'ineligible' && automaticVerdict === 'ineligible' ? (JSON.parse(reasonsJson) as string[]) : [];
}

/** A notice as its person's status is worked out from it. */
export interface ToldRow extends Omit<NoticeTold, 'sent'> {
  personKey: string;
  sentAt: string | null;
}

/** The notices told, per person, oldest first. */
export function toldByPerson(rows: Iterable<ToldRow>): Map<string, NoticeTold[]> {
  const told = new Map<string, NoticeTold[]>();
  for (const { personKey, sentAt, ...notice } of rows) {
    const list = told.get(personKey);
    const entry = { ...notice, sent: sentAt !== null };
    if (list) list.push(entry);
    else told.set(personKey, [entry]);
  }
  return told;
}

/** The people the rows are the applications of, with their outcome, language (the officer's choice first) and notices' status. */
export function peopleOf(rows: Iterable<ApplicationRow>, told: ReadonlyMap<string, NoticeTold[]>, chosen: ReadonlyMap<string, 'en' | 'fr'>): Person[] {
  const byPerson = new Map<string, NoticeApplication[]>();
  for (const { personKey, automaticVerdict, reasonsJson, offerMadeAt, ...row } of rows) {
    const reasons = noticeReasons(row.verdict, automaticVerdict, reasonsJson);
    const application: NoticeApplication = { ...row, reasons, offerWithdrawnByOffice: row.stage === 'withdrawn' && offerMadeAt !== null };
    const list = byPerson.get(personKey);
    if (list) list.push(application);
    else byPerson.set(personKey, [application]);
  }
  return [...byPerson].map(([personKey, list]) => {
    const latest = list.reduce((a, b) => ((b.submittedAt ?? '') > (a.submittedAt ?? '') || ((b.submittedAt ?? '') === (a.submittedAt ?? '') && b.ref > a.ref) ? b : a));
    const outcome = personOutcome(list);
    const notices = told.get(personKey) ?? [];
    // The basis is compared with notices told; most people have none yet, and 40,000 of them cost.
    let basis: string | undefined;
    const person: Person = {
      personKey,
      applications: list,
      latest,
      language: chosen.get(personKey) ?? noticeLanguage(latest),
      outcome,
      get basis() {
        return (basis ??= noticeBasis(list));
      },
      status: notices.length === 0 ? { owed: outcome, replaces: null, superseded: [] } : noticeStatus(outcome, noticeBasis(list), notices),
    };
    return person;
  });
}

/** A person's notices as their history shows them: one a later decision made untrue is superseded at once (as the counts say). */
export function asHistoryShows<N extends { id: number; state: string }>(rows: readonly N[], person: Person | undefined): N[] {
  const superseded = new Set(person?.status.superseded ?? []);
  return rows.map((n) => (superseded.has(n.id) && n.state !== 'superseded' ? { ...n, state: 'superseded' } : n));
}

/** The address a notice goes to: the latest application's, or none. */
export function noticeEmail(person: Person): string | null {
  const email = person.latest.email.trim();
  return email === '' ? null : email;
}
