import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Spinner,
  makeStyles,
  mergeClasses,
  tokens,
  useRestoreFocusSource,
} from '@fluentui/react-components';
import { useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '../../shared/api/errors';
import { ErrorBar } from './ErrorBar';

/**
 * The frame every form dialog repeats: a Fluent dialog whose form has a title, its fields, an
 * error bar for what no field explains, Cancel and a primary submit button that shows it is busy.
 * In two parts, because each opening must start from a fresh form: `FormDialog` is the dialog and
 * mounts its children only while open; the child component holds the form's state and renders
 * `FormDialogForm`.
 */

const useStyles = makeStyles({
  content: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    '& > p': { margin: 0 },
  },
  // A button label broken over two lines reads as two buttons.
  nowrap: { whiteSpace: 'nowrap' },
});

interface FormDialogProps {
  open: boolean;
  /** Escape, Cancel and a click on the backdrop all close it. */
  onClose: () => void;
  /**
   * Dialogs opened by state rather than a DialogTrigger do not know where focus was: with this,
   * focus goes back to the element marked with useRestoreFocusTarget (Fluent's restorer).
   */
  restoreFocus?: boolean;
  children: ReactNode;
}

export function FormDialog({ open, onClose, restoreFocus = true, children }: FormDialogProps) {
  const restoreSource = useRestoreFocusSource();
  return (
    <Dialog open={open} onOpenChange={(_e, data) => (data.open ? undefined : onClose())}>
      <DialogSurface {...(restoreFocus ? restoreSource : {})}>{open ? children : null}</DialogSurface>
    </Dialog>
  );
}

interface FormDialogFormProps {
  /** Names the dialog for screen readers too (Fluent labels the dialog by its title). */
  title: ReactNode;
  submitLabel: string;
  /** Checks and sends the form; the submit button shows it is busy until the promise settles. */
  onSubmit: () => void | Promise<void>;
  /** An error no field explains (the service refused, the database is gone…): shown above the buttons. */
  error?: AppErrorData | null;
  /** Busy for a reason of the caller's own (e.g. still loading what the form edits). */
  busy?: boolean;
  contentClassName?: string;
  /** The fields. */
  children: ReactNode;
}

export function FormDialogForm({ title, submitLabel, onSubmit, error, busy: callerBusy = false, contentClassName, children }: FormDialogFormProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [sending, setSending] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const busy = sending || callerBusy;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setSending(true);
    try {
      await onSubmit();
    } finally {
      setSending(false);
    }
  }

  // Enter submits from a one-line field (the browser does it); Ctrl/Cmd+Enter submits from
  // anywhere, a multi-line text included, so a keyboard user never has to Tab to the button.
  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.nativeEvent.isComposing) {
      event.preventDefault();
      formRef.current?.requestSubmit();
    }
  }

  return (
    <form ref={formRef} onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown} noValidate>
      <DialogBody>
        <DialogTitle>{title}</DialogTitle>
        <DialogContent className={mergeClasses(styles.content, contentClassName)}>
          {children}
          {error ? <ErrorBar error={error} /> : null}
        </DialogContent>
        <DialogActions>
          <DialogTrigger disableButtonEnhancement>
            <Button appearance="secondary" className={styles.nowrap}>
              {t('common.cancel')}
            </Button>
          </DialogTrigger>
          <Button appearance="primary" type="submit" className={styles.nowrap} disabled={busy} icon={busy ? <Spinner size="tiny" /> : undefined}>
            {submitLabel}
          </Button>
        </DialogActions>
      </DialogBody>
    </form>
  );
}
