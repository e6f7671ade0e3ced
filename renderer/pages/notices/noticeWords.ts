import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoticeState } from '../../../shared/api/notices';
import type { NoticeOutcome } from '../../../shared/domain/notice-outcome';

export interface NoticeWords {
  outcome(outcome: NoticeOutcome): string;
  state(state: NoticeState): string;
}

/** The outcomes and states of notices in the reader's language. */
export function useNoticeWords(): NoticeWords {
  const { t } = useTranslation();
  return useMemo(() => ({ outcome: (o) => t(`notices.outcome.${o}`), state: (s) => t(`notices.state.${s}`) }), [t]);
}
