import { Field, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDialog, FormDialogForm } from '../../components/FormDialog';

/** Application IDs as an officer pastes them: one per line, or separated by commas, semicolons or spaces. */
export function applicationIdsIn(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).map((s) => s.trim()).filter((s) => s !== ''))];
}

interface Props {
  open: boolean;
  /** Notices in the batch. */
  count: number;
  onClose: () => void;
  onSubmit: (applicationIds: string[]) => Promise<void>;
}

/** Marks a batch sent but for the notices of some applications (drafts the office did not send). */
export function ExceptDialog({ open, count, onClose, onSubmit }: Props) {
  return (
    <FormDialog open={open} onClose={onClose}>
      <ExceptForm count={count} onSubmit={onSubmit} />
    </FormDialog>
  );
}

function ExceptForm({ count, onSubmit }: { count: number; onSubmit: (applicationIds: string[]) => Promise<void> }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const ids = applicationIdsIn(text);
  return (
    <FormDialogForm title={t('notices.exceptDialog.title', { count })} submitLabel={t('notices.exceptDialog.submit', { count: ids.length })} onSubmit={() => onSubmit(ids)}>
      <Field label={t('notices.exceptDialog.label')} hint={t('notices.idsHint')}>
        <Textarea autoFocus rows={5} value={text} onChange={(_e, d) => setText(d.value)} />
      </Field>
    </FormDialogForm>
  );
}
