/** The languages of the interface, and the locale each formats numbers and dates with. */
export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

/** British English and Belgian French: the conventions of the office in Brussels. */
export const LOCALE: Record<Language, string> = { en: 'en-GB', fr: 'fr-BE' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** i18next may report a region ("fr-BE") or a fallback; reduce it to one of ours. */
export function toLanguage(value: string | undefined): Language {
  const base = (value ?? '').slice(0, 2).toLowerCase();
  return isLanguage(base) ? base : 'en';
}
