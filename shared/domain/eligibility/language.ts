import { CEFR_LEVELS, levelRank, type CefrLevel } from '../listed-values';
import type { LanguageLevel } from '../settings';
import type { Criterion } from './types';
import { fail, pass, review, shared } from './results';

/** Levels from none to native; a level meets a requirement when it ranks at or above it. */
// Looked up 100,000 times per screening: a table, not indexOf.
const RANK = Object.fromEntries(CEFR_LEVELS.map((l) => [l, levelRank(l)])) as Record<CefrLevel, number>;

export function meetsLevel(level: CefrLevel | null, required: LanguageLevel): boolean {
  return level !== null && RANK[level] >= RANK[required];
}

/**
 * Language: English or French at the required level (C1 by default: C1, C2 or native). A value
 * that is not a level ("Fluent") is for an officer; an empty one means no knowledge.
 */
export const languageCriterion: Criterion = (application, settings) => {
  const { englishLevel, frenchLevel } = application.parsed;
  const english = application.raw.englishLevel.trim();
  const french = application.raw.frenchLevel.trim();
  const requiredLevel = settings.requiredLanguageLevel;
  // The result follows from these four values alone, and a campaign has few combinations of them.
  // The English text is length-prefixed so that no two pairs of texts make the same id.
  const id = `language|${requiredLevel}|${englishLevel ?? `?${english.length}:${english}`}|${frenchLevel ?? `?${french}`}`;
  return shared(id, () => {
    if (englishLevel !== null && meetsLevel(englishLevel, requiredLevel)) return pass('language', 'language.passEnglish', { level: englishLevel, requiredLevel });
    if (frenchLevel !== null && meetsLevel(frenchLevel, requiredLevel)) return pass('language', 'language.passFrench', { level: frenchLevel, requiredLevel });
    if (englishLevel === null && frenchLevel === null) return review('language', 'LANGUAGE_UNKNOWN', 'language.unknownBoth', { englishValue: english, frenchValue: french });
    if (englishLevel === null) return review('language', 'LANGUAGE_UNKNOWN', 'language.unknownEnglish', { value: english });
    if (frenchLevel === null) return review('language', 'LANGUAGE_UNKNOWN', 'language.unknownFrench', { value: french });
    return fail('language', 'LANGUAGE', 'language.fail', { englishLevel, frenchLevel, requiredLevel });
  });
};
