import type { ReasonCode } from './eligibility/types';

/**
 * Why an application was ineligible, as the applicant reads it in their notice (not the office's
 * short names of shared/domain/eligibility/explain-en.ts). Only the reasons that make an
 * application ineligible appear in a notice; the others are questions the office settled.
 */
export const NOTICE_REASONS: Readonly<Partial<Record<ReasonCode, { en: string; fr: string }>>> = {
  AGE: { en: 'You had not reached the minimum age on the date of your application.', fr: 'Vous n’aviez pas atteint l’âge minimum à la date de votre candidature.' },
  NATIONALITY: {
    en: 'The programme is open to nationals of NATO member states only.',
    fr: 'Le programme est ouvert aux seuls ressortissants des pays membres de l’OTAN.',
  },
  NATIONALITY_PARTNER: {
    en: 'The programme is open to nationals of NATO member states only.',
    fr: 'Le programme est ouvert aux seuls ressortissants des pays membres de l’OTAN.',
  },
  EDUCATION: { en: 'Your studies do not meet the education requirement of the call.', fr: 'Vos études ne remplissent pas la condition de formation de l’appel.' },
  LANGUAGE: {
    en: 'Your level in English or French is below the level the call requires.',
    fr: 'Votre niveau d’anglais ou de français est inférieur au niveau requis par l’appel.',
  },
  LATE: { en: 'Your application was submitted after the deadline.', fr: 'Votre candidature a été soumise après la date limite.' },
  OVER_LIMIT: {
    en: 'You submitted more applications than the call allows; only the first ones were considered.',
    fr: 'Vous avez soumis plus de candidatures que l’appel ne le permet ; seules les premières ont été examinées.',
  },
};

/** For nationals of partner countries: where to turn instead. */
export const PARTNER_REFERRAL = {
  en: 'As a national of a NATO partner country, you may ask your country’s Delegation (Mission) to NATO at NATO Headquarters in Brussels about internship opportunities.',
  fr: 'En tant que ressortissant d’un pays partenaire de l’OTAN, vous pouvez vous adresser à la Délégation (Mission) de votre pays auprès de l’OTAN, au siège de l’OTAN à Bruxelles, pour connaître les possibilités de stage.',
} as const;
