/**
 * The words a person reads in their subject-access record (everything Cohort holds about them,
 * printed as a PDF and saved as JSON in their language): for each table of the record, a title
 * saying what it is to them, and a short heading per column. The register (db/personal-data.ts)
 * says what each table and column holds, for the office; these say it to the person, plainly,
 * addressing them as "you". The tables are those of the record (subjectAccessTables() in
 * electron/core/privacy/store/sqlite-subject-access.ts), every column of the register for each;
 * test/unit/personal-data-words.test.ts fails when one is missing.
 */

export interface Words {
  en: string;
  fr: string;
}

export interface TableWords {
  title: Words;
  columns: Readonly<Record<string, Words>>;
}

// Columns many tables share, said the same way everywhere.
const id: Words = { en: 'Entry (number)', fr: 'Entrée (numéro)' };
const campaignId: Words = { en: 'Campaign (number)', fr: 'Campagne (numéro)' };
const applicationRef: Words = { en: 'Application (number)', fr: 'Candidature (numéro)' };
const importId: Words = { en: 'Import (number)', fr: 'Importation (numéro)' };
const actionId: Words = { en: 'Action (number)', fr: 'Action (numéro)' };
const actor: Words = { en: 'Officer', fr: 'Agent' };
const recordedOn: Words = { en: 'Recorded on', fr: 'Enregistré le' };
const changedOn: Words = { en: 'Last changed on', fr: 'Modifié le' };
const changedBy: Words = { en: 'Last changed by', fr: 'Modifié par' };
const personKey: Words = { en: 'Identity key', fr: "Clé d'identité" };
const inputHash: Words = { en: 'Fingerprint of the data judged', fr: 'Empreinte des données examinées' };
const candidateCode: Words = { en: 'Candidate code', fr: 'Code du candidat' };

