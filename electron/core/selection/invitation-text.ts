import type { InterviewMode } from '../../../shared/domain/selection-moves';
import { DIVISIONS } from '../../../shared/domain/divisions';

/**
 * The interview invitation a candidate receives, in their language (notice-outcome.ts
 * noticeLanguage): when, how, where or by which link, and whom to ask. Plain text: read the same
 * in every mail program.
 */

export interface Invitation {
  firstName: string;
  lastName: string;
  division: string | null;
  date: string;
  time: string | null;
  mode: InterviewMode | null;
  place: string | null;
  interviewer: string | null;
  /** Whom the candidate writes to with a question (the office's address). */
  contact: string | null;
}

const MODE: Record<InterviewMode, { en: string; fr: string }> = {
  inPerson: { en: 'in person, at NATO Headquarters in Brussels', fr: 'en personne, au siège de l’OTAN à Bruxelles' },
  video: { en: 'by video call', fr: 'par visioconférence' },
  phone: { en: 'by telephone', fr: 'par téléphone' },
};

function longDate(date: string, language: 'en' | 'fr'): string {
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-BE' : 'en-GB', { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

export function invitationText(invitation: Invitation, language: 'en' | 'fr'): { subject: string; text: string } {
  const division = DIVISIONS.find((d) => d.code === invitation.division);
  const when = `${longDate(invitation.date, language)}${invitation.time ? (language === 'fr' ? ` à ${invitation.time.replace(':', ' h ')}` : ` at ${invitation.time}`) : ''}`;
  const how = invitation.mode ? MODE[invitation.mode][language] : null;
  if (language === 'fr') {
    return {
      subject: 'Programme de stages de l’OTAN : invitation à un entretien',
      text: [
        `Madame, Monsieur ${invitation.lastName},`,
        '',
        `Nous avons le plaisir de vous inviter à un entretien pour un stage${division ? ` à la ${division.fr}` : ''} de l’OTAN.`,
        '',
        `Date : ${when}`,
        ...(how ? [`Modalité : ${how}`] : []),
        ...(invitation.place ? [`Lieu ou lien : ${invitation.place}`] : []),
        ...(invitation.interviewer ? [`Avec : ${invitation.interviewer}`] : []),
        '',
        `Merci de nous confirmer votre présence en répondant à ce message${invitation.contact ? `, ou d’écrire à ${invitation.contact} pour toute question` : ''}.`,
        '',
        'Cordialement,',
        'Programme de stages de l’OTAN',
      ].join('\n'),
    };
  }
  return {
    subject: 'NATO Internship Programme: invitation to an interview',
    text: [
      `Dear ${invitation.firstName} ${invitation.lastName},`,
      '',
      `We are pleased to invite you to an interview for an internship${division ? ` in NATO’s ${division.en}` : ' at NATO'}.`,
      '',
      `Date: ${when}`,
      ...(how ? [`How: ${how}`] : []),
      ...(invitation.place ? [`Place or link: ${invitation.place}`] : []),
      ...(invitation.interviewer ? [`With: ${invitation.interviewer}`] : []),
      '',
      `Please confirm that you will attend by replying to this message${invitation.contact ? `, or write to ${invitation.contact} with any question` : ''}.`,
      '',
      'Kind regards,',
      'NATO Internship Programme',
    ].join('\n'),
  };
}
