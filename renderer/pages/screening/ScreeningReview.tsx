import { useNationalityText } from '../../i18n/countries';
import {
  Button,
  Checkbox,
  CounterBadge,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  SearchBox,
  Select,
  Spinner,
  Tab,
  TabList,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  mergeClasses,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { ArrowSyncRegular, EditRegular, PeopleSearchRegular } from '@fluentui/react-icons';
import { useEffect, useEffectEvent, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SCREENING_TABS, type ScreeningDetail, type ScreeningRow, type ScreeningTab } from '../../../shared/api/contract';
import { REASON_CODES } from '../../../shared/domain/eligibility/types';
import { useClient } from '../../api/ClientContext';
import { useQuery } from '../../api/hooks';
import { ErrorBar } from '../../components/ErrorBar';
import { useNotify } from '../../components/Notify';
import { OverrideDialog, type OverrideTarget } from '../../dialogs/OverrideDialog';
import { useFormat } from '../../i18n/format';
import { useSectionStyles } from '../settings/formStyles';
import { ScreeningDetailPane } from './ScreeningDetailPane';
import { useScreeningText } from './screeningText';
import { OverrideMarker, VerdictBadge } from './VerdictBadges';

/** Rows per page: the database filters and pages; the page never holds the whole campaign. */
const PAGE_SIZE = 100;
/** Typing pauses this long before the search goes to the database. */
const SEARCH_DEBOUNCE_MS = 250;

const useStyles = makeStyles({
  section: { maxWidth: 'none' },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  headActions: { marginLeft: 'auto', display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  filters: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalS },
  search: { minWidth: '18rem' },
  noMatch: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', rowGap: tokens.spacingVerticalS },
  tabCount: { marginLeft: tokens.spacingHorizontalXS },
  tableWrap: { overflowX: 'auto' },
  table: { tableLayout: 'auto' },
  check: { width: '2.5rem' },
  nowrap: { whiteSpace: 'nowrap' },
  reasons: { minWidth: '14rem' },
  markers: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXS, rowGap: tokens.spacingVerticalXXS },
  selectionBar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalM },
  paging: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalM },
  muted: { margin: 0, color: tokens.colorNeutralForeground3 },
});

interface ReviewProps {
  campaignId: number;
  /** Possible duplicates waiting for a decision (undefined while they load). */
  openDuplicates?: number | undefined;
  /** Brings the officer to the possible duplicates section. */
  onShowDuplicates?: () => void;
}

