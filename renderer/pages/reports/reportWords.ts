import { useTranslation } from 'react-i18next';
import { countryName } from '../../../shared/domain/country-names';
import { shownCount, type Dimension } from '../../../shared/domain/report-figures';
import { groupLabel, REASON_WORDS, REPORT_WORDS, type ReportLanguage } from '../../../shared/domain/report-words';
import { useFormat } from '../../i18n/format';

type Table<K extends string> = Readonly<Record<K, Readonly<Record<ReportLanguage, string>>>>;

/**
 * The report's words (shared/domain/report-words.ts, the same as the workbook's) in the language
 * the user reads, and its counts: exact on screen, "fewer than 5" for a group of 1 to 4 when
 * `forExport` (printing), as in the workbook.
 */
export function useReportWords(forExport: boolean) {
  const { i18n } = useTranslation();
  const format = useFormat();
  const language: ReportLanguage = i18n.language.startsWith('fr') ? 'fr' : 'en';
  const w = <K extends string>(table: Table<K>, key: K): string => table[key][language];
  return {
    language,
    w,
    report: (key: keyof typeof REPORT_WORDS) => REPORT_WORDS[key][language],
    count: (n: number): string => (forExport && shownCount(n) === 'fewerThan5' ? REPORT_WORDS.fewerThan5[language] : format.number(n)),
    /** A share, or nothing where its group is not shown. */
    share: (value: number | null, of: number): string => (value === null || (forExport && shownCount(of) === 'fewerThan5') ? '' : format.percent(value)),
    group: (dimension: Dimension, key: string): string => groupLabel(dimension, key, language),
    reason: (key: string): string => (key in REASON_WORDS ? w(REASON_WORDS, key as keyof typeof REASON_WORDS) : key),
    country: (code: string): string => countryName(code, language),
  };
}
