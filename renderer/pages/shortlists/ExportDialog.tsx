import { Field, Input, Radio, RadioGroup, Switch } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiCallError, toErrorData, type AppErrorData } from '../../../shared/api/errors';
import { DEFAULT_REPLY_DAYS, type ShortlistDetail } from '../../../shared/api/shortlists';
import { brusselsDate } from '../../../shared/domain/datetime';
import { weekdayAfter } from '../../../shared/domain/shortlist-status';
import { useClient } from '../../api/ClientContext';
import { useSaveFile } from '../../api/useSaveFile';
import { DateField } from '../../components/DateField';
import { fieldIssues } from '../../components/fieldIssues';
import { FormDialog, FormDialogForm } from '../../components/FormDialog';

interface Props {
  open: boolean;
  list: ShortlistDetail;
  onClose: () => void;
}

/**
 * Sends a shortlist to its hiring manager: the workbook (or an Outlook draft with it attached) and
 * the record of what went to whom, with the reply date the shortlist then counts down to.
 */
export function ExportDialog({ open, list, onClose }: Props) {
  return (
    <FormDialog open={open} onClose={onClose}>
      <ExportForm list={list} onDone={onClose} />
    </FormDialog>
  );
}

function ExportForm({ list, onDone }: { list: ShortlistDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const saveFile = useSaveFile();
  const previous = list.lastExport;
  const [managerName, setManagerName] = useState(previous?.managerName ?? '');
  const [managerEmail, setManagerEmail] = useState(previous?.managerEmail ?? '');
  const [replyBy, setReplyBy] = useState(() => weekdayAfter(brusselsDate(new Date().toISOString()), DEFAULT_REPLY_DAYS));
  const [blind, setBlind] = useState(previous?.blind ?? false);
  const [format, setFormat] = useState<'xlsx' | 'eml'>('xlsx');
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);

  const nameMissing = managerName.trim() === '' && managerEmail.trim() !== '';
  const emailMissing = format === 'eml' && managerEmail.trim() === '';

  async function submit() {
    setTried(true);
    setError(null);
    if (replyBy === '' || nameMissing || emailMissing) return;
    const manager = managerName.trim() === '' ? null : { name: managerName.trim(), email: managerEmail.trim() === '' ? null : managerEmail.trim() };
    const suggested = `${list.division}${list.position ? ` ${list.position}` : ''} shortlist.${format}`;
    try {
      const saved = await saveFile(suggested, async (target) => (await client.call('shortlists.export', { id: list.id, blind, manager, replyBy, format, target, seen: list.entries.map((e) => ({ ref: e.ref, version: e.version })) })).file);
      if (saved) onDone();
    } catch (caught) {
      setError(caught instanceof ApiCallError ? caught.data : toErrorData(caught));
    }
  }

  const issues = fieldIssues(error);
  const general = error && ![...issues.keys()].some((k) => k.startsWith('manager') || k === 'replyBy') ? error : null;
  const nameMessage = tried && nameMissing ? t('shortlists.export.nameMissing') : issues.get('manager.name');
  const emailMessage = tried && emailMissing ? t('shortlists.export.emailMissing') : issues.get('manager.email');
  const replyMessage = tried && replyBy === '' ? t('shortlists.export.replyByMissing') : issues.get('replyBy');
  return (
    <FormDialogForm title={t('shortlists.export.title', { count: list.entries.length })} submitLabel={format === 'eml' ? t('shortlists.export.submitDraft') : t('shortlists.export.submit')} onSubmit={submit} error={general}>
      <p>{t('shortlists.export.explain')}</p>
      <Field label={t('shortlists.export.managerName')} validationMessage={nameMessage} validationState={nameMessage ? 'error' : 'none'}>
        <Input autoFocus value={managerName} maxLength={200} onChange={(_e, d) => setManagerName(d.value)} />
      </Field>
      <Field label={t('shortlists.export.managerEmail')} required={format === 'eml'} validationMessage={emailMessage} validationState={emailMessage ? 'error' : 'none'}>
        <Input type="email" value={managerEmail} maxLength={320} onChange={(_e, d) => setManagerEmail(d.value)} />
      </Field>
      <Field label={t('shortlists.export.replyBy')} required validationMessage={replyMessage} validationState={replyMessage ? 'error' : 'none'}>
        <DateField value={replyBy} onValueChange={setReplyBy} />
      </Field>
      <Field label={t('shortlists.export.blindLabel')} hint={t('shortlists.export.blindHint')}>
        <Switch checked={blind} label={blind ? t('shortlists.export.blindOn') : t('shortlists.export.blindOff')} onChange={(_e, d) => setBlind(d.checked)} />
      </Field>
      <Field label={t('shortlists.export.format')}>
        <RadioGroup value={format} onChange={(_e, d) => setFormat(d.value === 'eml' ? 'eml' : 'xlsx')}>
          <Radio value="xlsx" label={t('shortlists.export.formatXlsx')} />
          <Radio value="eml" label={t('shortlists.export.formatEml')} />
        </RadioGroup>
      </Field>
    </FormDialogForm>
  );
}
