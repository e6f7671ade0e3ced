import { Button, Field, Input, Popover, PopoverSurface, PopoverTrigger, Text, makeStyles, tokens } from '@fluentui/react-components';
import { PersonRegular } from '@fluentui/react-icons';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api/hooks';
import { useWorkspace } from '../../shell/WorkspaceContext';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  login: { display: 'inline-flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS, padding: `0 ${tokens.spacingHorizontalS}` },
});

/**
 * Who the decisions are signed by: the OS user until the officer writes their name, once. On the
 * office server, their login: shown, never changed here (the server says who they are).
 */
export const OfficerName = memo(function OfficerName({ officer }: { officer: string }) {
  const { info } = useWorkspace();
  return info.server ? <OfficerLogin officer={officer} /> : <OfficerNameEditor officer={officer} />;
});

function OfficerLogin({ officer }: { officer: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <Text className={styles.login} title={t('triage.officer.login', { officer })} aria-label={t('triage.officer.login', { officer })} data-testid="officer-login">
      <PersonRegular aria-hidden="true" />
      {officer}
    </Text>
  );
}

function OfficerNameEditor({ officer }: { officer: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const setName = useApiMutation('app.setOfficerName');
  const [name, setNameText] = useState(officer);
  const [open, setOpen] = useState(false);
  return (
    <Popover open={open} onOpenChange={(_e, data) => setOpen(data.open)} trapFocus>
      <PopoverTrigger disableButtonEnhancement>
        <Button appearance="subtle" icon={<PersonRegular />} aria-label={t('triage.officer.button', { officer })}>
          {officer}
        </Button>
      </PopoverTrigger>
      <PopoverSurface>
        <form
          className={styles.form}
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim() === '') return;
            void setName.run({ name: name.trim() }).then((result) => result.ok && setOpen(false));
          }}
        >
          <Field label={t('triage.officer.label')} hint={t('triage.officer.hint')} validationMessage={setName.error?.message}>
            <Input value={name} onChange={(_e, data) => setNameText(data.value)} />
          </Field>
          <Button type="submit" appearance="primary" disabled={setName.pending}>
            {t('triage.officer.save')}
          </Button>
        </form>
      </PopoverSurface>
    </Popover>
  );
}
