/**
 * The few strings the main process shows itself (native menu, dialogs), in English and French.
 * The renderer has its own i18next catalogues; the main process has no React and needs only these.
 * `fr` is typed by `en`, so a key missing from either language fails the typecheck, and
 * test/unit/electron-menu.test.ts checks that none is empty.
 */

export type Locale = 'en' | 'fr';

/** The OS locale as Electron reports it (`fr`, `fr-BE`, `en-GB`…): French or, by default, English. */
export function localeFrom(appLocale: string): Locale {
  return appLocale.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

const en = {
  menu: {
    file: '&File',
    newDatabase: '&New database…',
    openDatabase: '&Open database…',
    import: '&Import applications…',
    backupNow: '&Backup now',
    restore: '&Restore from backup…',
    close: '&Close window',
    quit: '&Quit',
    edit: '&Edit',
    undo: '&Undo',
    redo: '&Redo',
    cut: 'Cu&t',
    copy: '&Copy',
    paste: '&Paste',
    selectAll: 'Select &all',
    view: '&View',
    reload: '&Reload',
    toggleDevTools: 'Toggle &developer tools',
    toggleFullScreen: 'Toggle &full screen',
    resetZoom: '&Actual size',
    zoomIn: 'Zoom &in',
    zoomOut: 'Zoom &out',
    window: '&Window',
    minimize: '&Minimize',
    zoom: 'Zoom',
    front: 'Bring all to front',
    help: '&Help',
    about: '&About Cohort',
    programmeWebsite: 'NATO Internship &Programme website',
    services: 'Services',
    hide: 'Hide Cohort',
    hideOthers: 'Hide others',
    unhide: 'Show all',
  },
  dialogs: {
    databaseFilter: 'Cohort database',
    saveTitle: 'Save the file',
    folderTitle: 'Choose a folder for the files',
    newTitle: 'New Cohort database',
    newButton: 'Create',
    openTitle: 'Open a Cohort database',
    openButton: 'Open',
    openFailed: 'The database could not be opened.',
    createFailed: 'The database could not be created.',
    backupDone: 'Backup saved.',
    backupFailed: 'The backup could not be made.',
    startFailed: 'Cohort could not open its database.',
    startChooseOther: 'Open another database…',
    startQuit: 'Quit',
    serverNotOpened:
      'Cohort did not open the office server, so it opened the database on this computer. Go to Settings > Database to connect again (type your password there if Cohort asks for it).',
    caFileTitle: 'Choose the office CA file',
    caFileFilter: 'Certificate (PEM)',
    nativeMissing:
      'The database module for this Electron version is missing. Run "npm start" (it builds it), or "npm run web" to use Cohort in a browser.',
    aboutTitle: 'About Cohort',
    aboutDetail:
      'Applications, eligibility screening and selection for the NATO Internship Programme.\nVersion {version} · Electron {electron}',
    ok: 'OK',
  },
};

export type MainStrings = typeof en;

const fr: MainStrings = {
  menu: {
    file: '&Fichier',
    newDatabase: '&Nouvelle base de données…',
    openDatabase: '&Ouvrir une base de données…',
    import: '&Importer des candidatures…',
    backupNow: '&Sauvegarder maintenant',
    restore: '&Restaurer une sauvegarde…',
    close: '&Fermer la fenêtre',
    quit: '&Quitter',
    edit: '&Édition',
    undo: '&Annuler',
    redo: '&Rétablir',
    cut: 'Co&uper',
    copy: '&Copier',
    paste: 'C&oller',
    selectAll: '&Tout sélectionner',
    view: '&Affichage',
    reload: '&Recharger',
    toggleDevTools: 'Outils de &développement',
    toggleFullScreen: '&Plein écran',
    resetZoom: '&Taille réelle',
    zoomIn: 'Zoom a&vant',
    zoomOut: 'Zoo&m arrière',
    window: 'F&enêtre',
    minimize: '&Réduire',
    zoom: 'Agrandir',
    front: 'Tout ramener au premier plan',
    help: 'Ai&de',
    about: '&À propos de Cohort',
    programmeWebsite: 'Site du &Programme de stages de l’OTAN',
    services: 'Services',
    hide: 'Masquer Cohort',
    hideOthers: 'Masquer les autres',
    unhide: 'Tout afficher',
  },
  dialogs: {
    databaseFilter: 'Base de données Cohort',
    saveTitle: 'Enregistrer le fichier',
    folderTitle: 'Choisir un dossier pour les fichiers',
    newTitle: 'Nouvelle base de données Cohort',
    newButton: 'Créer',
    openTitle: 'Ouvrir une base de données Cohort',
    openButton: 'Ouvrir',
    openFailed: 'La base de données n’a pas pu être ouverte.',
    createFailed: 'La base de données n’a pas pu être créée.',
    backupDone: 'Sauvegarde enregistrée.',
    backupFailed: 'La sauvegarde n’a pas pu être faite.',
    startFailed: 'Cohort n’a pas pu ouvrir sa base de données.',
    startChooseOther: 'Ouvrir une autre base de données…',
    startQuit: 'Quitter',
    serverNotOpened:
      'Cohort n’a pas ouvert le serveur du bureau\u00a0; il a ouvert la base de données de cet ordinateur. Allez dans Paramètres > Base de données pour vous connecter à nouveau (saisissez-y votre mot de passe si Cohort le demande).',
    caFileTitle: 'Choisir le fichier d’autorité de certification du bureau',
    caFileFilter: 'Certificat (PEM)',
    nativeMissing:
      'Le module de base de données pour cette version d’Electron est absent. Lancez « npm start » (qui le construit), ou « npm run web » pour utiliser Cohort dans un navigateur.',
    aboutTitle: 'À propos de Cohort',
    aboutDetail:
      'Candidatures, contrôle d’éligibilité et sélection pour le Programme de stages de l’OTAN.\nVersion {version} · Electron {electron}',
    ok: 'OK',
  },
};

export const MAIN_STRINGS: Readonly<Record<Locale, MainStrings>> = { en, fr };

export function mainStrings(locale: Locale): MainStrings {
  return MAIN_STRINGS[locale];
}

/** Fills `{name}` placeholders; an unknown name is left visible rather than silently dropped. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole,
  );
}

/** Native menus on macOS show `&` literally; elsewhere it marks the keyboard mnemonic. */
export function menuLabel(label: string, platform: NodeJS.Platform): string {
  return platform === 'darwin' ? label.replace(/&(?=\S)/g, '') : label;
}
