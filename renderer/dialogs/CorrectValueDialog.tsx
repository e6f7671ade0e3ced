import { Field, Input, MessageBar, MessageBarBody, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CorrectableField } from '../../shared/domain/application-fields';
import type { ScreeningRawField } from '../../shared/domain/eligibility/types';
import { useApiMutation } from '../api/hooks';
import { fieldIssues } from '../components/fieldIssues';
import { FormDialog, FormDialogForm } from '../components/FormDialog';
import { useNotify } from '../components/Notify';
import { TEXT_LIMITS } from '../../shared/api/text-limits';

/** The contract's minimum, checked here too so the officer learns it before sending. */
const { min: MIN_REASON, max: MAX_REASON } = TEXT_LIMITS.correctionReason;
const MAX_VALUE = TEXT_LIMITS.correctedValue.max;

/**
 * The fields the rules read (identity, criteria): correcting one of them changes the screening
 * input, so an override on the application has to be decided again. Typed against the rules' own
 * list, so a field the rules start reading fails the typecheck here until it is added.
 */
const READ_BY_RULES: Record<Exclude<ScreeningRawField, 'applicationId'>, true> = {
  candidateId: true,
  firstName: true,
  lastName: true,
  email: true,
  dateOfBirth: true,
  nationality: true,
  secondNationality: true,
  funding: true,
  submittedOn: true,
  yearsCompleted: true,
  currentlyEnrolled: true,
  degreeDate: true,
  englishLevel: true,
  frenchLevel: true,
};

function readByRules(field: CorrectableField): boolean {
  return Object.prototype.hasOwnProperty.call(READ_BY_RULES, field);
}

/** Fields whose text can run over several lines. */
const LONG_FIELDS: ReadonlySet<CorrectableField> = new Set(['motivation', 'otherLanguages']);
const DATE_FIELDS: ReadonlySet<CorrectableField> = new Set(['dateOfBirth', 'degreeDate', 'submittedOn']);
const COUNTRY_FIELDS: ReadonlySet<CorrectableField> = new Set(['nationality', 'secondNationality', 'residence']);

export interface CorrectionTarget {
  ref: number;
  applicationId: string;
  field: CorrectableField;
  /** The field's name in the interface language. */
  label: string;
  /** The value stored now (the export's, or an earlier correction). */
  current: string;
  /** What the export said, when an earlier correction is in force. */
  imported?: string;
  /** Whether an officer's override (in force or to decide again) is on the application. */
  overridden: boolean;
}

interface Props {
  target: CorrectionTarget | null;
  onClose: () => void;
  onDone: (changed: boolean) => void;
}

