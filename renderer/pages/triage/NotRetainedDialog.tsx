import { Field, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NOT_RETAINED_REASONS, type NotRetainedReason } from '../../../shared/domain/stages';
import { FormDialog, FormDialogForm } from '../../components/FormDialog';
import { useTriageWords } from './triageWords';

/** The radio value of "No reason" (radios need a string). */
const NONE = 'none';

interface Props {
  open: boolean;
  /** How many applications the decision is for (the selection, or the current one). */
  count: number;
  /** Who the decision is for when it is one application ("DUPONT Marie"): named in the title. */
  applicationLabel?: string;
  /** The reason chosen, null for none; the page saves the decision and closes the dialog. */
  onChoose: (reason: NotRetainedReason | null) => void;
  onClose: () => void;
}

const useStyles = makeStyles({
  digit: {
    display: 'inline-block',
    minWidth: '1.5em',
    marginRight: tokens.spacingHorizontalS,
    textAlign: 'center',
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    backgroundColor: tokens.colorNeutralBackground3,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusSmall,
  },
});

/** X: "not retained", with an optional reason picked by a digit (0 none, 1-6 a reason) and Enter. */
export function NotRetainedDialog({ open, count, applicationLabel, onChoose, onClose }: Props) {
  return (
    <FormDialog open={open} onClose={onClose}>
      <ReasonForm count={count} applicationLabel={applicationLabel} onChoose={onChoose} />
    </FormDialog>
  );
}

function ReasonForm({ count, applicationLabel, onChoose }: { count: number; applicationLabel: string | undefined; onChoose: (reason: NotRetainedReason | null) => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const words = useTriageWords();
  const [choice, setChoice] = useState<string>(NONE);
  const groupRef = useRef<HTMLDivElement>(null);
  const options = [NONE, ...NOT_RETAINED_REASONS];

  function pick(value: string) {
    setChoice(value);
    // Focus follows the choice, so arrow keys go on from the option just picked.
    groupRef.current?.querySelector<HTMLInputElement>(`input[value="${value}"]`)?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const option = /^\d$/.test(event.key) ? options[Number(event.key)] : undefined;
    if (option !== undefined) {
      event.preventDefault();
      pick(option);
    } else if (event.key === 'Enter') {
      // Browsers do not submit a form on Enter in a radio button; here Enter is the way to confirm.
      event.preventDefault();
      event.currentTarget.closest('form')?.requestSubmit();
    }
  }

  return (
    <FormDialogForm
      title={
        count === 1 && applicationLabel !== undefined && applicationLabel.trim() !== ''
          ? t('triageDetail.notRetained.titleNamed', { name: applicationLabel.trim() })
          : t('triageDetail.notRetained.title', { count })
      }
      submitLabel={t('triageDetail.notRetained.confirm')}
      onSubmit={() => onChoose(choice === NONE ? null : (choice as NotRetainedReason))}
    >
      <Field label={t('triageDetail.notRetained.reason')} hint={t('triageDetail.notRetained.hint')}>
        <RadioGroup ref={groupRef} value={choice} onChange={(_e, data) => setChoice(data.value)} onKeyDown={onKeyDown}>
          {options.map((value, digit) => (
            <Radio
              key={value}
              value={value}
              label={
                <>
                  <kbd className={styles.digit}>{digit}</kbd>{' '}
                  {value === NONE ? t('triageDetail.notRetained.none') : words.reason(value)}
                </>
              }
            />
          ))}
        </RadioGroup>
      </Field>
    </FormDialogForm>
  );
}
