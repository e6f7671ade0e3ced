import { DIVISIONS } from '../../../shared/domain/divisions';
import type { NoticeOutcome } from '../../../shared/domain/notice-outcome';
import { NOTICE_REASONS, PARTNER_REFERRAL } from '../../../shared/domain/notice-reasons';
import { parseTemplate, renderTemplate, type Placeholder, type TemplatePart, type TemplateProblem } from '../../../shared/domain/notice-templates';
import type { ReasonCode } from '../../../shared/domain/eligibility/types';
import type { NoticePreview, NoticeTemplates } from '../../../shared/api/notices';
import { ValidationError } from '../../../shared/api/errors';
import type { Person } from './store';

/**
 * A notice's words for one person: the outcome's template in the person's language, with every
 * placeholder filled from all of the person's applications. Pure.
 */

/** What the NATO-funded internship offers (the call's figures), as each language writes them. */
const OFFER = {
  en: { stipend: 'EUR 1,235', travelAllowance: 'EUR 1,200', paidLeave: '15 days' },
  fr: { stipend: '1 235 EUR', travelAllowance: '1 200 EUR', paidLeave: '15 jours' },
} as const;

/**
 * Lists in a notice: a bullet, not a hyphen. A line starting with "-" is one a spreadsheet could
 * take for a formula, so the mail-merge CSV's guard would put an apostrophe before it, and the
 * applicant would read it.
 */
const BULLET = '• ';

const SESSION = { en: { march: 'March', september: 'September' }, fr: { march: 'mars', september: 'septembre' } } as const;

export interface CompiledNotice {
  subject: TemplatePart[];
  body: TemplatePart[];
}

/** The outcome's templates in both languages, read; refused with every problem before anything is prepared. */
export function compileTemplates(templates: NoticeTemplates, outcome: NoticeOutcome): Record<'en' | 'fr', CompiledNotice> {
  const problems: (TemplateProblem & { where: string })[] = [];
  const compiled = {} as Record<'en' | 'fr', CompiledNotice>;
  for (const language of ['en', 'fr'] as const) {
    const text = templates[outcome][language];
    const subject = parseTemplate(text.subject, outcome);
    const body = parseTemplate(text.body, outcome);
    if (!subject.ok) problems.push(...subject.problems.map((p) => ({ ...p, where: `${language} subject` })));
    if (!body.ok) problems.push(...body.problems.map((p) => ({ ...p, where: `${language} text` })));
    if (subject.ok && body.ok) compiled[language] = { subject: subject.parts, body: body.parts };
  }
  if (problems.length > 0) {
    throw new ValidationError(`The ${outcome} notice cannot be prepared: ${problems.map((p) => `${p.where}: ${p.message}`).join(' ')}`, [], 'TemplateInvalid');
  }
  return compiled;
}

function longDate(date: string, language: 'en' | 'fr'): string {
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-BE' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

/** Every placeholder's value for one person, in their language. */
export function placeholderValues(person: Person, language: 'en' | 'fr', office: string | null): Record<Placeholder, string> {
  const { latest } = person;
  const applications = [...person.applications]
    .sort((a, b) => a.applicationId.localeCompare(b.applicationId))
    .map((a) => {
      const division = DIVISIONS.find((d) => d.code === a.divisionCode);
      const name = division ? division[language] : a.division;
      return `${BULLET}${a.applicationId}: ${name}${a.position.trim() ? `, ${a.position.trim()}` : ''}`;
    })
    .join('\n');
  const codes = [...new Set(person.applications.flatMap((a) => a.reasons))] as ReasonCode[];
  const reasons = [...new Set(codes.flatMap((code) => (NOTICE_REASONS[code] ? [NOTICE_REASONS[code][language]] : [])))].map((r) => `${BULLET}${r}`).join('\n');
  const selected = person.applications.find((a) => a.stage === 'selected' || a.stage === 'offerMade' || a.stage === 'offerAccepted');
  return {
    firstName: latest.firstName,
    lastName: latest.lastName,
    fullName: `${latest.firstName} ${latest.lastName}`.trim(),
    applications,
    reasons,
    partnerReferral: codes.includes('NATIONALITY_PARTNER') ? `\n${PARTNER_REFERRAL[language]}\n` : '',
    session: selected?.session ? SESSION[language][selected.session] : '',
    startDate: selected?.startDate ? longDate(selected.startDate, language) : '',
    ...OFFER[language],
    officeContact: office ?? '',
  };
}

/** A subject is one line: a name or a list filled in cannot break it, or leave spaces at its ends. */
function subjectLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function renderNotice(compiled: Record<'en' | 'fr', CompiledNotice>, person: Person, office: string | null): { language: 'en' | 'fr'; subject: string; body: string } {
  const values = placeholderValues(person, person.language, office);
  const { subject, body } = compiled[person.language];
  return { language: person.language, subject: subjectLine(renderTemplate(subject, values)), body: renderTemplate(body, values) };
}

/**
 * A template being edited, filled for `person` in `language` (the editor's live preview): each
 * part's problems instead when it cannot be read. Without a person, placeholders stay as written.
 */
export function previewNotice(
  template: { outcome: NoticeOutcome; language: 'en' | 'fr'; subject: string; body: string },
  person: Person | null,
): NoticePreview {
  const subject = parseTemplate(template.subject, template.outcome);
  const body = parseTemplate(template.body, template.outcome);
  const problems = { subject: subject.ok ? [] : subject.problems, body: body.ok ? [] : body.problems };
  if (!subject.ok || !body.ok) return { subject: '', body: '', person: null, problems };
  const values: Partial<Record<Placeholder, string>> = person
    ? placeholderValues(person, template.language, null)
    : Object.fromEntries([...subject.parts, ...body.parts].flatMap((p) => ('placeholder' in p ? [[p.placeholder, `{${p.placeholder}}`]] : [])));
  return {
    // As the notice will say it.
    subject: subjectLine(renderTemplate(subject.parts, values)),
    body: renderTemplate(body.parts, values),
    person: person ? { name: `${person.latest.firstName} ${person.latest.lastName}`.trim(), applicationIds: person.applications.map((a) => a.applicationId).sort() } : null,
    problems,
  };
}
