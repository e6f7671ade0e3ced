import { useTranslation } from 'react-i18next';
import { toLanguage, type Language } from '../../i18n/languages';

/**
 * What each recorded action means, in the office's words. The log stores actions as codes
 * ("screening.override") so that they can be filtered; a reader needs a sentence. An action this
 * table does not know (a newer version wrote it) is shown as recorded.
 */
export const ACTION_WORDS = {
  'application.correct': { en: 'Value corrected', fr: 'Valeur corrigée' },
  'campaign.create': { en: 'Campaign created', fr: 'Campagne créée' },
  'campaign.update': { en: 'Campaign settings changed', fr: 'Paramètres de la campagne modifiés' },
  'database.backup': { en: 'Backup made', fr: 'Sauvegarde effectuée' },
  'database.deleteBackup': { en: 'Backup deleted', fr: 'Sauvegarde supprimée' },
  'database.restore': { en: 'Backup restored', fr: 'Sauvegarde restaurée' },
  'demo.load': { en: 'Demo data loaded', fr: 'Données de démonstration chargées' },
  'import.commit': { en: 'Applications imported', fr: 'Candidatures importées' },
  'notices.language': { en: 'Notice language chosen', fr: 'Langue des notifications choisie' },
  'notices.prepare': { en: 'Notices prepared', fr: 'Notifications préparées' },
  'notices.sent': { en: 'Notices marked sent', fr: 'Notifications marquées comme envoyées' },
  'notices.template': { en: 'Notice template changed', fr: 'Modèle de notification modifié' },
  'screening.duplicate': { en: 'Possible duplicate decided', fr: 'Doublon possible tranché' },
  'screening.override': { en: 'Verdict overridden', fr: 'Verdict modifié par dérogation' },
  'screening.overrideStale': { en: 'Override to be confirmed again (data changed)', fr: 'Dérogation à confirmer (données modifiées)' },
  'selection.move': { en: 'Selection step recorded', fr: 'Étape de sélection enregistrée' },
  'selection.places': { en: 'Places set', fr: 'Nombre de places fixé' },
  'shortlist.add': { en: 'Added to a shortlist', fr: 'Ajout à une liste restreinte' },
  'shortlist.arrange': { en: 'Shortlist reordered', fr: 'Liste restreinte réordonnée' },
  'shortlist.create': { en: 'Shortlist made', fr: 'Liste restreinte créée' },
  'shortlist.export': { en: 'Shortlist sent', fr: 'Liste restreinte envoyée' },
  'shortlist.note': { en: 'Shortlist note', fr: 'Note sur la liste restreinte' },
  'shortlist.remove': { en: 'Removed from a shortlist', fr: "Retrait d'une liste restreinte" },
  'shortlist.reply': { en: "Manager's reply applied", fr: 'Réponse du responsable appliquée' },
  'triage.note': { en: 'Triage note', fr: 'Note de tri' },
  'triage.setRubric': { en: 'Rubric changed', fr: 'Grille modifiée' },
  'triage.undo': { en: 'Triage action undone', fr: 'Action de tri annulée' },
  'triage.stage': { en: 'Triage stage changed', fr: 'Étape de tri modifiée' },
  'triage.assign': { en: 'Assigned to an officer', fr: 'Attribuée à un agent' },
  'triage.score': { en: 'Scored', fr: 'Notée' },
  'triage.division': { en: 'Division changed', fr: 'Division modifiée' },
  'reports.export': { en: 'Season report exported', fr: 'Bilan de la saison exporté' },
  'privacy.subjectAccess': { en: "A person's data handed over (subject access)", fr: "Données d'une personne communiquées (droit d'accès)" },
  'privacy.erase': { en: "A person's data erased", fr: "Données d'une personne effacées" },
  'privacy.purge': { en: "Campaign's personal data purged", fr: 'Données personnelles de la campagne purgées' },
  'privacy.retention': { en: 'Retention changed', fr: 'Durée de conservation modifiée' },
} as const satisfies Record<string, Readonly<Record<Language, string>>>;

export type KnownAction = keyof typeof ACTION_WORDS;

export function isKnownAction(action: string): action is KnownAction {
  return Object.prototype.hasOwnProperty.call(ACTION_WORDS, action);
}

/** An action in the reader's language; an unknown one as recorded. */
export function actionWords(action: string, language: Language): string {
  return isKnownAction(action) ? ACTION_WORDS[action][language] : action;
}

/** `actionWords` in the interface's language. */
export function useActionWords(): (action: string) => string {
  const { i18n } = useTranslation();
  const language = toLanguage(i18n.resolvedLanguage ?? i18n.language);
  return (action) => actionWords(action, language);
}
