import { Field, Radio, RadioGroup, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VERDICTS, type ScreeningVerdict } from '../../shared/api/contract';
import { useApiMutation } from '../api/hooks';
import { fieldIssues } from '../components/fieldIssues';
import { FormDialog, FormDialogForm } from '../components/FormDialog';
import { useNotify } from '../components/Notify';
import { TEXT_LIMITS } from '../../shared/api/text-limits';

/** The contract's minimum, checked here too so the officer learns it before sending. */
const { min: MIN_JUSTIFICATION, max: MAX_JUSTIFICATION } = TEXT_LIMITS.overrideJustification;

export interface OverrideTarget {
  refs: number[];
  /** The Application ID when one application is overridden (for the title). */
  applicationId?: string;
  /** The standing override of each as the officer saw it (its id, 0 for none): refused if one changed meanwhile. */
  seen: { ref: number; version: number }[];
}

interface Props {
  target: OverrideTarget | null;
  onClose: () => void;
  onDone: (overridden: number) => void;
  /** Another officer overrode one of them meanwhile: the page shows the new state (the dialog says so). */
  onChangedMeanwhile?: () => void;
}

/** Overrides one or many verdicts with a mandatory justification (audited by the service). */
export function OverrideDialog({ target, onClose, onDone, onChangedMeanwhile }: Props) {
  // Opened by state, not by a DialogTrigger: focus goes back to the button marked as the restore target.
  return (
    <FormDialog open={target !== null} onClose={onClose} restoreFocus>
      {target ? <OverrideForm target={target} onDone={onDone} onChangedMeanwhile={onChangedMeanwhile} /> : null}
    </FormDialog>
  );
}

function OverrideForm({ target, onDone, onChangedMeanwhile }: { target: OverrideTarget; onDone: (overridden: number) => void; onChangedMeanwhile?: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  // Nothing is chosen for the officer: an override is their decision, made on purpose.
  const [verdict, setVerdict] = useState<ScreeningVerdict | null>(null);
  const [justification, setJustification] = useState('');
  const [tried, setTried] = useState(false);
  const override = useApiMutation('screening.override');
  const error = override.error ?? null;

  const tooShort = justification.trim().length < MIN_JUSTIFICATION;

  async function submit() {
    setTried(true);
    if (tooShort || verdict === null) return;
    const result = await override.run({ refs: target.refs, verdict, justification: justification.trim(), seen: target.seen });
    if (!result.ok) {
      if (result.error.kind === 'ChangedMeanwhile') onChangedMeanwhile?.();
      return;
    }
    notify.success(t('screening.overrideDialog.done', { count: result.value.overridden }));
    onDone(result.value.overridden);
  }

  const issues = fieldIssues(error);
  const justificationMessage = tried && tooShort ? t('screening.overrideDialog.tooShort') : issues.get('justification');
  // What no field explains goes to the form's error bar.
  const general = error && !issues.has('justification') ? error : null;
  const title =
    target.refs.length === 1 && target.applicationId
      ? t('screening.overrideDialog.title', { id: target.applicationId })
      : t('screening.overrideDialog.titleMany', { count: target.refs.length });

  return (
    <FormDialogForm title={title} submitLabel={t('screening.overrideDialog.confirm')} onSubmit={submit} error={general}>
      <p>{t('screening.overrideDialog.intro')}</p>
      <Field
        label={t('screening.overrideDialog.verdict')}
        required
        validationMessage={tried && verdict === null ? t('screening.overrideDialog.chooseVerdict') : undefined}
        validationState={tried && verdict === null ? 'error' : 'none'}
      >
        <RadioGroup value={verdict ?? ''} onChange={(_e, data) => setVerdict(data.value as ScreeningVerdict)}>
          {VERDICTS.map((v) => (
            <Radio key={v} value={v} label={t(`screening.verdict.${v}`)} />
          ))}
        </RadioGroup>
      </Field>
      <Field
        label={t('screening.overrideDialog.justification')}
        required
        hint={t('screening.overrideDialog.justificationHint')}
        validationMessage={justificationMessage}
        validationState={justificationMessage ? 'error' : 'none'}
      >
        <Textarea
          value={justification}
          maxLength={MAX_JUSTIFICATION}
          resize="vertical"
          rows={4}
          autoFocus
          onChange={(_e, data) => {
            setJustification(data.value);
            override.reset();
          }}
        />
      </Field>
    </FormDialogForm>
  );
}
