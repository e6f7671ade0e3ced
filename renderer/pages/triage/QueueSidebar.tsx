import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { DeleteRegular, PersonRegular } from '@fluentui/react-icons';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueId, SavedView, TriageSidebar } from '../../../shared/api/contract';
import { DIVISIONS } from '../../../shared/domain/divisions';
import { STAGE_IDS, UNASSIGNED_QUEUE, type Stage } from '../../../shared/domain/stages';
import { useFormat } from '../../i18n/format';
import { toLanguage } from '../../i18n/languages';
import { STAGE_COLOUR } from './stageColours';
import { useTriageWords } from './triageWords';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  item: {
    display: 'grid',
    gridTemplateColumns: '1fr auto',
    rowGap: tokens.spacingVerticalXXS,
    width: '100%',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: 'none',
    borderRadius: tokens.borderRadiusMedium,
    background: 'none',
    textAlign: 'start',
    cursor: 'pointer',
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  active: { backgroundColor: tokens.colorBrandBackground2, ':hover': { backgroundColor: tokens.colorBrandBackground2Hover } },
  name: { fontWeight: tokens.fontWeightSemibold, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  count: { fontVariantNumeric: 'tabular-nums', color: tokens.colorNeutralForeground2 },
  bar: { gridColumn: '1 / -1', display: 'flex', height: '6px', borderRadius: tokens.borderRadiusSmall, overflow: 'hidden', backgroundColor: tokens.colorNeutralBackground3 },
  legend: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  swatch: { display: 'inline-block', width: '10px', height: '10px', borderRadius: '2px', marginRight: tokens.spacingHorizontalXXS },
  view: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXXS },
});

export type QueueChoice = { kind: 'queue'; queue: QueueId } | { kind: 'mine' } | { kind: 'view'; view: SavedView };

/**
 * The queues: each division's (and Unassigned) with its counts per stage as a small bar, the
 * officer's own applications, and the officer's saved views.
 */
/** Drawn again only when its counts, views or choice change (not on every key of the queue). */
export const QueueSidebar = memo(QueueSidebarView, (a, b) => a.data === b.data && a.views === b.views && a.active === b.active);

function QueueSidebarView({
  data,
  views,
  active,
  onChoose,
  onDeleteView,
}: {
  data: TriageSidebar | undefined;
  views: SavedView[];
  active: QueueChoice;
  onChoose(choice: QueueChoice): void;
  onDeleteView(view: SavedView): void;
}) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const words = useTriageWords();
  const language = toLanguage(i18n.language);

  const entry = (key: string, name: string, title: string, byStage: Record<Stage, number> | undefined, total: number, isActive: boolean, onClick: () => void) => {
    const open = (byStage?.new ?? 0) + (byStage?.inReview ?? 0);
    const described = STAGE_IDS.map((s) => `${words.stage(s)} ${format.number(byStage?.[s] ?? 0)}`).join(', ');
    return (
      <li key={key}>
        <button
          type="button"
          className={mergeClasses(styles.item, isActive && styles.active)}
          aria-current={isActive ? 'true' : undefined}
          aria-label={t('triage.queueLabel', { name: title, open: format.number(open), total: format.number(total), stages: described })}
          title={title}
          onClick={onClick}
          data-testid={`queue-${key}`}
        >
          <span className={styles.name}>{name}</span>
          <span className={styles.count}>
            {format.number(open)} / {format.number(total)}
          </span>
          <span className={styles.bar} aria-hidden>
            {STAGE_IDS.map((s) => (
              <span key={s} style={{ width: `${total === 0 ? 0 : ((byStage?.[s] ?? 0) / total) * 100}%`, backgroundColor: STAGE_COLOUR[s] }} />
            ))}
          </span>
        </button>
      </li>
    );
  };

  const isQueue = (q: QueueId) => active.kind === 'queue' && active.queue === q;
  const queueCounts = new Map(data?.queues.map((q) => [q.queue, q]));
  const mineTotal = data ? STAGE_IDS.reduce((n, s) => n + data.mine[s], 0) : 0;
  const allStages = Object.fromEntries(STAGE_IDS.map((s) => [s, data?.queues.reduce((n, q) => n + q.byStage[s], 0) ?? 0])) as Record<Stage, number>;
  return (
    <nav className={styles.root} aria-label={t('triage.queuesTitle')}>
      <h2 className={styles.heading}>{t('triage.queuesTitle')}</h2>
      <ul className={styles.list}>
        {entry('mine', t('triage.myQueue'), t('triage.myQueueTitle', { officer: data?.officer ?? '' }), data?.mine, mineTotal, active.kind === 'mine', () => onChoose({ kind: 'mine' }))}
        {DIVISIONS.map((d) => {
          const c = queueCounts.get(d.code);
          return entry(d.code, d.code, d[language], c?.byStage, c?.total ?? 0, isQueue(d.code), () => onChoose({ kind: 'queue', queue: d.code }));
        })}
        {(() => {
          const c = queueCounts.get(UNASSIGNED_QUEUE);
          return entry(UNASSIGNED_QUEUE, t('triage.unassigned'), t('triage.unassignedTitle'), c?.byStage, c?.total ?? 0, isQueue(UNASSIGNED_QUEUE), () =>
            onChoose({ kind: 'queue', queue: UNASSIGNED_QUEUE }),
          );
        })()}
        {entry('all', t('triage.allDivisions'), t('triage.allDivisions'), allStages, data?.queues.reduce((n, q) => n + q.total, 0) ?? 0, isQueue('all'), () => onChoose({ kind: 'queue', queue: 'all' }))}
      </ul>
      <div className={styles.legend} aria-hidden>
        {STAGE_IDS.map((s) => (
          <span key={s}>
            <span className={styles.swatch} style={{ backgroundColor: STAGE_COLOUR[s] }} />
            {words.stage(s)}
          </span>
        ))}
      </div>
      {views.length > 0 ? (
        <>
          <h2 className={styles.heading}>{t('triage.savedViews')}</h2>
          <ul className={styles.list}>
            {views.map((v) => (
              <li key={v.id} className={styles.view}>
                <button
                  type="button"
                  className={mergeClasses(styles.item, active.kind === 'view' && active.view.id === v.id && styles.active)}
                  onClick={() => onChoose({ kind: 'view', view: v })}
                >
                  <span className={styles.name}>
                    <PersonRegular aria-hidden /> {v.name}
                  </span>
                </button>
                <Button appearance="subtle" size="small" icon={<DeleteRegular />} aria-label={t('triage.deleteView', { name: v.name })} onClick={() => onDeleteView(v)} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </nav>
  );
}
