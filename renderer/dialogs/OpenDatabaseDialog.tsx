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
  Radio,
  RadioGroup,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DatabaseInfo } from '../../shared/api/contract';
import { useApiMutation } from '../api/hooks';
import { describeError } from '../components/describeError';
import { fieldIssues } from '../components/fieldIssues';

type Mode = 'open' | 'create';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
});

interface Props {
  /** Which of the two the dialog starts with; the user can switch inside it. */
  mode: Mode;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onOpened: (info: DatabaseInfo, created: boolean) => void;
}

/** File > Open and File > New: another database file, by its path. */
export function OpenDatabaseDialog({ mode, open, onOpenChange, onOpened }: Props) {
  return (
    <Dialog open={open} onOpenChange={(_e, data) => onOpenChange(data.open)}>
      <DialogSurface>
        <OpenDatabaseForm initialMode={mode} onOpened={onOpened} />
      </DialogSurface>
    </Dialog>
  );
}

function OpenDatabaseForm({ initialMode, onOpened }: { initialMode: Mode; onOpened: Props['onOpened'] }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const open = useApiMutation('database.open');
  const [mode, setMode] = useState<Mode>(initialMode);
  const [path, setPath] = useState('');
  const [emptyPath, setEmptyPath] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (path.trim() === '') {
      setEmptyPath(true);
      return;
    }
    const result = await open.run({ path: path.trim(), create: mode === 'create' });
    if (result.ok) onOpened(result.value, mode === 'create');
  }

  const { pending, error } = open;

  // Every failure here is about the path (missing, not a database, from a newer Cohort…): show it on the field.
  let pathMessage: string | undefined;
  if (emptyPath) pathMessage = t('openDatabase.pathRequired');
  else if (fieldIssues(error).has('path')) pathMessage = t('openDatabase.pathInvalid');
  else if (error) pathMessage = describeError(t, error).message;

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <DialogBody>
        <DialogTitle>{t(mode === 'create' ? 'openDatabase.titleCreate' : 'openDatabase.titleOpen')}</DialogTitle>
        <DialogContent className={styles.content}>
          <Field label={t('openDatabase.mode')}>
            <RadioGroup
              value={mode}
              onChange={(_e, data) => {
                setMode(data.value === 'create' ? 'create' : 'open');
                open.reset();
              }}
            >
              <Radio value="open" label={t('openDatabase.modeOpen')} />
              <Radio value="create" label={t('openDatabase.modeCreate')} />
            </RadioGroup>
          </Field>
          <Field
            label={t('openDatabase.path')}
            required
            hint={t(mode === 'create' ? 'openDatabase.pathHintCreate' : 'openDatabase.pathHintOpen')}
            validationMessage={pathMessage}
            validationState={pathMessage ? 'error' : 'none'}
          >
            <Input
              value={path}
              autoFocus
              spellCheck={false}
              placeholder={t('openDatabase.pathPlaceholder')}
              onChange={(_e, data) => {
                setPath(data.value);
                setEmptyPath(false);
              }}
            />
          </Field>
        </DialogContent>
        <DialogActions>
          <DialogTrigger disableButtonEnhancement>
            <Button appearance="secondary">{t('common.cancel')}</Button>
          </DialogTrigger>
          <Button appearance="primary" type="submit" disabled={pending} icon={pending ? <Spinner size="tiny" /> : undefined}>
            {t(mode === 'create' ? 'openDatabase.submitCreate' : 'openDatabase.submitOpen')}
          </Button>
        </DialogActions>
      </DialogBody>
    </form>
  );
}