/** For each table of the subject-access record: a title a person understands, and a short label per column. */
export const PERSONAL_DATA_WORDS: Readonly<Record<string, TableWords>> = {
  audit_log: {
    title: { en: 'Record of actions by the office concerning you', fr: 'Journal des actions du bureau vous concernant' },
    columns: {
      id,
      campaign_id: campaignId,
      at: { en: 'Date of the action', fr: "Date de l'action" },
      actor,
      action: { en: 'Action', fr: 'Action' },
      subject: { en: 'Concerning', fr: 'Objet' },
      details_json: { en: 'Details', fr: 'Détails' },
    },
  },

  applications: {
    title: { en: 'Your applications, as imported', fr: "Vos candidatures, telles qu'importées" },
    columns: {
      id: { en: 'Internal number', fr: 'Numéro interne' },
      campaign_id: campaignId,
      application_id: { en: 'Application ID', fr: 'N° de candidature' },
      candidate_id: { en: 'Candidate ID', fr: 'N° de candidat' },
      first_name: { en: 'First name', fr: 'Prénom' },
      last_name: { en: 'Last name', fr: 'Nom' },
      date_of_birth: { en: 'Date of birth', fr: 'Date de naissance' },
      email: { en: 'E-mail address', fr: 'Adresse électronique' },
      phone: { en: 'Phone', fr: 'Téléphone' },
      gender: { en: 'Gender', fr: 'Genre' },
      nationality: { en: 'Nationality', fr: 'Nationalité' },
      second_nationality: { en: 'Second nationality', fr: 'Seconde nationalité' },
      residence: { en: 'Country of residence', fr: 'Pays de résidence' },
      division: { en: 'Division', fr: 'Division' },
      position: { en: 'Position', fr: 'Poste' },
      funding: { en: 'Funding', fr: 'Financement' },
      preferred_session: { en: 'Preferred session', fr: 'Session souhaitée' },
      status: { en: 'Status', fr: 'Statut' },
      submitted_on: { en: 'Submitted on', fr: 'Date de soumission' },
      university: { en: 'University', fr: 'Université' },
      field_of_study: { en: 'Field of study', fr: "Domaine d'études" },
      highest_degree: { en: 'Highest degree', fr: 'Diplôme le plus élevé' },
      years_completed: { en: 'Years of university completed', fr: "Années d'université achevées" },
      currently_enrolled: { en: 'Currently enrolled', fr: 'Inscription en cours' },
      degree_date: { en: 'Degree date', fr: 'Date du diplôme' },
      english_level: { en: 'English level', fr: "Niveau d'anglais" },
      french_level: { en: 'French level', fr: 'Niveau de français' },
      other_languages: { en: 'Other languages', fr: 'Autres langues' },
      motivation: { en: 'Motivation', fr: 'Motivation' },
      cv_file: { en: 'CV file name', fr: 'Nom du fichier CV' },
      division_code: { en: 'Division (read)', fr: 'Division (lue)' },
      submitted_at: { en: 'Submitted on (read)', fr: 'Date de soumission (lue)' },
      source: { en: 'Source', fr: 'Origine' },
      created_at: recordedOn,
      updated_at: changedOn,
      extra_json: { en: 'Other fields kept', fr: 'Autres champs conservés' },
      import_id: { en: 'Last import (number)', fr: 'Dernière importation (numéro)' },
      date_of_birth_parsed: { en: 'Date of birth (read)', fr: 'Date de naissance (lue)' },
      degree_date_parsed: { en: 'Degree date (read)', fr: 'Date du diplôme (lue)' },
      years_completed_parsed: { en: 'Years of university (read)', fr: "Années d'université (lues)" },
      currently_enrolled_parsed: { en: 'Currently enrolled (read)', fr: 'Inscription en cours (lue)' },
      funding_parsed: { en: 'Funding (read)', fr: 'Financement (lu)' },
      english_level_parsed: { en: 'English level (read)', fr: "Niveau d'anglais (lu)" },
      french_level_parsed: { en: 'French level (read)', fr: 'Niveau de français (lu)' },
      nationality_code: { en: 'Nationality (code)', fr: 'Nationalité (code)' },
      name_key: { en: 'Name, for sorting', fr: 'Nom, pour le tri' },
    },
  },

  import_rejections: {
    title: { en: 'Rows about you that an import refused', fr: "Lignes vous concernant refusées à l'importation" },
    columns: {
      id,
      import_id: importId,
      row_number: { en: 'Row in the file', fr: 'Ligne du fichier' },
      column_name: { en: 'Column at fault', fr: 'Colonne en cause' },
      code: { en: 'Reason (code)', fr: 'Motif (code)' },
      message: { en: 'Reason', fr: 'Motif' },
      value: { en: 'Value at fault', fr: 'Valeur en cause' },
      values_json: { en: 'Whole row as read', fr: 'Ligne entière lue' },
    },
  },

  application_revisions: {
    title: { en: 'Changes to your applications', fr: 'Modifications de vos candidatures' },
    columns: {
      id,
      application_ref: applicationRef,
      import_id: importId,
      field: { en: 'Field', fr: 'Champ' },
      old_value: { en: 'Value before', fr: 'Valeur avant' },
      new_value: { en: 'Value after', fr: 'Valeur après' },
      at: { en: 'Changed on', fr: 'Modifié le' },
      actor,
    },
  },

  screening_results: {
    title: { en: 'Automatic eligibility check', fr: "Vérification automatique de l'éligibilité" },
    columns: {
      application_ref: applicationRef,
      campaign_id: campaignId,
      verdict: { en: 'Verdict', fr: 'Verdict' },
      reasons_json: { en: 'Reasons', fr: 'Motifs' },
      criteria_json: { en: 'Criteria checked', fr: 'Critères vérifiés' },
      person_key: personKey,
      rules_version: { en: 'Version of the rules', fr: 'Version des règles' },
      input_hash: inputHash,
      signature: { en: 'Fingerprint of the result', fr: 'Empreinte du résultat' },
      screened_at: { en: 'Checked on', fr: 'Vérifié le' },
    },
  },

  screening_overrides: {
    title: { en: 'Eligibility decided by an officer, over the automatic check', fr: "Éligibilité décidée par un agent, à la place de la vérification automatique" },
    columns: {
      id,
      application_ref: applicationRef,
      verdict: { en: "Officer's verdict", fr: "Verdict de l'agent" },
      justification: { en: 'Justification', fr: 'Justification' },
      automatic_verdict: { en: 'Automatic verdict', fr: 'Verdict automatique' },
      automatic_reasons_json: { en: 'Automatic reasons', fr: 'Motifs automatiques' },
      input_hash: inputHash,
      state: { en: 'Status', fr: 'Statut' },
      actor,
      at: { en: 'Decided on', fr: 'Décidé le' },
    },
  },

  application_corrections: {
    title: { en: 'Corrections the office made to your data', fr: 'Corrections apportées à vos données par le bureau' },
    columns: {
      id,
      application_ref: applicationRef,
      field: { en: 'Field', fr: 'Champ' },
      imported_value: { en: 'Value imported', fr: 'Valeur importée' },
      corrected_value: { en: 'Corrected value', fr: 'Valeur corrigée' },
      reason: { en: 'Reason', fr: 'Motif' },
      state: { en: 'Status', fr: 'Statut' },
      actor,
      at: { en: 'Corrected on', fr: 'Corrigé le' },
    },
  },

  duplicate_decisions: {
    title: { en: 'Decisions on whether two applications are both yours', fr: 'Décisions sur deux candidatures pouvant être toutes deux les vôtres' },
    columns: {
      id,
      campaign_id: campaignId,
      application_a: { en: 'First application (number)', fr: 'Première candidature (numéro)' },
      application_b: { en: 'Second application (number)', fr: 'Seconde candidature (numéro)' },
      decision: { en: 'Decision', fr: 'Décision' },
      signals_json: { en: 'What matched', fr: 'Éléments concordants' },
      actor,
      at: { en: 'Decided on', fr: 'Décidé le' },
    },
  },

  triage_states: {
    title: { en: "Where your application stands in the division's review", fr: "Étape de votre candidature dans l'examen par la division" },
    columns: {
      application_ref: applicationRef,
      campaign_id: campaignId,
      stage: { en: 'Stage', fr: 'Étape' },
      reason: { en: 'Reason not retained', fr: 'Motif du rejet' },
      assignee: { en: 'Officer in charge', fr: 'Agent chargé' },
      score: { en: 'Average score', fr: 'Note moyenne' },
      updated_at: changedOn,
      updated_by: changedBy,
      version: { en: 'Decisions so far', fr: 'Décisions prises' },
      scored_by: { en: 'Officers who scored it', fr: 'Agents ayant attribué une note' },
    },
  },

  triage_actions: {
    title: { en: 'Review actions by the office concerning you', fr: "Actions d'examen du bureau vous concernant" },
    columns: {
      id,
      campaign_id: campaignId,
      actor,
      kind: { en: 'Kind of action', fr: "Type d'action" },
      details_json: { en: 'Details', fr: 'Détails' },
      at: { en: 'Done on', fr: 'Effectuée le' },
      undone_at: { en: 'Undone on', fr: 'Annulée le' },
      undone_by: { en: 'Undone by', fr: 'Annulée par' },
    },
  },

  triage_changes: {
    title: { en: 'What each review action changed on your applications', fr: "Ce que chaque action d'examen a changé dans vos candidatures" },
    columns: {
      action_id: actionId,
      application_ref: applicationRef,
      before_json: { en: 'Before', fr: 'Avant' },
      after_json: { en: 'After', fr: 'Après' },
    },
  },

  application_notes: {
    title: { en: 'Notes officers wrote on your applications', fr: 'Notes des agents sur vos candidatures' },
    columns: {
      id,
      application_ref: applicationRef,
      action_id: actionId,
      text: { en: 'Note', fr: 'Note' },
      actor,
      at: { en: 'Written on', fr: 'Rédigée le' },
      removed_at: { en: 'Removed on', fr: 'Retirée le' },
    },
  },

  rubric_scores: {
    title: { en: 'How officers assessed your application, criterion by criterion', fr: 'Évaluation de votre candidature par les agents, critère par critère' },
    columns: {
      application_ref: applicationRef,
      criterion_id: { en: 'Criterion (number)', fr: 'Critère (numéro)' },
      score: { en: 'Score (1 to 5)', fr: 'Note (1 à 5)' },
      comment: { en: 'Comment', fr: 'Commentaire' },
      actor,
      at: { en: 'Assessed on', fr: "Date de l'évaluation" },
    },
  },

  officer_scores: {
    title: { en: 'Each officer’s overall assessment of your application', fr: 'Évaluation d’ensemble de votre candidature par chaque agent' },
    columns: {
      application_ref: applicationRef,
      officer: { en: 'Assessed by', fr: 'Évaluée par' },
      score: { en: 'Score (1 to 5, an average of the criteria when there are some)', fr: 'Note (1 à 5, moyenne des critères s’il y en a)' },
      at: { en: 'Assessed on', fr: "Date de l'évaluation" },
    },
  },

  saved_views: {
    title: { en: 'Searches saved by officers that name you', fr: 'Recherches enregistrées par les agents qui vous nomment' },
    columns: {
      id: { en: 'View (number)', fr: 'Vue (numéro)' },
      campaign_id: campaignId,
      owner: { en: 'Saved by', fr: 'Enregistrée par' },
      name: { en: 'Name of the view', fr: 'Nom de la vue' },
      view_json: { en: 'Filter and search', fr: 'Filtre et recherche' },
      updated_at: { en: 'Saved on', fr: 'Enregistrée le' },
    },
  },

  application_search: {
    title: { en: 'Your applications in the search index', fr: "Vos candidatures dans l'index de recherche" },
    // The record shows only `rowid`: the index keeps no text that can be read back. The register's
    // columns are named too, for a record that would one day say which fields are indexed.
    columns: {
      rowid: applicationRef,
      application_id: { en: 'Application ID (indexed)', fr: 'N° de candidature (indexé)' },
      first_name: { en: 'First name (indexed)', fr: 'Prénom (indexé)' },
      last_name: { en: 'Last name (indexed)', fr: 'Nom (indexé)' },
      email: { en: 'E-mail address (indexed)', fr: 'Adresse électronique (indexée)' },
      university: { en: 'University (indexed)', fr: 'Université (indexée)' },
      field_of_study: { en: 'Field of study (indexed)', fr: "Domaine d'études (indexé)" },
      position: { en: 'Position (indexed)', fr: 'Poste (indexé)' },
      motivation: { en: 'Motivation (indexed)', fr: 'Motivation (indexée)' },
    },
  },

  candidate_codes: {
    title: { en: 'The code you go by with hiring managers', fr: 'Le code qui vous désigne auprès des responsables du recrutement' },
    columns: {
      application_ref: applicationRef,
      campaign_id: campaignId,
      division_code: { en: 'Division', fr: 'Division' },
      sequence: { en: 'Number in the division', fr: 'Numéro dans la division' },
      code: candidateCode,
    },
  },

  shortlist_entries: {
    title: { en: 'Your places on shortlists', fr: 'Vos places sur les listes restreintes' },
    columns: {
      shortlist_id: { en: 'Shortlist (number)', fr: 'Liste restreinte (numéro)' },
      application_ref: applicationRef,
      rank: { en: 'Place', fr: 'Rang' },
      note: { en: 'Note for the manager', fr: 'Note pour le responsable' },
      added_by: { en: 'Added by', fr: 'Ajoutée par' },
      added_at: { en: 'Added on', fr: 'Ajoutée le' },
    },
  },

  shortlist_export_entries: {
    title: { en: 'Workbooks sent to hiring managers that include you', fr: 'Classeurs envoyés aux responsables du recrutement où vous figurez' },
    columns: {
      export_id: { en: 'Workbook sent (number)', fr: 'Classeur envoyé (numéro)' },
      application_ref: applicationRef,
      candidate_code: candidateCode,
    },
  },

  selection_details: {
    title: { en: 'Your interview, selection and offer', fr: 'Votre entretien, votre sélection et votre offre' },
    columns: {
      application_ref: applicationRef,
      interview_date: { en: 'Interview date', fr: "Date de l'entretien" },
      interview_time: { en: 'Interview time', fr: "Heure de l'entretien" },
      interview_mode: { en: 'Interview format', fr: "Modalité de l'entretien" },
      interviewer: { en: 'Interviewer', fr: "Personne menant l'entretien" },
      interview_place: { en: 'Place or link', fr: 'Lieu ou lien' },
      interview_outcome: { en: 'How the interview went', fr: "Déroulement de l'entretien" },
      manager_comment: { en: "Hiring manager's comment", fr: 'Commentaire du responsable' },
      session: { en: 'Session', fr: 'Session' },
      start_date: { en: 'Start date', fr: 'Date de début' },
      reserve_rank: { en: 'Reserve list place', fr: 'Rang en réserve' },
      offer_made_at: { en: 'Offer made on', fr: 'Offre faite le' },
      offer_answered_at: { en: 'Offer answered on', fr: 'Réponse donnée le' },
      withdrawn_reason: { en: 'Reason for withdrawal', fr: 'Motif du retrait' },
      updated_at: changedOn,
      updated_by: changedBy,
    },
  },

  notices: {
    title: { en: 'Notices sent to you', fr: 'Avis qui vous ont été envoyés' },
    columns: {
      id,
      campaign_id: campaignId,
      person_key: personKey,
      outcome: { en: 'Outcome', fr: 'Résultat' },
      language: { en: 'Language', fr: 'Langue' },
      email: { en: 'Sent to (e-mail)', fr: 'Envoyé à (courriel)' },
      batch_id: { en: 'Batch (number)', fr: 'Lot (numéro)' },
      state: { en: 'Status', fr: 'Statut' },
      basis: { en: 'Based on', fr: 'Fondé sur' },
      prepared_at: { en: 'Prepared on', fr: 'Préparé le' },
      sent_at: { en: 'Sent on', fr: 'Envoyé le' },
      bounced_at: { en: 'Undelivered on', fr: 'Non distribué le' },
      resent_at: { en: 'Sent again on', fr: 'Renvoyé le' },
      superseded_at: { en: 'Replaced on', fr: 'Remplacé le' },
      updated_by: changedBy,
    },
  },

  notice_languages: {
    title: { en: 'The language the office chose to write to you in', fr: 'La langue choisie par le bureau pour vous écrire' },
    columns: {
      campaign_id: campaignId,
      person_key: personKey,
      language: { en: 'Language chosen', fr: 'Langue choisie' },
      actor,
      at: { en: 'Chosen on', fr: 'Choisie le' },
    },
  },

  notice_standing: {
    title: { en: 'Your outcome, and the notice you are owed', fr: "Votre résultat, et l'avis qui vous est dû" },
    columns: {
      campaign_id: campaignId,
      person_key: personKey,
      outcome: { en: 'Outcome', fr: 'Résultat' },
      owed: { en: 'Notice owed', fr: 'Avis dû' },
      since: { en: 'Since', fr: 'Depuis le' },
      divisions_json: { en: 'Divisions applied to', fr: 'Divisions demandées' },
      superseded_json: { en: 'Notices replaced (numbers)', fr: 'Avis remplacés (numéros)' },
    },
  },

  notice_standing_stale: {
    title: { en: 'Your outcome, waiting to be worked out again', fr: "Votre résultat, en attente d'un nouveau calcul" },
    columns: {
      campaign_id: campaignId,
      person_key: personKey,
    },
  },

  privacy_owed: {
    title: { en: 'An erasure of your data, still being completed', fr: "Un effacement de vos données, en cours d'achèvement" },
    columns: {
      id,
      kind: { en: 'Erasure or purge', fr: 'Effacement ou purge' },
      campaign_id: campaignId,
      identity_json: { en: 'Identifiers being removed', fr: 'Identifiants en cours de retrait' },
      audit_id: { en: 'Journal entry (number)', fr: 'Entrée du journal (numéro)' },
      at: { en: 'Started on', fr: 'Commencé le' },
    },
  },
};

function wordsOf(table: string): TableWords | undefined {
  return Object.hasOwn(PERSONAL_DATA_WORDS, table) ? PERSONAL_DATA_WORDS[table] : undefined;
}

/** The title of a table of the record, in the person's language; the table's name when it has none. */
export function tableTitle(table: string, language: 'en' | 'fr'): string {
  return wordsOf(table)?.title[language] ?? table;
}

/** The heading of a column of the record, in the person's language; the column's name when it has none. */
export function columnLabel(table: string, column: string, language: 'en' | 'fr'): string {
  const columns = wordsOf(table)?.columns;
  return columns && Object.hasOwn(columns, column) ? (columns[column]?.[language] ?? column) : column;
}