/** The officer's review: tabs by verdict with counts, search and reason filter, a page of rows, the detail and overrides. */
export function ScreeningReview({ campaignId, openDuplicates, onShowDuplicates }: ReviewProps) {
  const { t } = useTranslation();
  const section = useSectionStyles();
  const styles = useStyles();
  const format = useFormat();
  const text = useScreeningText();
  const client = useClient();
  const notify = useNotify();

  const [tab, setTab] = useState<ScreeningTab>('review');
  const [searchInput, setSearchInput] = useState('');
  const [search, setSearch] = useState('');
  const [reason, setReason] = useState('');
  const [offset, setOffset] = useState(0);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [openRef, setOpenRef] = useState<number | null>(null);
  const [overrideTarget, setOverrideTarget] = useState<OverrideTarget | null>(null);
  const [running, setRunning] = useState(false);
  const [detailVersion, setDetailVersion] = useState(0);
  const tableRef = useRef<HTMLDivElement>(null);
  const restoreFocusTarget = useRestoreFocusTarget();

  // A new question starts at its first page with nothing selected.
  function restart() {
    setOffset(0);
    setSelected(new Set());
  }

  const applySearch = useEffectEvent((next: string) => {
    if (next === search) return;
    setSearch(next);
    restart();
  });
  useEffect(() => {
    const timer = setTimeout(() => applySearch(searchInput.trim()), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [searchInput]);

  const list = useQuery(
    'screening.list',
    { campaignId, tab, search, ...(reason ? { reason } : {}), offset, limit: PAGE_SIZE },
  );
  const page = list.data;
  const rows = page?.rows ?? [];

  function focusRow(index: number) {
    const target = tableRef.current?.querySelector<HTMLElement>(`[data-row-index="${index}"] [data-open-row]`);
    target?.focus();
  }

  function onTableKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.target instanceof HTMLInputElement && event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const current = (event.target as HTMLElement).closest<HTMLElement>('[data-row-index]');
    const index = current ? Number(current.dataset.rowIndex) : -1;
    const down = event.key === 'ArrowDown' || event.key === 'j' || event.key === 'J';
    const up = event.key === 'ArrowUp' || event.key === 'k' || event.key === 'K';
    if (!down && !up) return;
    event.preventDefault();
    focusRow(down ? Math.min(index + 1, rows.length - 1) : Math.max(index - 1, 0));
  }

  // The standing override each selected application had when the officer saw it (its id, 0 for
  // none): sent with the override, which is refused if another officer overrode one meanwhile.
  const seenOverrides = useRef(new Map<number, number>());
  const versionOf = (row: { override: { id: number } | null }) => row.override?.id ?? 0;

  function toggle(row: { ref: number; override: { id: number } | null }, on: boolean) {
    const { ref } = row;
    if (on) seenOverrides.current.set(ref, versionOf(row));
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(ref);
      else next.delete(ref);
      return next;
    });
  }

  const allOnPage = rows.length > 0 && rows.every((r) => selected.has(r.ref));
  const someOnPage = rows.some((r) => selected.has(r.ref));

  async function rerun() {
    setRunning(true);
    try {
      const summary = await client.call('screening.run', { campaignId });
      notify.success(t('screening.rerunDone'), t('screening.rerunBody', { screened: format.number(summary.screened), changed: format.number(summary.changed) }));
      list.refetch();
    } catch (error) {
      notify.error(error);
    } finally {
      setRunning(false);
    }
  }

  function overrideOne(detail: ScreeningDetail) {
    setOverrideTarget({ refs: [detail.row.ref], applicationId: detail.row.applicationId, seen: [{ ref: detail.row.ref, version: versionOf(detail.row) }] });
  }

  function overridden() {
    setOverrideTarget(null);
    setSelected(new Set());
    list.refetch();
    setDetailVersion((v) => v + 1);
  }

  // Refused because another officer overrode one meanwhile: the page shows what they decided; the
  // selection goes, so that the next override is made on what the officer has now seen.
  function changedMeanwhile() {
    setSelected(new Set());
    list.refetch();
    setDetailVersion((v) => v + 1);
  }

  const overrideDialog = <OverrideDialog target={overrideTarget} onClose={() => setOverrideTarget(null)} onDone={overridden} onChangedMeanwhile={changedMeanwhile} />;

  let body;
  if (list.error) body = <ErrorBar error={list.error} onRetry={list.refetch} />;
  else if (!page) body = <Spinner size="small" label={t('screening.loading')} />;
  else if (page.counts.all === 0) body = <p className={section.intro}>{t('screening.noApplications')}</p>;
  else if (rows.length === 0 && (search || reason))
    body = (
      <div role="status" className={styles.noMatch}>
        <p className={section.intro}>{search ? t('screening.emptySearch', { search }) : t('screening.emptyFilter')}</p>
        <Button
          appearance="secondary"
          onClick={() => {
            setSearchInput('');
            setSearch('');
            setReason('');
            restart();
          }}
        >
          {t('screening.clearSearch')}
        </Button>
      </div>
    );
  else if (rows.length === 0) body = <p className={section.intro}>{t('screening.empty')}</p>;
  else
    body = (
      <div className={styles.tableWrap} ref={tableRef} onKeyDown={onTableKeyDown}>
        <Table size="small" className={styles.table} aria-label={t('screening.tableLabel', { tab: t(`screening.tab.${tab}`) })} data-testid="screening-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.check}>
                <Checkbox
                  aria-label={t('screening.selectPage')}
                  checked={allOnPage ? true : someOnPage ? 'mixed' : false}
                  onChange={(_e, data) => {
                    for (const r of rows) toggle(r, data.checked === true);
                  }}
                />
              </TableHeaderCell>
              <TableHeaderCell>{t('screening.col.applicationId')}</TableHeaderCell>
              <TableHeaderCell>{t('screening.col.name')}</TableHeaderCell>
              <TableHeaderCell>{t('screening.col.nationality')}</TableHeaderCell>
              <TableHeaderCell>{t('screening.col.division')}</TableHeaderCell>
              <TableHeaderCell>{t('screening.col.submitted')}</TableHeaderCell>
              <TableHeaderCell>{t('screening.col.verdict')}</TableHeaderCell>
              <TableHeaderCell>{t('screening.col.reasons')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row, index) => (
              <ReviewRow
                key={row.ref}
                row={row}
                index={index}
                open={row.ref === openRef}
                checked={selected.has(row.ref)}
                onCheck={(on) => toggle(row, on)}
                onOpen={() => setOpenRef(row.ref)}
                reasonsText={row.reasons.length === 0 ? t('screening.noReasons') : row.reasons.map((r) => text.reason(r)).join('; ')}
                submitted={row.submittedAt ? format.dateTime(row.submittedAt) : ''}
              />
            ))}
          </TableBody>
        </Table>
      </div>
    );

  const from = page && page.total > 0 ? offset + 1 : 0;
  const to = page ? Math.min(offset + rows.length, page.total) : 0;

  return (
    <section className={mergeClasses(section.section, styles.section)} aria-labelledby="screening-list-title">
      <div className={styles.head}>
        <h2 className={section.heading} id="screening-list-title">
          {t('screening.listTitle')}
        </h2>
        <div className={styles.headActions}>
          {openDuplicates !== undefined && onShowDuplicates ? (
            <Button
              appearance="subtle"
              icon={<PeopleSearchRegular />}
              aria-label={t('screening.duplicates.reachLabel', { count: openDuplicates })}
              onClick={onShowDuplicates}
              data-testid="reach-duplicates"
            >
              {t('screening.duplicates.reach')}
              <CounterBadge className={styles.tabCount} appearance="ghost" color={openDuplicates > 0 ? 'brand' : 'informative'} size="small" showZero overflowCount={99_999} count={openDuplicates} />
            </Button>
          ) : null}
          <Button icon={running ? <Spinner size="tiny" /> : <ArrowSyncRegular />} disabled={running} onClick={() => void rerun()}>
            {t('screening.rerun')}
          </Button>
        </div>
      </div>

      {page && page.staleOverrides > 0 ? (
        <MessageBar intent="warning">
          <MessageBarBody>{t('screening.staleBanner', { count: page.staleOverrides })}</MessageBarBody>
        </MessageBar>
      ) : null}

      <TabList selectedValue={tab} onTabSelect={(_e, data) => {
          setTab(SCREENING_TABS.find((v) => v === data.value) ?? 'review');
          restart();
        }} aria-label={t('screening.tabsLabel')}>
        {SCREENING_TABS.map((value) => (
          <Tab key={value} value={value} data-testid={`screening-tab-${value}`}>
            {t(`screening.tab.${value}`)}
            {page ? (
              <CounterBadge className={styles.tabCount} appearance="ghost" color={value === tab ? 'brand' : 'informative'} size="small" showZero overflowCount={999_999} count={page.counts[value]} />
            ) : null}
          </Tab>
        ))}
      </TabList>

      <div className={styles.filters}>
        <Field label={t('screening.searchLabel')} className={styles.search}>
          <SearchBox value={searchInput} placeholder={t('screening.searchPlaceholder')} onChange={(_e, data) => setSearchInput(data.value)} />
        </Field>
        <Field label={t('screening.reasonLabel')}>
          <Select value={reason} onChange={(_e, data) => {
              setReason(data.value);
              restart();
            }}>
            <option value="">{t('screening.reasonAny')}</option>
            {REASON_CODES.map((code) => (
              <option key={code} value={code}>
                {text.reason(code)}
              </option>
            ))}
          </Select>
        </Field>
      </div>

      {selected.size > 0 ? (
        <div className={styles.selectionBar} role="group" aria-label={t('screening.selected', { count: selected.size })}>
          <span>{t('screening.selected', { count: selected.size })}</span>
          <Button appearance="primary" icon={<EditRegular />} onClick={() => setOverrideTarget({ refs: [...selected], seen: [...selected].map((ref) => ({ ref, version: seenOverrides.current.get(ref) ?? 0 })) })} {...restoreFocusTarget}>
            {t('screening.overrideSelected', { count: selected.size })}
          </Button>
          <Button appearance="subtle" onClick={() => setSelected(new Set())}>
            {t('screening.clearSelection')}
          </Button>
        </div>
      ) : null}

      <p className={styles.muted}>{t('screening.keyboardHint')}</p>
      {body}

      {page && page.total > PAGE_SIZE ? (
        <nav className={styles.paging} aria-label={t('screening.pagingLabel')}>
          <Button disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
            {t('screening.previous')}
          </Button>
          <span aria-live="polite">{t('screening.range', { from: format.number(from), to: format.number(to), total: format.number(page.total) })}</span>
          <Button disabled={offset + PAGE_SIZE >= page.total} onClick={() => setOffset(offset + PAGE_SIZE)}>
            {t('screening.next')}
          </Button>
        </nav>
      ) : page && page.total > 0 ? (
        <p className={styles.muted}>{t('screening.range', { from: format.number(from), to: format.number(to), total: format.number(page.total) })}</p>
      ) : null}

      <ScreeningDetailPane refId={openRef} onClose={() => setOpenRef(null)} onOverride={overrideOne} version={detailVersion} dialogOpen={overrideTarget !== null}>
        {openRef !== null ? overrideDialog : null}
      </ScreeningDetailPane>
      {openRef === null ? overrideDialog : null}
    </section>
  );
}

