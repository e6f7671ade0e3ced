import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CefrLevel, FundingTrack } from '../../shared/domain/listed-values';

export interface ListedValueText {
  /** A language level as read ("C1", "Native", "None"). */
  level(level: CefrLevel): string;
  /** A funding track as read ("NATO-funded", "Grant-funded"); 'unknown' for one the export did not make readable. */
  funding(track: FundingTrack | 'unknown'): string;
}

/** The words for the values the export lists (levels, funding), wherever they show: tables, filters, charts. */
export function useListedValueText(): ListedValueText {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      level: (level) => (level === 'none' ? t('values.level.none') : level === 'native' ? t('values.level.native') : level),
      funding: (track) => t(`values.funding.${track}`),
    }),
    [t],
  );
}
