import { Field, Input, Radio, RadioGroup } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiCallError, toErrorData, type AppErrorData } from '../../../shared/api/errors';
import type { PreparedBatch } from '../../../shared/api/notices';
import type { NoticeOutcome } from '../../../shared/domain/notice-outcome';
import { useClient } from '../../api/ClientContext';
import { useSaveFile } from '../../api/useSaveFile';
import { FormDialog, FormDialogForm } from '../../components/FormDialog';
import { useNoticeWords } from './noticeWords';

interface Props {
  campaignId: number;
  /** The outcome whose owed notices to prepare; null: closed. */
  outcome: NoticeOutcome | null;
  onClose: () => void;
  onPrepared: (batch: PreparedBatch) => void;
}

/** Prepares every notice owed for one outcome: e-mail drafts into a folder, or one file for a mail merge. */
export function PrepareDialog({ campaignId, outcome, onClose, onPrepared }: Props) {
  return (
    <FormDialog open={outcome !== null} onClose={onClose}>
      {outcome ? <PrepareForm campaignId={campaignId} outcome={outcome} onPrepared={onPrepared} /> : null}
    </FormDialog>
  );
}

function PrepareForm({ campaignId, outcome, onPrepared }: { campaignId: number; outcome: NoticeOutcome; onPrepared: (batch: PreparedBatch) => void }) {
  const { t } = useTranslation();
  const words = useNoticeWords();
  const client = useClient();
  const intoFolder = useSaveFile('folder');
  const intoFile = useSaveFile('file');
  const [format, setFormat] = useState<'eml' | 'csv'>('eml');
  const [office, setOffice] = useState('');
  const [error, setError] = useState<AppErrorData | null>(null);

  async function submit() {
    setError(null);
    let prepared: PreparedBatch | null = null;
    const save = format === 'eml' ? intoFolder : intoFile;
    try {
      await save(`Notices ${outcome}.csv`, async (target) => {
        prepared = await client.call('notices.prepare', { campaignId, outcome, format, office: office.trim() === '' ? null : office.trim(), target });
        return prepared.file;
      });
    } catch (caught) {
      setError(caught instanceof ApiCallError ? caught.data : toErrorData(caught));
      return;
    }
    if (prepared) onPrepared(prepared);
  }

  return (
    <FormDialogForm title={t('notices.prepareDialog.title', { outcome: words.outcome(outcome) })} submitLabel={t('notices.prepareDialog.submit')} onSubmit={submit} error={error}>
      <p>{t('notices.prepareDialog.explain')}</p>
      <Field label={t('notices.prepareDialog.format')}>
        <RadioGroup value={format} onChange={(_e, d) => setFormat(d.value === 'csv' ? 'csv' : 'eml')}>
          <Radio value="eml" label={t('notices.prepareDialog.eml')} />
          <Radio value="csv" label={t('notices.prepareDialog.csv')} />
        </RadioGroup>
      </Field>
      <Field label={t('notices.prepareDialog.office')} hint={t('notices.prepareDialog.officeHint')}>
        <Input value={office} maxLength={500} onChange={(_e, d) => setOffice(d.value)} />
      </Field>
    </FormDialogForm>
  );
}
