import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { countryName } from '../../shared/domain/country-names';
import { toLanguage } from './languages';

/**
 * A nationality as tables show it: the country's name in the interface's language ("Belgique" in
 * French, whether the export said "BE", "Belgium" or "belgique"); what names no country is shown
 * as written, marked, so an officer sees it needs a look.
 */
export function useNationalityText(): (code: string | null, raw: string) => string {
  const { t, i18n } = useTranslation();
  const language = toLanguage(i18n.resolvedLanguage ?? i18n.language);
  return useCallback(
    (code, raw) => (code ? countryName(code, language) : raw.trim() === '' ? '' : t('countries.notACountry', { raw: raw.trim() })),
    [language, t],
  );
}
