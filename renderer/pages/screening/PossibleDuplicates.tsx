import {
  Button,
  CounterBadge,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { ArrowUndoRegular, CheckmarkRegular, DismissRegular, PeopleRegular, PeopleSearchRegular } from '@fluentui/react-icons';
import { useEffect, useState, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicateList, DuplicatePair, DuplicateSide } from '../../../shared/api/contract';
import { useClient } from '../../api/ClientContext';
import type { QueryState } from '../../api/hooks';
import { ErrorBar } from '../../components/ErrorBar';
import { useNotify } from '../../components/Notify';
import { useFormat } from '../../i18n/format';
import { useSectionStyles } from '../settings/formStyles';
import { VerdictBadge } from './VerdictBadges';

/** Open pairs shown at first; a large campaign may have hundreds, decided one by one. */
const PAGE_SIZE = 10;

const useStyles = makeStyles({
  section: { maxWidth: 'none' },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  headingFocus: { ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, borderRadius: tokens.borderRadiusSmall } },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  muted: { margin: 0, color: tokens.colorNeutralForeground3 },
  empty: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, margin: 0, color: tokens.colorNeutralForeground2 },
  emptyIcon: { fontSize: '24px', color: tokens.colorBrandForeground1 },
  pairs: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  pair: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  pairHead: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS },
  pairTitle: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  signals: { margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS },
  signal: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS, color: tokens.colorNeutralForeground2 },
  signalIcon: { color: tokens.colorBrandForeground1, fontSize: '16px' },
  tableWrap: { overflowX: 'auto' },
  table: { tableLayout: 'fixed' },
  fieldCol: { width: '10rem' },
  fieldName: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  cell: { overflowWrap: 'anywhere', verticalAlign: 'top' },
  nowrap: { whiteSpace: 'nowrap' },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  decided: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalM },
  decidedTable: { tableLayout: 'auto' },
  decidedCell: { overflowWrap: 'anywhere', verticalAlign: 'middle' },
});

interface Props {
  list: QueryState<DuplicateList>;
  /** The section's heading, focusable, so the review's "Possible duplicates" button can bring the officer here. */
  headingRef?: Ref<HTMLHeadingElement>;
}

type Decision = 'confirmed' | 'dismissed' | 'undecided';
/** Where focus goes once the list has reloaded after a decision: the pair now at that place, in that list. */
type FocusPlace = { list: 'open' | 'decided'; index: number };
/** `before`: the list as it was when the decision was sent; focus moves once a newer one arrived. */
type FocusAfter = (FocusPlace & { before: DuplicateList | undefined }) | null;

const pairKey = (pair: DuplicatePair) => `${pair.a.ref}-${pair.b.ref}`;

/**
 * Applications the identity rule keeps apart that look like one person, side by side, for an
 * officer to say whether they are; the decided ones below, each with an undo.
 */
