import { Nav, NavItem, Tooltip, makeStyles, tokens } from '@fluentui/react-components';
import {
  Board20Filled,
  Board20Regular,
  ClipboardTaskListLtr20Filled,
  ClipboardTaskListLtr20Regular,
  DataBarVertical20Filled,
  DataBarVertical20Regular,
  History20Filled,
  History20Regular,
  Mail20Filled,
  Mail20Regular,
  Organization20Filled,
  Organization20Regular,
  Settings20Filled,
  Settings20Regular,
  ShieldPerson20Filled,
  ShieldPerson20Regular,
  TaskListSquareLtr20Filled,
  TaskListSquareLtr20Regular,
  bundleIcon,
} from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { ParseKeys } from 'i18next';
import { pageHref, PAGES, type Page } from './routes';

const ICONS: Record<Page, ReturnType<typeof bundleIcon>> = {
  overview: bundleIcon(Board20Filled, Board20Regular),
  screening: bundleIcon(ClipboardTaskListLtr20Filled, ClipboardTaskListLtr20Regular),
  divisions: bundleIcon(Organization20Filled, Organization20Regular),
  shortlists: bundleIcon(TaskListSquareLtr20Filled, TaskListSquareLtr20Regular),
  notices: bundleIcon(Mail20Filled, Mail20Regular),
  reports: bundleIcon(DataBarVertical20Filled, DataBarVertical20Regular),
  privacy: bundleIcon(ShieldPerson20Filled, ShieldPerson20Regular),
  audit: bundleIcon(History20Filled, History20Regular),
  settings: bundleIcon(Settings20Filled, Settings20Regular),
};

export const PAGE_TITLE: Record<Page, ParseKeys> = {
  overview: 'nav.overview',
  screening: 'nav.screening',
  divisions: 'nav.divisions',
  shortlists: 'nav.shortlists',
  notices: 'nav.notices',
  reports: 'nav.reports',
  privacy: 'nav.privacy',
  audit: 'nav.audit',
  settings: 'nav.settings',
};

const useStyles = makeStyles({
  nav: {
    paddingTop: tokens.spacingVerticalM,
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
  },
});

/**
 * The main navigation: real links (`#/page`), so Tab, Enter, the browser's Back and screen
 * readers' link lists all work; the current page carries aria-current="page".
 */
export function NavMenu({ page, collapsed = false }: { page: Page; collapsed?: boolean }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <Nav selectedValue={page} className={styles.nav}>
      {PAGES.map((p) => {
        const Icon = ICONS[p];
        const title = t(PAGE_TITLE[p]);
        // Collapsed, the link keeps its name for screen readers and shows it on hover.
        return collapsed ? (
          <Tooltip key={p} content={title} relationship="label" positioning="after">
            <NavItem value={p} href={pageHref(p)} icon={<Icon />} aria-label={title} />
          </Tooltip>
        ) : (
          <NavItem key={p} value={p} href={pageHref(p)} icon={<Icon />}>
            {title}
          </NavItem>
        );
      })}
    </Nav>
  );
}
