import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShortlistSummary } from '../../../shared/api/shortlists';
import { shortlistStatus } from '../../../shared/domain/shortlist-status';
import type { SelectionMove } from '../../../shared/domain/selection-moves';
import { useFormat } from '../../i18n/format';

export interface ShortlistWords {
  /** "DI shortlist", "DI – Cyber policy". */
  title(list: Pick<ShortlistSummary, 'division' | 'position'>): string;
  /** Where the list stands with its hiring manager, and whether that needs the office ("reply overdue by 2 days"). */
  status(list: ShortlistSummary, now: string): { text: string; attention: boolean };
  move(move: SelectionMove): string;
}

export function useShortlistWords(): ShortlistWords {
  const { t } = useTranslation();
  const format = useFormat();
  return useMemo(
    () => ({
      title: (list) => (list.position ? t('shortlists.titleWithPosition', { division: list.division, position: list.position }) : t('shortlists.titleDivision', { division: list.division })),
      status(list, now) {
        const status = shortlistStatus(list, now);
        switch (status.kind) {
          case 'draft':
            return { text: t('shortlists.status.draft'), attention: false };
          case 'awaiting':
            return { text: t('shortlists.status.awaiting', { count: status.sentDaysAgo, replyBy: format.date(status.replyBy) }), attention: false };
          case 'overdue':
            return { text: t('shortlists.status.overdue', { count: status.daysOverdue, replyBy: format.date(status.replyBy) }), attention: true };
          case 'replied':
            return { text: t('shortlists.status.replied', { count: status.repliedDaysAgo }), attention: false };
          case 'closed':
            return { text: t('shortlists.status.closed'), attention: false };
        }
      },
      move: (move) => t(`shortlists.move.${move}`),
    }),
    [t, format],
  );
}
