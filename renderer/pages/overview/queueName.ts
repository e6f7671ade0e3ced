import { useTranslation } from 'react-i18next';
import { DIVISIONS } from '../../../shared/domain/divisions';
import { UNASSIGNED_QUEUE } from '../../../shared/domain/stages';
import { toLanguage } from '../../i18n/languages';

/** A queue as the Overview names it: "Operations Division (OPS)", or the queue without a division. */
export function useQueueName(): (queue: string) => string {
  const { t, i18n } = useTranslation();
  const language = toLanguage(i18n.resolvedLanguage ?? i18n.language);
  return (queue) => {
    if (queue === UNASSIGNED_QUEUE) return t('triage.unassigned');
    const division = DIVISIONS.find((d) => d.code === queue);
    return division ? `${division[language]} (${division.code})` : queue;
  };
}
