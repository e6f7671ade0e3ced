import { Field, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiCallError, toErrorData, type AppErrorData } from '../../shared/api/errors';
import { fieldIssues } from '../components/fieldIssues';
import { FormDialog, FormDialogForm } from '../components/FormDialog';
import { TEXT_LIMITS } from '../../shared/api/text-limits';

/** The contract's maximum, enforced by the field so the officer never loses a long note to a refusal. */
const MAX_NOTE = TEXT_LIMITS.note.max;
/** macOS says ⌘ where Windows says Ctrl. */
const SAVE_KEYS = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent) ? '⌘+Enter' : 'Ctrl+Enter';

interface Props {
  open: boolean;
  /** Which application the note is on, for the title ("NIP-2025-00012-1 Anna Müller"). */
  applicationLabel: string;
  /** Saves the note; the dialog closes once it resolves, and stays open with the error if it rejects. */
  onSubmit: (text: string) => Promise<void>;
  onClose: () => void;
  /** The longest note the method saving it takes (the triage note's, unless said). */
  maxLength?: number;
}

/** A note on an application: type, Ctrl/Cmd+Enter saves, Esc cancels. */
export function NoteDialog({ open, applicationLabel, onSubmit, onClose, maxLength = MAX_NOTE }: Props) {
  return (
    <FormDialog open={open} onClose={onClose}>
      <NoteForm applicationLabel={applicationLabel} onSubmit={onSubmit} onSaved={onClose} maxLength={maxLength} />
    </FormDialog>
  );
}

function NoteForm({ applicationLabel, onSubmit, onSaved, maxLength }: { applicationLabel: string; onSubmit: (text: string) => Promise<void>; onSaved: () => void; maxLength: number }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const empty = text.trim() === '';

  async function submit() {
    setTried(true);
    if (empty) return;
    try {
      await onSubmit(text.trim());
    } catch (caught) {
      // client.call rejects with the service's error wrapped: keep its code (and field issues).
      setError(caught instanceof ApiCallError ? caught.data : toErrorData(caught));
      return;
    }
    onSaved();
  }

  const issues = fieldIssues(error);
  const message = tried && empty ? t('triageDetail.note.empty') : issues.get('text');
  const general = error && !issues.has('text') ? error : null;

  return (
    <FormDialogForm title={t('triageDetail.note.title', { label: applicationLabel.trim() })} submitLabel={t('triageDetail.note.save')} onSubmit={submit} error={general}>
      <Field
        label={t('triageDetail.note.label')}
        required
        hint={t('triageDetail.note.hint', { keys: SAVE_KEYS })}
        validationMessage={message}
        validationState={message ? 'error' : 'none'}
      >
        <Textarea
          value={text}
          maxLength={maxLength}
          resize="vertical"
          rows={5}
          autoFocus
          onChange={(_e, data) => {
            setText(data.value);
            setError(null);
          }}
        />
      </Field>
    </FormDialogForm>
  );
}
