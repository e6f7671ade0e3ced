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
  Radio,
  RadioGroup,
  Spinner,
  Textarea,
  useRestoreFocusSource,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { VERDICTS, type ScreeningVerdict } from '../../shared/api/contract';
import type { AppErrorData } from '../../shared/api/errors';
import { useClient } from '../api/ClientContext';
import { describeError } from '../components/describeError';
import { fieldIssues } from '../components/fieldIssues';
import { useNotify } from '../components/Notify';

/** The contract's minimum, checked here too so the officer learns it before sending. */
const MIN_JUSTIFICATION = 10;

export interface OverrideTarget {
  refs: number[];
  /** The Application ID when one application is overridden (for the title). */
  applicationId?: string;
  /** Preselected verdict: the opposite of what most of them have is a guess; 'eligible' is the common case. */
  initialVerdict?: ScreeningVerdict;
}

interface Props {
  target: OverrideTarget | null;
  onClose: () => void;
  onDone: (overridden: number) => void;
}

/** Overrides one or many verdicts with a mandatory justification (audited by the service). */
export function OverrideDialog({ target, onClose, onDone }: Props) {
  // Opened by state, not by a DialogTrigger: focus goes back to the button marked as the restore target.
  const restoreFocus = useRestoreFocusSource();
  return (
    <Dialog open={target !== null} onOpenChange={(_e, data) => (data.open ? undefined : onClose())}>
      <DialogSurface {...restoreFocus}>{target ? <OverrideForm target={target} onDone={onDone} /> : null}</DialogSurface>
    </Dialog>
  );
}

function OverrideForm({ target, onDone }: { target: OverrideTarget; onDone: (overridden: number) => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const notify = useNotify();
  const [verdict, setVerdict] = useState<ScreeningVerdict>(target.initialVerdict ?? 'eligible');
  const [justification, setJustification] = useState('');
  const [tried, setTried] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);

  const tooShort = justification.trim().length < MIN_JUSTIFICATION;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (tooShort) return;
    setPending(true);
    const result = await client.tryCall('screening.override', { refs: target.refs, verdict, justification: justification.trim() });
    setPending(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    notify.success(t('screening.overrideDialog.done', { count: result.value.overridden }));
    onDone(result.value.overridden);
  }

  const issues = fieldIssues(error);
  const justificationMessage = tried && tooShort ? t('screening.overrideDialog.tooShort') : issues.get('justification');
  const general = error && !issues.has('justification') ? describeError(t, error).message : undefined;
  const title =
    target.refs.length === 1 && target.applicationId
      ? t('screening.overrideDialog.title', { id: target.applicationId })
      : t('screening.overrideDialog.titleMany', { count: target.refs.length });

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <DialogBody>
        <DialogTitle>{title}</DialogTitle>
        <DialogContent>
          <p>{t('screening.overrideDialog.intro')}</p>
          <Field label={t('screening.overrideDialog.verdict')} required>
            <RadioGroup value={verdict} onChange={(_e, data) => setVerdict(data.value as ScreeningVerdict)}>
              {VERDICTS.map((v) => (
                <Radio key={v} value={v} label={t(`screening.verdict.${v}`)} />
              ))}
            </RadioGroup>
          </Field>
          <Field
            label={t('screening.overrideDialog.justification')}
            required
            hint={t('screening.overrideDialog.justificationHint')}
            validationMessage={justificationMessage ?? general}
            validationState={justificationMessage || general ? 'error' : 'none'}
          >
            <Textarea
              value={justification}
              maxLength={2000}
              resize="vertical"
              rows={4}
              autoFocus
              onChange={(_e, data) => {
                setJustification(data.value);
                setError(null);
              }}
            />
          </Field>
        </DialogContent>
        <DialogActions>
          <DialogTrigger disableButtonEnhancement>
            <Button appearance="secondary">{t('common.cancel')}</Button>
          </DialogTrigger>
          <Button appearance="primary" type="submit" disabled={pending} icon={pending ? <Spinner size="tiny" /> : undefined}>
            {t('screening.overrideDialog.confirm')}
          </Button>
        </DialogActions>
      </DialogBody>
    </form>
  );
}
