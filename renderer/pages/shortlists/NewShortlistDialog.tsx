import { Dropdown, Field, Input, Option } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DIVISIONS, type DivisionCode } from '../../../shared/domain/divisions';
import { useApiMutation } from '../../api/hooks';
import { fieldIssues } from '../../components/fieldIssues';
import { FormDialog, FormDialogForm } from '../../components/FormDialog';
import { useQueueName } from '../overview/queueName';

interface Props {
  open: boolean;
  campaignId: number;
  onClose: () => void;
  onCreated: (id: number) => void;
}

/** A division's shortlist, drafted from the applications proposed in its triage (one position's, if named). */
export function NewShortlistDialog({ open, campaignId, onClose, onCreated }: Props) {
  return (
    <FormDialog open={open} onClose={onClose}>
      <NewShortlistForm campaignId={campaignId} onCreated={onCreated} />
    </FormDialog>
  );
}

function NewShortlistForm({ campaignId, onCreated }: { campaignId: number; onCreated: (id: number) => void }) {
  const { t } = useTranslation();
  const divisionName = useQueueName();
  const [division, setDivision] = useState<DivisionCode | null>(null);
  const [position, setPosition] = useState('');
  const [tried, setTried] = useState(false);
  const create = useApiMutation('shortlists.create');

  async function submit() {
    setTried(true);
    if (division === null) return;
    const result = await create.run({ campaignId, division, position: position.trim() === '' ? null : position.trim() });
    if (result.ok) onCreated(result.value.id);
  }

  const issues = fieldIssues(create.error ?? null);
  const divisionMessage = tried && division === null ? t('shortlists.newDialog.chooseDivision') : issues.get('division');
  const general = create.error && !issues.has('division') && !issues.has('position') ? create.error : null;
  return (
    <FormDialogForm title={t('shortlists.newDialog.title')} submitLabel={t('shortlists.newDialog.create')} onSubmit={submit} error={general} busy={create.pending}>
      <p>{t('shortlists.newDialog.explain')}</p>
      <Field label={t('shortlists.newDialog.division')} required validationMessage={divisionMessage} validationState={divisionMessage ? 'error' : 'none'}>
        <Dropdown
          autoFocus
          placeholder={t('shortlists.newDialog.divisionPlaceholder')}
          value={division ? divisionName(division) : ''}
          selectedOptions={division ? [division] : []}
          onOptionSelect={(_e, data) => setDivision((data.optionValue as DivisionCode | undefined) ?? null)}
        >
          {DIVISIONS.map((d) => (
            <Option key={d.code} value={d.code}>
              {divisionName(d.code)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t('shortlists.newDialog.position')} hint={t('shortlists.newDialog.positionHint')} validationMessage={issues.get('position')}>
        <Input value={position} maxLength={200} onChange={(_e, data) => setPosition(data.value)} />
      </Field>
    </FormDialogForm>
  );
}