interface RowProps {
  row: ScreeningRow;
  index: number;
  open: boolean;
  checked: boolean;
  onCheck: (on: boolean) => void;
  onOpen: () => void;
  reasonsText: string;
  submitted: string;
}

function ReviewRow({ row, index, open, checked, onCheck, onOpen, reasonsText, submitted }: RowProps) {
  const { t } = useTranslation();
  const nationalityText = useNationalityText();
  const styles = useStyles();
  const name = `${row.firstName} ${row.lastName}`.trim();
  return (
    <TableRow data-row-index={index} appearance={open ? 'brand' : checked ? 'neutral' : 'none'} data-testid={`screening-row-${row.applicationId}`}>
      <TableCell className={styles.check}>
        <Checkbox aria-label={t('screening.selectRow', { id: row.applicationId })} checked={checked} onChange={(_e, data) => onCheck(data.checked === true)} />
      </TableCell>
      <TableCell className={styles.nowrap}>
        <Link
          as="button"
          data-open-row
          aria-label={t('screening.openLabel', { id: row.applicationId, name })}
          onClick={onOpen}
        >
          {row.applicationId}
        </Link>
      </TableCell>
      <TableCell className={styles.nowrap}>{name}</TableCell>
      <TableCell title={row.nationality}>{nationalityText(row.nationalityCode, row.nationality)}</TableCell>
      <TableCell title={row.division}>{row.divisionCode ?? row.division}</TableCell>
      <TableCell className={styles.nowrap}>{submitted}</TableCell>
      <TableCell>
        <div className={styles.markers}>
          <VerdictBadge verdict={row.verdict} />
          <OverrideMarker row={row} />
        </div>
      </TableCell>
      <TableCell className={styles.reasons}>{reasonsText}</TableCell>
    </TableRow>
  );
}
