import { Button, Field, Input, Popover, PopoverSurface, PopoverTrigger, makeStyles, tokens } from '@fluentui/react-components';
import { SaveRegular } from '@fluentui/react-icons';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput } from '../../../shared/api/contract';
import { useApiMutation } from '../../api/hooks';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
});

type ViewWithoutName = Omit<MethodInput<'triage.saveView'>, 'name'>;

/** Saves the current queue, filters, sort and columns under a name (the officer's own list). */
export const SaveView = memo(function SaveView({ current }: { current: () => ViewWithoutName }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const save = useApiMutation('triage.saveView');
  const [name, setName] = useState('');
  const [open, setOpen] = useState(false);
  return (
    <Popover
      open={open}
      onOpenChange={(_e, data) => {
        setOpen(data.open);
        save.reset();
      }}
      trapFocus
    >
      <PopoverTrigger disableButtonEnhancement>
        <Button icon={<SaveRegular />}>{t('triage.saveView.button')}</Button>
      </PopoverTrigger>
      <PopoverSurface>
        <form
          className={styles.form}
          onSubmit={(e) => {
            e.preventDefault();
            void save.run({ ...current(), name: name.trim() }).then((result) => {
              if (!result.ok) return;
              setOpen(false);
              setName('');
            });
          }}
        >
          <Field label={t('triage.saveView.label')} validationMessage={save.error?.message}>
            <Input value={name} onChange={(_e, data) => setName(data.value)} />
          </Field>
          <Button type="submit" appearance="primary" disabled={name.trim() === '' || save.pending}>
            {t('triage.saveView.save')}
          </Button>
        </form>
      </PopoverSurface>
    </Popover>
  );
});