const useStyles = makeStyles({
  values: { margin: 0, display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS },
  dt: { fontWeight: tokens.fontWeightSemibold },
  dd: { margin: 0, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' },
  empty: { color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
  // An Application ID broken at its hyphens reads as two things.
  nowrap: { whiteSpace: 'nowrap' },
});

/** Stands for the Application ID in the translated title, to wrap the ID so that it does not break. */
const ID_MARK = '\uE000';

/** Corrects one imported value with a mandatory reason; the service re-screens the campaign and audits it. */
export function CorrectValueDialog({ target, onClose, onDone }: Props) {
  // The screening pane puts focus back on the field's "Correct…" button itself (the dialog is nested in its drawer).
  return (
    <FormDialog open={target !== null} onClose={onClose} restoreFocus={false}>
      {target ? <CorrectForm key={`${target.ref}:${target.field}`} target={target} onDone={onDone} /> : null}
    </FormDialog>
  );
}

function CorrectForm({ target, onDone }: { target: CorrectionTarget; onDone: (changed: boolean) => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const notify = useNotify();
  const [value, setValue] = useState(target.current);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const correct = useApiMutation('application.correct');
  const error = correct.error ?? null;

  const tooShort = reason.trim().length < MIN_REASON;
  // The service trims the value and changes nothing when it is the same: say so before sending.
  const unchanged = value.trim() === target.current.trim();

  async function submit() {
    setTried(true);
    if (tooShort || unchanged) return;
    // The value it shows: refused if it changed meanwhile (another officer, a newer export), rather than replaced unseen.
    const result = await correct.run({ ref: target.ref, field: target.field, value, reason: reason.trim(), seen: target.current });
    if (!result.ok) return;
    if (result.value.changed) {
      notify.success(t('screening.correctDialog.done', { field: target.label }), t('screening.correctDialog.doneBody', { id: target.applicationId }));
    } else {
      notify.info(t('screening.correctDialog.unchanged'));
    }
    onDone(result.value.changed);
  }

  const issues = fieldIssues(error);
  const valueMessage = tried && unchanged ? t('screening.correctDialog.same') : issues.get('value');
  const reasonMessage = tried && tooShort ? t('screening.correctDialog.tooShort') : issues.get('reason');
  // What no field explains goes to the form's error bar.
  const general = error && !issues.has('value') && !issues.has('reason') ? error : null;
  const hint = DATE_FIELDS.has(target.field)
    ? t('screening.correctDialog.hintDate')
    : COUNTRY_FIELDS.has(target.field)
      ? t('screening.correctDialog.hintCountry')
      : undefined;
  const [titleBefore = '', titleAfter = ''] = t('screening.correctDialog.title', { field: target.label, id: ID_MARK }).split(ID_MARK);
  const shown = (text: string) => (text.trim() === '' ? <span className={styles.empty}>{t('screening.detail.empty')}</span> : text);
  const onValue = (next: string) => {
    setValue(next);
    correct.reset();
  };

  const title = (
    <>
      {titleBefore}
      <span className={styles.nowrap}>{target.applicationId}</span>
      {titleAfter}
    </>
  );

  return (
    <FormDialogForm title={title} submitLabel={t('screening.correctDialog.confirm')} onSubmit={submit} error={general}>
      <p>{t('screening.correctDialog.intro')}</p>
      <dl className={styles.values}>
        <dt className={styles.dt}>{t('screening.correctDialog.field')}</dt>
        <dd className={styles.dd}>{target.label}</dd>
        <dt className={styles.dt}>{t('screening.correctDialog.current')}</dt>
        <dd className={styles.dd} data-testid="correct-current">
          {shown(target.current)}
        </dd>
        {target.imported !== undefined ? (
          <>
            <dt className={styles.dt}>{t('screening.correctDialog.imported')}</dt>
            <dd className={styles.dd}>{shown(target.imported)}</dd>
          </>
        ) : null}
      </dl>
      <Field label={t('screening.correctDialog.value', { field: target.label })} hint={hint} validationMessage={valueMessage} validationState={valueMessage ? 'error' : 'none'}>
        {LONG_FIELDS.has(target.field) ? (
          <Textarea value={value} maxLength={MAX_VALUE} resize="vertical" rows={4} autoFocus onChange={(_e, data) => onValue(data.value)} />
        ) : (
          <Input value={value} maxLength={MAX_VALUE} autoFocus onChange={(_e, data) => onValue(data.value)} />
        )}
      </Field>
      <Field
        label={t('screening.correctDialog.reason')}
        required
        hint={t('screening.correctDialog.reasonHint')}
        validationMessage={reasonMessage}
        validationState={reasonMessage ? 'error' : 'none'}
      >
        <Textarea
          value={reason}
          maxLength={MAX_REASON}
          resize="vertical"
          rows={3}
          onChange={(_e, data) => {
            setReason(data.value);
            correct.reset();
          }}
        />
      </Field>
      <MessageBar intent={target.overridden && readByRules(target.field) ? 'warning' : 'info'}>
        <MessageBarBody>
          {t('screening.correctDialog.rescreen')}{' '}
          {target.overridden
            ? readByRules(target.field)
              ? t('screening.correctDialog.overrideAgain')
              : t('screening.correctDialog.overrideKept')
            : t('screening.correctDialog.overrideNote')}
        </MessageBarBody>
      </MessageBar>
    </FormDialogForm>
  );
}
