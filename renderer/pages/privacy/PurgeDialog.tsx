import { Checkbox, Field, MessageBar, MessageBarBody, ProgressBar, Spinner } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PurgeResult, RetentionState } from '../../../shared/api/privacy';
import { useApiMutation } from '../../api/hooks';
import { FormDialog, FormDialogForm } from '../../components/FormDialog';
import { useFormat } from '../../i18n/format';
import { usePurgeProgress } from './usePurgeProgress';

interface Props {
  open: boolean;
  campaignName: string;
  retention: RetentionState;
  onClose: () => void;
  onPurged: (result: PurgeResult) => void;
}

/**
 * Removes every applicant's personal data from the campaign. Before the retention has passed the
 * office must say it means it (a checkbox), and the services are told so (`beforeDue`).
 */
export function PurgeDialog({ open, onClose, ...rest }: Props) {
  return (
    <FormDialog open={open} onClose={onClose}>
      <PurgeForm {...rest} />
    </FormDialog>
  );
}

function PurgeForm({ campaignName, retention, onPurged }: Omit<Props, 'open' | 'onClose'>) {
  const { t } = useTranslation();
  const format = useFormat();
  const purge = useApiMutation('privacy.purgeCampaign');
  const progress = usePurgeProgress(purge.pending);
  const [meant, setMeant] = useState(false);
  const [tried, setTried] = useState(false);
  const early = !retention.due;

  async function submit() {
    setTried(true);
    if (early && !meant) return;
    const result = await purge.run({ campaignId: retention.campaignId, beforeDue: early });
    if (result.ok) onPurged(result.value);
  }

  const notYet =
    retention.purgeDueOn === null ? t('privacy.purge.stillOpen') : t('privacy.purge.notDue', { date: format.date(retention.purgeDueOn) });
  return (
    <FormDialogForm title={t('privacy.purge.title', { campaign: campaignName })} submitLabel={t('privacy.purge.confirm')} onSubmit={submit} error={purge.error ?? null}>
      <p>{t('privacy.purge.intro', { count: retention.applications, n: format.number(retention.applications) })}</p>
      <p>{t('privacy.purge.kept')}</p>
      {early ? (
        <>
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{notYet}</MessageBarBody>
          </MessageBar>
          <Field
            required
            validationMessage={tried && !meant ? t('privacy.purge.tickToConfirm') : undefined}
            validationState={tried && !meant ? 'error' : 'none'}
          >
            <Checkbox checked={meant} onChange={(_e, d) => setMeant(d.checked === true)} label={t('privacy.purge.beforeDue')} />
          </Field>
        </>
      ) : null}
      {purge.pending ? (
        progress.total === 0 ? (
          <Spinner size="small" label={t('privacy.purge.running')} />
        ) : (
          <Field label={t('privacy.purge.running')} hint={t('privacy.purge.progress', { done: format.number(progress.done), total: format.number(progress.total) })}>
            <ProgressBar value={progress.done} max={progress.total} thickness="large" />
          </Field>
        )
      ) : null}
    </FormDialogForm>
  );
}
