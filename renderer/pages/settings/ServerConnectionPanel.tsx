import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { DocumentRegular, PlugConnectedRegular, LaptopRegular } from '@fluentui/react-icons';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectAnswer, ConnectFailure, ConnectionState } from '../../../shared/api/connection-bridge';
import type { DatabaseInfo } from '../../../shared/api/contract';
import { serverLabelOf, type ConnectionField } from '../../../shared/domain/server-connection';
import type { ConnectionBridge } from '../../transport/bridge';
import { useSectionStyles } from './formStyles';
import { checkDraft, draftOf, TLS_CHOICES, type ServerDraft } from './serverForm';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  caFile: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  command: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  detail: { display: 'block', marginTop: tokens.spacingVerticalXS, fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
});

type Where = 'file' | 'server';

/** Why connecting failed, in words, with what the server said for IT beneath. */
function FailureBar({ failure, title }: { failure: ConnectFailure; title: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {t(`connection.failure.${failure.reason}`)}
        {failure.detail !== '' && <span className={styles.detail}>{failure.detail}</span>}
      </MessageBarBody>
    </MessageBar>
  );
}

/**
 * Settings > Database in the desktop app: this computer's file or the office server, and Connect,
 * which the main process tests before it switches (the page names no file: the office CA file comes
 * from the native Open dialog; the password goes to the main process and never comes back).
 */