export function PossibleDuplicates({ list, headingRef }: Props) {
  const { t } = useTranslation();
  const section = useSectionStyles();
  const styles = useStyles();
  const format = useFormat();
  const client = useClient();
  const notify = useNotify();
  const [shown, setShown] = useState(PAGE_SIZE);
  const [busy, setBusy] = useState<string | null>(null);
  const [focusAfter, setFocusAfter] = useState<FocusAfter>(null);
  const { refetch } = list;
  const data = list.data;

  // After a decision the pair leaves its list: focus the one that took its place (or the list's
  // heading), not the page's top, so deciding pair after pair works from the keyboard.
  useEffect(() => {
    if (!focusAfter || !data || data === focusAfter.before) return;
    const timer = setTimeout(() => {
      const rows = focusAfter.list === 'open' ? data.open : data.decided;
      const index = Math.min(focusAfter.index, rows.length - 1);
      const target =
        index >= 0
          ? document.querySelector<HTMLElement>(`[data-duplicates-${focusAfter.list}="${index}"] button`)
          : document.getElementById(focusAfter.list === 'open' ? 'duplicates-title' : 'duplicates-decided-title');
      target?.focus();
      setFocusAfter(null);
    }, 0);
    return () => clearTimeout(timer);
  }, [data, focusAfter]);

  async function decide(pair: DuplicatePair, decision: Decision, from: FocusPlace) {
    const key = pairKey(pair);
    setBusy(key);
    const result = await client.tryCall('screening.decideDuplicate', { a: pair.a.ref, b: pair.b.ref, decision });
    setBusy(null);
    if (!result.ok) {
      notify.error(result.error);
      return;
    }
    const ids = { a: pair.a.applicationId, b: pair.b.applicationId };
    if (decision === 'undecided') notify.success(t('screening.duplicates.undone'), t('screening.duplicates.undoneBody', ids));
    else notify.success(t(decision === 'confirmed' ? 'screening.duplicates.confirmed' : 'screening.duplicates.dismissed'), t('screening.duplicates.decidedBody', ids));
    setFocusAfter({ ...from, before: data });
    refetch();
  }

  const openCount = data?.open.length;
  let body;
  if (list.error) body = <ErrorBar error={list.error} onRetry={refetch} />;
  else if (!data) body = <Spinner size="small" label={t('screening.duplicates.loading')} />;
  else
    body = (
      <>
        {data.open.length === 0 ? (
          <p className={styles.empty} data-testid="duplicates-empty">
            <PeopleRegular className={styles.emptyIcon} aria-hidden />
            <span>
              <strong>{t('screening.duplicates.emptyTitle')}.</strong> {t('screening.duplicates.empty')}
            </span>
          </p>
        ) : (
          <>
            <ul className={styles.pairs} aria-label={t('screening.duplicates.openTitle')} data-testid="duplicates-open">
              {data.open.slice(0, shown).map((pair, index) => (
                <OpenPair
                  key={pairKey(pair)}
                  pair={pair}
                  index={index}
                  busy={busy === pairKey(pair)}
                  onDecide={(decision) => void decide(pair, decision, { list: 'open', index })}
                />
              ))}
            </ul>
            {data.open.length > shown ? (
              <div className={styles.actions}>
                <Button
                  onClick={() => setShown(shown + PAGE_SIZE)}
                  aria-label={t('screening.duplicates.moreLabel', { count: data.open.length - shown })}
                >
                  {t('screening.duplicates.more')}
                </Button>
                <span className={styles.muted}>
                  {t('screening.duplicates.shown', { shown: format.number(shown), total: format.number(data.open.length) })}
                </span>
              </div>
            ) : null}
          </>
        )}

        {data.decided.length > 0 ? (
          <section className={styles.decided} aria-labelledby="duplicates-decided-title">
            <h3 className={mergeClasses(styles.subheading, styles.headingFocus)} id="duplicates-decided-title" tabIndex={-1}>
              {t('screening.duplicates.decidedTitle')}
            </h3>
            <p className={styles.muted}>{t('screening.duplicates.decidedIntro')}</p>
            <div className={styles.tableWrap}>
              <Table size="small" className={styles.decidedTable} aria-label={t('screening.duplicates.decidedLabel')} data-testid="duplicates-decided">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{t('screening.duplicates.colPair')}</TableHeaderCell>
                    <TableHeaderCell>{t('screening.duplicates.colDecision')}</TableHeaderCell>
                    <TableHeaderCell>{t('screening.duplicates.colWho')}</TableHeaderCell>
                    <TableHeaderCell>{t('screening.duplicates.colWhen')}</TableHeaderCell>
                    <TableHeaderCell>{t('screening.duplicates.colAction')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {data.decided.map((pair, index) => (
                    <TableRow key={pairKey(pair)} data-duplicates-decided={index} data-testid={`duplicate-decided-${pair.a.applicationId}-${pair.b.applicationId}`}>
                      <TableCell className={styles.decidedCell}>
                        {sideSummary(pair.a)}
                        <br />
                        {sideSummary(pair.b)}
                      </TableCell>
                      <TableCell className={styles.decidedCell}>
                        {pair.decision ? t(pair.decision.decision === 'confirmed' ? 'screening.duplicates.decision.confirmed' : 'screening.duplicates.decision.dismissed') : ''}
                      </TableCell>
                      <TableCell className={styles.decidedCell}>{pair.decision?.actor}</TableCell>
                      <TableCell className={styles.nowrap}>{pair.decision ? format.dateTime(pair.decision.at) : ''}</TableCell>
                      <TableCell>
                        <Button
                          size="small"
                          icon={<ArrowUndoRegular />}
                          disabledFocusable={busy === pairKey(pair)}
                          aria-label={t('screening.duplicates.undoLabel', { a: pair.a.applicationId, b: pair.b.applicationId })}
                          onClick={() => void decide(pair, 'undecided', { list: 'decided', index })}
                        >
                          {t('screening.duplicates.undo')}
                        </Button>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          </section>
        ) : null}
      </>
    );

  return (
    <section className={mergeClasses(section.section, styles.section)} aria-labelledby="duplicates-title" data-testid="possible-duplicates">
      <div className={styles.head}>
        <h2 className={mergeClasses(section.heading, styles.headingFocus)} id="duplicates-title" tabIndex={-1} ref={headingRef}>
          {t('screening.duplicates.title')}
        </h2>
        {openCount !== undefined ? (
          <CounterBadge appearance="ghost" color={openCount > 0 ? 'brand' : 'informative'} showZero overflowCount={99_999} count={openCount} />
        ) : null}
      </div>
      <p className={section.intro}>{t('screening.duplicates.intro')}</p>
      {body}
    </section>
  );
}

function sideSummary(side: DuplicateSide): string {
  return `${side.applicationId} — ${`${side.firstName} ${side.lastName}`.trim()}`;
}

function OpenPair({ pair, index, busy, onDecide }: { pair: DuplicatePair; index: number; busy: boolean; onDecide: (decision: Decision) => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const { a, b } = pair;
  const ids = { a: a.applicationId, b: b.applicationId };
  const titleId = `duplicate-pair-${a.ref}-${b.ref}`;
  const rows: { label: string; value: (side: DuplicateSide) => ReactNode }[] = [
    { label: t('screening.duplicates.name'), value: (s) => `${s.firstName} ${s.lastName}`.trim() },
    { label: t('screening.duplicates.dateOfBirth'), value: (s) => s.dateOfBirth },
    { label: t('screening.duplicates.email'), value: (s) => s.email },
    { label: t('screening.duplicates.nationality'), value: (s) => s.nationality },
    { label: t('screening.duplicates.division'), value: (s) => s.division },
    { label: t('screening.duplicates.submitted'), value: (s) => (s.submittedAt ? format.dateTime(s.submittedAt) : '') },
    { label: t('screening.duplicates.verdict'), value: (s) => <VerdictBadge verdict={s.verdict} /> },
  ];
  return (
    <li className={styles.pair} aria-labelledby={titleId} data-duplicates-open={index} data-testid={`duplicate-pair-${a.applicationId}-${b.applicationId}`}>
      <div className={styles.pairHead}>
        <h3 className={styles.pairTitle} id={titleId}>
          {t('screening.duplicates.pairLabel', ids)}
        </h3>
        <ul className={styles.signals}>
          {pair.signals.length === 0 ? (
            <li className={styles.signal}>{t('screening.duplicates.noSignal')}</li>
          ) : (
            pair.signals.map((signal) => (
              <li key={signal} className={styles.signal}>
                <PeopleSearchRegular className={styles.signalIcon} aria-hidden />
                {t(`screening.duplicates.signal.${signal}`)}
              </li>
            ))
          )}
        </ul>
      </div>
      <div className={styles.tableWrap}>
        <Table size="small" className={styles.table} aria-label={t('screening.duplicates.pairLabel', ids)}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.fieldCol}>{t('screening.duplicates.field')}</TableHeaderCell>
              <TableHeaderCell>{t('screening.duplicates.application', { id: a.applicationId })}</TableHeaderCell>
              <TableHeaderCell>{t('screening.duplicates.application', { id: b.applicationId })}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.label}>
                <TableCell className={mergeClasses(styles.cell, styles.fieldName)}>{row.label}</TableCell>
                <TableCell className={styles.cell}>{row.value(a)}</TableCell>
                <TableCell className={styles.cell}>{row.value(b)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <div className={styles.actions}>
        <Button icon={busy ? <Spinner size="tiny" /> : <CheckmarkRegular />} disabledFocusable={busy} aria-label={t('screening.duplicates.sameLabel', ids)} onClick={() => onDecide('confirmed')}>
          {t('screening.duplicates.same')}
        </Button>
        <Button icon={<DismissRegular />} disabledFocusable={busy} aria-label={t('screening.duplicates.notSameLabel', ids)} onClick={() => onDecide('dismissed')}>
          {t('screening.duplicates.notSame')}
        </Button>
      </div>
    </li>
  );
}
