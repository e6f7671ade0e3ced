import type { NoticeOutcome } from './notice-outcome';

/**
 * The notices a new campaign starts with, in English and French: the office edits them (Settings >
 * Notices). Placeholders are those of notice-templates.ts; the test parses every one.
 */

export interface NoticeText {
  subject: string;
  body: string;
}

const SIGNATURE_EN = `Kind regards,

NATO Internship Programme
{officeContact}`;

const SIGNATURE_FR = `Veuillez agréer nos salutations distinguées.

Programme de stages de l’OTAN
{officeContact}`;

export const DEFAULT_NOTICE_TEXTS: Readonly<Record<NoticeOutcome, Readonly<Record<'en' | 'fr', NoticeText>>>> = {
  ineligible: {
    en: {
      subject: 'Your application to the NATO Internship Programme',
      body: `Dear {fullName},

Thank you for your interest in the NATO Internship Programme. We have looked at your application:
{applications}

We regret that it does not meet the conditions of the call, for the following reasons:
{reasons}
{partnerReferral}
We thank you for your interest and wish you every success.

${SIGNATURE_EN}`,
    },
    fr: {
      subject: 'Votre candidature au Programme de stages de l’OTAN',
      body: `Madame, Monsieur,

Nous vous remercions de l’intérêt que vous portez au Programme de stages de l’OTAN. Nous avons examiné votre candidature :
{applications}

Nous regrettons de vous informer qu’elle ne remplit pas les conditions de l’appel, pour les raisons suivantes :
{reasons}
{partnerReferral}
Nous vous remercions de votre intérêt et vous souhaitons plein succès.

${SIGNATURE_FR}`,
    },
  },
  notRetained: {
    en: {
      subject: 'Your application to the NATO Internship Programme',
      body: `Dear {fullName},

Thank you for applying to the NATO Internship Programme:
{applications}

We received many strong applications this year. After careful consideration, yours has not been retained for the next stage of selection.

We thank you for your interest and encourage you to apply again in a future call.

${SIGNATURE_EN}`,
    },
    fr: {
      subject: 'Votre candidature au Programme de stages de l’OTAN',
      body: `Madame, Monsieur,

Nous vous remercions de votre candidature au Programme de stages de l’OTAN :
{applications}

Nous avons reçu cette année de très nombreuses candidatures de qualité. Après un examen attentif, la vôtre n’a pas été retenue pour l’étape suivante de la sélection.

Nous vous remercions de votre intérêt et vous encourageons à présenter votre candidature lors d’un prochain appel.

${SIGNATURE_FR}`,
    },
  },
  notSelected: {
    en: {
      subject: 'Your application to the NATO Internship Programme',
      body: `Dear {fullName},

Thank you for the time you gave to the selection for the NATO Internship Programme:
{applications}

We regret to inform you that you have not been selected. The competition was very strong, and this decision is no judgement of your merits.

We wish you every success.

${SIGNATURE_EN}`,
    },
    fr: {
      subject: 'Votre candidature au Programme de stages de l’OTAN',
      body: `Madame, Monsieur,

Nous vous remercions du temps consacré à la sélection pour le Programme de stages de l’OTAN :
{applications}

Nous avons le regret de vous informer que votre candidature n’a pas été sélectionnée. La concurrence a été très forte, et cette décision ne préjuge en rien de vos mérites.

Nous vous souhaitons plein succès.

${SIGNATURE_FR}`,
    },
  },
  reserve: {
    en: {
      subject: 'NATO Internship Programme: reserve list',
      body: `Dear {fullName},

Following the selection for the NATO Internship Programme:
{applications}

we are pleased to inform you that you have been placed on the reserve list. Should a place become available, we will contact you.

${SIGNATURE_EN}`,
    },
    fr: {
      subject: 'Programme de stages de l’OTAN : liste de réserve',
      body: `Madame, Monsieur,

À l’issue de la sélection pour le Programme de stages de l’OTAN :
{applications}

nous avons le plaisir de vous informer que vous avez été inscrit(e) sur la liste de réserve. Si une place se libère, nous prendrons contact avec vous.

${SIGNATURE_FR}`,
    },
  },
  selected: {
    en: {
      subject: 'NATO Internship Programme: offer of an internship',
      body: `Dear {fullName},

We are pleased to offer you an internship at NATO Headquarters in Brussels:
{applications}

Session: {session}, starting on {startDate}.
The internship is funded by NATO: a stipend of {stipend} a month, travel costs reimbursed up to {travelAllowance}, and {paidLeave} of paid leave.

Please confirm whether you accept this offer by replying to this message.

${SIGNATURE_EN}`,
    },
    fr: {
      subject: 'Programme de stages de l’OTAN : offre de stage',
      body: `Madame, Monsieur,

Nous avons le plaisir de vous proposer un stage au siège de l’OTAN à Bruxelles :
{applications}

Session : {session}, à partir du {startDate}.
Le stage est financé par l’OTAN : une allocation de {stipend} par mois, le remboursement des frais de voyage jusqu’à {travelAllowance}, et {paidLeave} de congé payé.

Merci de nous confirmer si vous acceptez cette offre en répondant à ce message.

${SIGNATURE_FR}`,
    },
  },
  offerWithdrawn: {
    en: {
      subject: 'NATO Internship Programme: your offer',
      body: `Dear {fullName},

We regret to inform you that the offer of an internship made to you can no longer stand:
{applications}

Please contact us if you have any question.

${SIGNATURE_EN}`,
    },
    fr: {
      subject: 'Programme de stages de l’OTAN : votre offre de stage',
      body: `Madame, Monsieur,

Nous avons le regret de vous informer que l’offre de stage qui vous a été faite ne peut être maintenue :
{applications}

N’hésitez pas à nous contacter pour toute question.

${SIGNATURE_FR}`,
    },
  },
};
