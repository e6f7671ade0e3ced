import { ImportActivityBars } from '../shell/ImportActivity';
import { Button, Link, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, BeakerRegular, FolderOpenRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DemoResult } from '../../shared/api/contract';
import { useDemoLoad } from '../api/useDemoLoad';
import { DemoProgressView } from '../components/DemoProgressView';
import { LanguageSwitch } from '../shell/LanguageSwitch';
import { useWorkspace } from '../shell/WorkspaceContext';

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    display: 'flex',
    flexDirection: 'column',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  top: { display: 'flex', justifyContent: 'flex-end', padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}` },
  main: {
    flexGrow: 1,
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXXL}`,
    rowGap: tokens.spacingVerticalXL,
  },
  intro: { maxWidth: '44rem', textAlign: 'center' },
  title: { margin: 0, fontSize: tokens.fontSizeHero800, lineHeight: tokens.lineHeightHero800, fontWeight: tokens.fontWeightSemibold },
  lead: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
  choices: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(15rem, 1fr))',
    gap: tokens.spacingHorizontalL,
    width: '100%',
    maxWidth: '60rem',
  },
  choice: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalXL,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusXLarge,
    boxShadow: tokens.shadow4,
  },
  choiceIcon: { fontSize: '32px', color: tokens.colorBrandForeground1, display: 'flex' },
  choiceTitle: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  choiceText: { margin: 0, flexGrow: 1, color: tokens.colorNeutralForeground2, lineHeight: tokens.lineHeightBase300 },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  progress: { width: '100%', maxWidth: '40rem' },
  where: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, wordBreak: 'break-all', textAlign: 'center' },
});

function Choice({ id, icon, title, text, children }: { id: string; icon: ReactNode; title: string; text: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <section className={styles.choice} aria-labelledby={`${id}-title`}>
      <span className={styles.choiceIcon} aria-hidden="true">
        {icon}
      </span>
      <h2 className={styles.choiceTitle} id={`${id}-title`}>
        {title}
      </h2>
      <p className={styles.choiceText} id={`${id}-text`}>
        {text}
      </p>
      <div className={styles.buttons}>{children}</div>
    </section>
  );
}

/** Shown while the database holds no applications: the three ways to begin. */
export function FirstRunPage({ onDemoLoaded }: { onDemoLoaded: (result: DemoResult) => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const { info, openDialog, leaveFirstRun, navigate } = useWorkspace();
  const demo = useDemoLoad(onDemoLoaded);
  const busy = demo.progress.running;

  return (
    <div className={styles.root}>
      <div className={styles.top}>
        <LanguageSwitch />
      </div>
      <main className={styles.main}>
        <ImportActivityBars />
        <div className={styles.intro}>
          <h1 className={styles.title}>{t('firstRun.title')}</h1>
          <p className={styles.lead}>{t('firstRun.lead')}</p>
        </div>
        <div className={styles.choices}>
          <Choice id="choice-new" icon={<AddRegular />} title={t('firstRun.new.title')} text={t('firstRun.new.text')}>
            <Button
              appearance="primary"
              disabled={busy}
              aria-describedby="choice-new-text"
              onClick={() => openDialog('newCampaign')}
            >
              {t('firstRun.new.action')}
            </Button>
          </Choice>
          <Choice id="choice-open" icon={<FolderOpenRegular />} title={t('firstRun.open.title')} text={t('firstRun.open.text')}>
            <Button disabled={busy} aria-describedby="choice-open-text" onClick={() => openDialog('openDatabase')}>
              {t('firstRun.open.action')}
            </Button>
            <Button disabled={busy} appearance="subtle" onClick={() => openDialog('newDatabase')}>
              {t('firstRun.open.createAction')}
            </Button>
          </Choice>
          <Choice id="choice-demo" icon={<BeakerRegular />} title={t('firstRun.demo.title')} text={t('firstRun.demo.text')}>
            <Button
              appearance="primary"
              disabled={busy}
              aria-describedby="choice-demo-text"
              onClick={() => void demo.start()}
            >
              {t('firstRun.demo.action')}
            </Button>
          </Choice>
        </div>
        <div className={styles.progress}>
          <DemoProgressView progress={demo.progress} />
        </div>
        <p className={styles.where}>{t('firstRun.database', { path: info.databasePath })}</p>
        <Link
          disabled={busy}
          onClick={() => {
            leaveFirstRun();
            navigate('settings');
          }}
        >
          {t('firstRun.skip')}
        </Link>
      </main>
    </div>
  );
}
