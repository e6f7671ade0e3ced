import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Input,
  Spinner,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Campaign } from '../../shared/api/contract';
import { useApiMutation } from '../api/hooks';
import { describeError } from '../components/describeError';
import { fieldIssues } from '../components/fieldIssues';
import { TEXT_LIMITS } from '../../shared/api/text-limits';

interface Props {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCreated: (campaign: Campaign) => void;
}

export function NewCampaignDialog({ open, onOpenChange, onCreated }: Props) {
  return (
    <Dialog open={open} onOpenChange={(_e, data) => onOpenChange(data.open)}>
      <DialogSurface>
        {/* Mounted only while open, so every opening starts with an empty form. */}
        <NewCampaignForm onCreated={onCreated} />
      </DialogSurface>
    </Dialog>
  );
}

function NewCampaignForm({ onCreated }: { onCreated: (campaign: Campaign) => void }) {
  const { t } = useTranslation();
  const create = useApiMutation('campaign.create');
  const [name, setName] = useState('');
  const [emptyName, setEmptyName] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (name.trim() === '') {
      setEmptyName(true);
      return;
    }
    const result = await create.run({ name: name.trim() });
    if (result.ok) onCreated(result.value);
  }

  const { pending, error } = create;

  const issues = fieldIssues(error);
  const nameMessage = emptyName ? t('newCampaign.nameRequired') : issues.get('name');
  const general = error && !issues.has('name') ? describeError(t, error).message : undefined;

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <DialogBody>
        <DialogTitle>{t('newCampaign.title')}</DialogTitle>
        <DialogContent>
          <p>{t('newCampaign.intro')}</p>
          <Field
            label={t('newCampaign.name')}
            required
            hint={t('newCampaign.nameHint')}
            validationMessage={nameMessage ?? general}
            validationState={nameMessage || general ? 'error' : 'none'}
          >
            <Input
              value={name}
              maxLength={TEXT_LIMITS.campaignName.max}
              autoFocus
              onChange={(_e, data) => {
                setName(data.value);
                setEmptyName(false);
              }}
            />
          </Field>
        </DialogContent>
        <DialogActions>
          <DialogTrigger disableButtonEnhancement>
            <Button appearance="secondary">{t('common.cancel')}</Button>
          </DialogTrigger>
          <Button
            appearance="primary"
            type="submit"
            disabled={pending}
            icon={pending ? <Spinner size="tiny" /> : undefined}
          >
            {t('newCampaign.create')}
          </Button>
        </DialogActions>
      </DialogBody>
    </form>
  );
}
