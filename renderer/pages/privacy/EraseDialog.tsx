import { Field, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErasureResult, PersonFound } from '../../../shared/api/privacy';
import { useApiMutation } from '../../api/hooks';
import { fieldIssues } from '../../components/fieldIssues';
import { FormDialog, FormDialogForm } from '../../components/FormDialog';

/** The contract's bounds on the reason, checked here too so the officer learns them before sending. */
const MIN_REASON = 3;
const MAX_REASON = 500;

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, maxHeight: '10rem', overflowY: 'auto' },
  id: { fontVariantNumeric: 'tabular-nums' },
});

interface Props {
  open: boolean;
  campaignId: number;
  /** The Application ID the person was found by. */
  applicationId: string;
  person: PersonFound;
  onClose: () => void;
  onErased: (result: ErasureResult) => void;
}

/** Erases a person's personal data on their request, with a reason that will outlive it. */
export function EraseDialog({ open, onClose, ...rest }: Props) {
  return (
    <FormDialog open={open} onClose={onClose}>
      <EraseForm {...rest} />
    </FormDialog>
  );
}

function EraseForm({ campaignId, applicationId, person, onErased }: Omit<Props, 'open' | 'onClose'>) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const erase = useApiMutation('privacy.erasePerson');
  const tooShort = reason.trim().length < MIN_REASON;
  const count = person.applications.length;

  async function submit() {
    setTried(true);
    if (tooShort) return;
    const result = await erase.run({ campaignId, applicationId, reason: reason.trim() });
    if (result.ok) onErased(result.value);
  }

  const issues = fieldIssues(erase.error);
  const reasonMessage = tried && tooShort ? t('privacy.erase.reasonMissing') : issues.get('reason');
  // The services' own words too: a reason refused for naming the person says what to write instead.
  const general = erase.error ?? null;

  return (
    <FormDialogForm title={t('privacy.erase.title', { name: person.name })} submitLabel={t('privacy.erase.confirm', { count, n: count })} onSubmit={submit} error={general}>
      <p>{t('privacy.erase.intro', { count })}</p>
      <ul className={styles.list} aria-label={t('privacy.erase.listLabel')}>
        {person.applications.map((a) => (
          <li key={a.ref}>
            <span className={styles.id}>{a.applicationId}</span> · {a.campaignName} · {a.division}
          </li>
        ))}
      </ul>
      <p>{t('privacy.erase.kept')}</p>
      <Field
        label={t('privacy.erase.reason')}
        required
        hint={t('privacy.erase.reasonHint')}
        validationMessage={reasonMessage}
        validationState={reasonMessage ? 'error' : 'none'}
      >
        <Textarea
          value={reason}
          maxLength={MAX_REASON}
          resize="vertical"
          rows={3}
          autoFocus
          onChange={(_e, data) => {
            setReason(data.value);
            erase.reset();
          }}
        />
      </Field>
    </FormDialogForm>
  );
}
