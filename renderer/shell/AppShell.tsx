import { Button, Text, Tooltip, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { PanelLeftContractRegular, PanelLeftExpandRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { DemoResult } from '../../shared/api/contract';
import { DivisionsPage } from '../pages/DivisionsPage';
import { NoticesPage } from '../pages/notices/NoticesPage';
import { ReportsPage } from '../pages/reports/ReportsPage';
import { AuditPage } from '../pages/audit/AuditPage';
import { PrivacyPage } from '../pages/privacy/PrivacyPage';
import { OverviewPage } from '../pages/OverviewPage';
import { ScreeningPage } from '../pages/ScreeningPage';
import { SettingsPage } from '../pages/SettingsPage';
import { ShortlistsPage } from '../pages/shortlists/ShortlistsPage';
import { BackupWarning } from '../components/BackupWarning';
import { ImportActivityBars } from './ImportActivity';
import { CampaignPicker } from './CampaignPicker';
import { FileMenu } from './FileMenu';
import { LanguageSwitch } from './LanguageSwitch';
import { NavMenu, PAGE_TITLE } from './NavMenu';
import { type Page } from './routes';
import { ServerLostBanner } from './ServerLostBanner';
import { useWorkspace } from './WorkspaceContext';

const NAV_COLLAPSED_KEY = 'cohort.navCollapsed';

/** Whether the officer collapsed the navigation last time (remembered on this computer). */
function readNavCollapsed(): boolean {
  try {
    const stored = window.localStorage.getItem(NAV_COLLAPSED_KEY);
    // Until the officer chooses: collapsed where the screen is narrow (1280 pixels at 125 %).
    return stored === null ? window.innerWidth < 1280 : stored === 'true';
  } catch {
    return false;
  }
}

function writeNavCollapsed(collapsed: boolean): void {
  try {
    window.localStorage.setItem(NAV_COLLAPSED_KEY, String(collapsed));
  } catch {
    // Storage refused (private mode): the choice lasts until the window closes.
  }
}

export interface PageProps {
  onDemoLoaded: (result: DemoResult) => void;
}

const PAGE_COMPONENT: Record<Page, ComponentType<PageProps>> = {
  overview: OverviewPage,
  screening: ScreeningPage,
  divisions: DivisionsPage,
  shortlists: ShortlistsPage,
  notices: NoticesPage,
  reports: ReportsPage,
  privacy: PrivacyPage,
  audit: AuditPage,
  settings: SettingsPage,
};

const useStyles = makeStyles({
  root: {
    height: '100vh',
    display: 'grid',
    gridTemplateRows: 'auto 1fr',
    gridTemplateColumns: 'minmax(12rem, 15rem) minmax(0, 1fr)',
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
  // Team mode: which server, as whom (the name every decision carries).
  server: { color: tokens.colorNeutralForeground3, whiteSpace: 'nowrap' },
  // The lost-server banner spans the header, so no page's own scrolling can hide it.
  lost: { flexBasis: '100%' },
  nav: {
    gridArea: 'nav',
    overflowY: 'auto',
    // Fluent's nav items are drawn on this background (as in its NavDrawer).
    backgroundColor: tokens.colorNeutralBackground4,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  // Collapsed: icons only, so a 1280-pixel screen at 125–150 % keeps its width for the queue.
  rootCollapsed: { gridTemplateColumns: '3.25rem minmax(0, 1fr)' },
  navToggle: { margin: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS} 0` },
  main: {
    gridArea: 'main',
    overflowY: 'auto',
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL}`,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
    '@media (max-width: 1200px)': { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}` },
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
  const { page, info } = useWorkspace();
  const mainRef = useRef<HTMLElement>(null);
  const title = t(PAGE_TITLE[page]);

  useEffect(() => {
    document.title = `${title} · Cohort`;
  }, [title]);

  const [collapsed, setCollapsed] = useState(readNavCollapsed);
  const toggleNav = () => {
    setCollapsed((was) => {
      writeNavCollapsed(!was);
      return !was;
    });
  };

  const Current = PAGE_COMPONENT[page];
  return (
    <div className={mergeClasses(styles.root, collapsed && styles.rootCollapsed)}>
      {/* A button, not a #anchor: the address's hash is the route. */}
      <button type="button" className={styles.skip} onClick={() => mainRef.current?.focus()}>
        {t('shell.skipToContent')}
      </button>
      <header className={styles.header}>
        <Text className={styles.brand}>{t('app.name')}</Text>
        <CampaignPicker />
        <span className={styles.spacer} />
        <div className={styles.tools}>
          {info.server ? (
            <Text className={styles.server} data-testid="server-identity">
              {t('shell.onServer', { address: info.server.address, login: info.server.login })}
            </Text>
          ) : null}
          <LanguageSwitch />
          <FileMenu />
        </div>
        <ServerLostBanner className={styles.lost} />
      </header>
      <nav className={styles.nav} aria-label={t('nav.label')}>
        <Tooltip content={t(collapsed ? 'nav.expand' : 'nav.collapse')} relationship="label" positioning="after">
          <Button
            className={styles.navToggle}
            appearance="subtle"
            icon={collapsed ? <PanelLeftExpandRegular /> : <PanelLeftContractRegular />}
            aria-expanded={!collapsed}
            onClick={toggleNav}
            data-testid="nav-toggle"
          />
        </Tooltip>
        <NavMenu page={page} collapsed={collapsed} />
      </nav>
      <main className={styles.main} ref={mainRef} tabIndex={-1} aria-label={title}>
        <BackupWarning className={styles.warning} />
        <ImportActivityBars className={styles.warning} />
        <Current onDemoLoaded={onDemoLoaded} />
      </main>
    </div>
  );
}
