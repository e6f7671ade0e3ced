import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import fr from './fr.json';
import { isLanguage, toLanguage, type Language } from './languages';

const STORAGE_KEY = 'cohort.language';

/** The remembered choice, else the system's language when it is one of ours, else English. */
function initialLanguage(): Language {
  const stored = window.localStorage.getItem(STORAGE_KEY);
  if (isLanguage(stored)) return stored;
  return toLanguage(window.navigator.language);
}

function applyToDocument(language: Language): void {
  // Screen readers pick their voice from the lang attribute.
  document.documentElement.lang = language;
}

export async function initI18n(): Promise<typeof i18next> {
  const lng = initialLanguage();
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, fr: { translation: fr } },
    lng,
    fallbackLng: 'en',
    supportedLngs: ['en', 'fr'],
    // React escapes text itself.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyToDocument(lng);
  i18next.on('languageChanged', (next) => applyToDocument(toLanguage(next)));
  return i18next;
}

export async function changeLanguage(language: Language): Promise<void> {
  window.localStorage.setItem(STORAGE_KEY, language);
  await i18next.changeLanguage(language);
}
