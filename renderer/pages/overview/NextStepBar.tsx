import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { NextStep } from '../../../shared/api/contract';
import { UNASSIGNED_QUEUE } from '../../../shared/domain/stages';
import { useFormat } from '../../i18n/format';
import { pageHref } from '../../shell/routes';
import { openQueue } from '../triage/queueChoice';
import { useQueueName } from './queueName';

/** The one thing the office should do next, in words, with the button that goes there. */
export function NextStepBar({ step }: { step: NextStep }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queueName = useQueueName();
  const goTo = (page: 'screening' | 'shortlists') => () => {
    window.location.hash = pageHref(page);
  };

  let text: string;
  let action: { label: string; run: () => void } | null = null;
  switch (step.kind) {
    case 'import':
      text = t('overview.next.import');
      break;
    case 'screen':
      text = step.count > 0 ? t('overview.next.screenCount', { count: step.count, n: format.number(step.count) }) : t('overview.next.screen');
      break;
    case 'staleOverrides':
      text = t('overview.next.staleOverrides', { count: step.count, n: format.number(step.count) });
      action = { label: t('overview.next.openScreening'), run: goTo('screening') };
      break;
    case 'review':
      text = t('overview.next.review', { count: step.count, n: format.number(step.count) });
      action = { label: t('overview.next.openScreening'), run: goTo('screening') };
      break;
    case 'assignDivision':
      text = t('overview.next.assignDivision', { count: step.count, n: format.number(step.count) });
      action = { label: t('overview.next.openQueue', { queue: queueName(UNASSIGNED_QUEUE) }), run: () => openQueue(UNASSIGNED_QUEUE) };
      break;
    case 'triage':
    case 'finishTriage':
      text = t(`overview.next.${step.kind}`, { count: step.count, n: format.number(step.count), queue: queueName(step.queue) });
      action = { label: t('overview.next.openQueue', { queue: step.queue }), run: () => openQueue(step.queue) };
      break;
    case 'shortlists':
      text = t('overview.next.shortlists', { count: step.count, n: format.number(step.count) });
      action = { label: t('overview.next.openShortlists'), run: goTo('shortlists') };
      break;
    case 'done':
      text = t('overview.next.done');
      break;
  }

  return (
    <MessageBar
      intent={step.kind === 'done' ? 'success' : 'info'}
      layout="multiline"
      icon={step.kind === 'screen' ? <Spinner size="extra-tiny" /> : undefined} data-testid="overview-next" data-step={step.kind}>
      <MessageBarBody>
        <MessageBarTitle>{t('overview.next.title')}</MessageBarTitle>
        {text}
      </MessageBarBody>
      {action ? (
        <MessageBarActions>
          <Button appearance="primary" onClick={action.run}>
            {action.label}
          </Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