function ConnectionForm({ bridge }: { bridge: ConnectionBridge }) {
  const { t } = useTranslation();
  const section = useSectionStyles();
  const styles = useStyles();
  const [state, setState] = useState<ConnectionState | null>(null);
  const [where, setWhere] = useState<Where>('file');
  const [draft, setDraft] = useState<ServerDraft>(draftOf(null));
  const [password, setPassword] = useState('');
  const [shown, setShown] = useState<Partial<Record<ConnectionField, string>>>({});
  const [pending, setPending] = useState(false);
  const [answer, setAnswer] = useState<ConnectAnswer | null>(null);

  useEffect(() => {
    let live = true;
    void bridge.state().then((first) => {
      if (!live || !first) return;
      setState(first);
      setDraft(draftOf(first.remembered));
      // A server that could not be opened at start: its form, ready for the password.
      setWhere(first.using === 'server' || first.startProblem !== null ? 'server' : 'file');
    });
    return () => {
      live = false;
    };
  }, [bridge]);

  const reload = async () => setState(await bridge.state());

  if (!state) return <Spinner size="small" label={t('connection.loading')} />;

  const change = (patch: Partial<ServerDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setAnswer(null);
  };

  const chooseCaFile = async () => {
    const path = await bridge.chooseCaFile();
    if (path !== null) change({ caFile: path, tls: 'officeCa' });
  };

  const connect = async (event: FormEvent) => {
    event.preventDefault();
    const checked = checkDraft(draft);
    if (!checked.ok) {
      setShown(Object.fromEntries(Object.entries(checked.problems).map(([field, problem]) => [field, t(`connection.problem.${problem}`)])));
      return;
    }
    setShown({});
    setPending(true);
    try {
      const result = await bridge.connect({ connection: checked.connection, password });
      setAnswer(result);
      if (result.ok) setPassword('');
      await reload();
    } finally {
      setPending(false);
    }
  };

  const switchToThisComputer = async () => {
    setPending(true);
    try {
      setAnswer(await bridge.useThisComputer());
      await reload();
    } finally {
      setPending(false);
    }
  };

  const rememberedLabel = state.remembered ? serverLabelOf(state.remembered) : '';
  const sameAsKept = state.passwordKept && state.remembered !== null && serverLabelOf(state.remembered) === serverLabelOf({ ...draft, port: Number(draft.port) });

  return (
    <div className={styles.form}>
      {state.startProblem && (
        <FailureBar failure={state.startProblem} title={t('connection.startProblem', { server: rememberedLabel })} />
      )}
      <Text>
        {state.using === 'server' ? t('connection.usingServer', { server: rememberedLabel }) : t('connection.usingFile')}
      </Text>
      <Field label={t('connection.where')}>
        <RadioGroup value={where} onChange={(_e, data) => setWhere(data.value === 'server' ? 'server' : 'file')}>
          <Radio value="file" label={t('connection.onThisComputer')} />
          <Radio value="server" label={t('connection.officeServer')} />
        </RadioGroup>
      </Field>

      {where === 'file' && state.using === 'server' && (
        <div className={section.actions}>
          <Button icon={pending ? <Spinner size="tiny" /> : <LaptopRegular />} disabled={pending} onClick={() => void switchToThisComputer()}>
            {t('connection.useThisComputer')}
          </Button>
        </div>
      )}

      {where === 'server' && (
        <form className={styles.form} onSubmit={(e) => void connect(e)} noValidate aria-label={t('connection.officeServer')}>
          <div className={section.row}>
            <Field label={t('connection.host')} required validationMessage={shown.host} hint={t('connection.hostHint')}>
              <Input value={draft.host} onChange={(_e, d) => change({ host: d.value })} autoComplete="off" spellCheck={false} />
            </Field>
            <Field label={t('connection.port')} required validationMessage={shown.port}>
              <Input value={draft.port} onChange={(_e, d) => change({ port: d.value })} inputMode="numeric" autoComplete="off" />
            </Field>
          </div>
          <div className={section.row}>
            <Field label={t('connection.database')} required validationMessage={shown.database}>
              <Input value={draft.database} onChange={(_e, d) => change({ database: d.value })} autoComplete="off" spellCheck={false} />
            </Field>
            <Field label={t('connection.login')} required validationMessage={shown.login} hint={t('connection.loginHint')}>
              <Input value={draft.login} onChange={(_e, d) => change({ login: d.value })} autoComplete="username" spellCheck={false} />
            </Field>
          </div>
          <Field label={t('connection.tls')} validationMessage={shown.caFile}>
            <RadioGroup value={draft.tls} onChange={(_e, data) => change({ tls: TLS_CHOICES.find((c) => c === data.value) ?? 'verified' })}>
              <Radio value="verified" label={t('connection.tlsVerified')} />
              <Radio value="officeCa" label={t('connection.tlsOfficeCa')} />
              <Radio value="none" label={t('connection.tlsNone')} />
            </RadioGroup>
          </Field>
          {draft.tls === 'officeCa' && (
            <div className={styles.caFile}>
              <Button icon={<DocumentRegular />} onClick={() => void chooseCaFile()}>
                {t('connection.chooseCaFile')}
              </Button>
              <span className={styles.mono}>{draft.caFile ?? t('connection.noCaFile')}</span>
            </div>
          )}
          {draft.tls === 'none' && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{t('connection.tlsNoneWarning')}</MessageBarBody>
            </MessageBar>
          )}
          <Field
            label={t('connection.password')}
            hint={sameAsKept ? t('connection.passwordKeptHint') : state.keychainAvailable ? t('connection.passwordHint') : t('connection.noKeychain')}
          >
            <Input type="password" value={password} onChange={(_e, d) => setPassword(d.value)} autoComplete="current-password" />
          </Field>
          {answer && !answer.ok && 'failure' in answer && <FailureBar failure={answer.failure} title={t('connection.failed')} />}
          {answer && !answer.ok && 'refused' in answer && <FailureBar failure={{ reason: 'other', detail: answer.refused }} title={t('connection.failed')} />}
          {answer?.ok && state.using === 'server' && (
            <MessageBar intent="success" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{t('connection.connected', { server: rememberedLabel })}</MessageBarTitle>
                {answer.passwordKept ? t('connection.passwordKept') : t('connection.passwordNotKept')}
              </MessageBarBody>
            </MessageBar>
          )}
          <div className={section.actions}>
            <Button type="submit" appearance="primary" icon={pending ? <Spinner size="tiny" /> : <PlugConnectedRegular />} disabled={pending}>
              {pending ? t('connection.connecting') : t('connection.connect')}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}

/**
 * The web host has no keychain and starts on what it was given (`--db`): the page says which,
 * and how to start it on the other.
 */
function ConnectionReadOnly({ info }: { info: DatabaseInfo }) {
  const { t } = useTranslation();
  const section = useSectionStyles();
  const styles = useStyles();
  return (
    <>
      <Text>
        {info.server
          ? t('connection.webOnServer', { address: info.server.address, login: info.server.login })
          : t('connection.webOnFile')}
      </Text>
      <p className={section.intro}>{t('connection.webNote')}</p>
      <code className={styles.command}>{t('connection.webCommand')}</code>
    </>
  );
}

/** Where Cohort works: a form in the desktop app, a statement in the web host. */
export function ServerConnectionPanel({ info }: { info: DatabaseInfo | undefined }) {
  const bridge = window.cohort?.connection;
  if (bridge) return <ConnectionForm bridge={bridge} />;
  return info ? <ConnectionReadOnly info={info} /> : null;
}
