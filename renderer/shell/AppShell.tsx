import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { DemoResult } from '../../shared/api/contract';
import { DivisionsPage } from '../pages/DivisionsPage';
import { NoticesPage } from '../pages/NoticesPage';
import { OverviewPage } from '../pages/OverviewPage';
import { ScreeningPage } from '../pages/ScreeningPage';
import { SettingsPage } from '../pages/SettingsPage';
import { ShortlistsPage } from '../pages/ShortlistsPage';
import { BackupWarning } from '../components/BackupWarning';
import { CampaignPicker } from './CampaignPicker';
import { FileMenu } from './FileMenu';
import { LanguageSwitch } from './LanguageSwitch';
import { NavMenu, PAGE_TITLE } from './NavMenu';
import type { Page } from './routes';
import { useWorkspace } from './WorkspaceContext';

export interface PageProps {
  onDemoLoaded: (result: DemoResult) => void;
}

const PAGE_COMPONENT: Record<Page, ComponentType<PageProps>> = {
  overview: OverviewPage,
  screening: ScreeningPage,
  divisions: DivisionsPage,
  shortlists: ShortlistsPage,
  notices: NoticesPage,
  settings: SettingsPage,
};

const useStyles = makeStyles({
  root: {
    height: '100vh',
    display: 'grid',
    gridTemplateRows: 'auto 1fr',
    gridTemplateColumns: 'minmax(12rem, 15rem) 1fr',
    gridTemplateAreas: '"header header" "nav main"',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  header: {
    gridArea: 'header',
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  brand: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase500, marginRight: tokens.spacingHorizontalM },
  spacer: { flexGrow: 1 },
  tools: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalL },
  nav: {
    gridArea: 'nav',
    overflowY: 'auto',
    // Fluent's nav items are drawn on this background (as in its NavDrawer).
    backgroundColor: tokens.colorNeutralBackground4,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  main: {
    gridArea: 'main',
    overflowY: 'auto',
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL}`,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  warning: { marginBottom: tokens.spacingVerticalL },
  skip: {
    position: 'absolute',
    left: tokens.spacingHorizontalM,
    top: '-10rem',
    zIndex: 10,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorBrandForeground1,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    borderRadius: tokens.borderRadiusMedium,
    cursor: 'pointer',
    ':focus': { top: tokens.spacingVerticalS },
  },
});

/** Header (campaign, language, File), navigation on the left, the current page in the middle. */
export function AppShell({ onDemoLoaded }: PageProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const { page } = useWorkspace();
  const mainRef = useRef<HTMLElement>(null);
  const title = t(PAGE_TITLE[page]);

  useEffect(() => {
    document.title = `${title} · Cohort`;
  }, [title]);

  const Current = PAGE_COMPONENT[page];
  return (
    <div className={styles.root}>
      {/* A button, not a #anchor: the address's hash is the route. */}
      <button type="button" className={styles.skip} onClick={() => mainRef.current?.focus()}>
        {t('shell.skipToContent')}
      </button>
      <header className={styles.header}>
        <Text className={styles.brand}>{t('app.name')}</Text>
        <CampaignPicker />
        <span className={styles.spacer} />
        <div className={styles.tools}>
          <LanguageSwitch />
          <FileMenu />
        </div>
      </header>
      <nav className={styles.nav} aria-label={t('nav.label')}>
        <NavMenu page={page} />
      </nav>
      <main className={styles.main} ref={mainRef} tabIndex={-1} aria-label={title}>
        <BackupWarning className={styles.warning} />
        <Current onDemoLoaded={onDemoLoaded} />
      </main>
    </div>
  );
}
