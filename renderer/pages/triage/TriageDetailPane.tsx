import { ExportChanges } from '../../components/ExportChanges';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Link,
  Skeleton,
  SkeletonItem,
  Button,
  Field,
  Popover,
  PopoverSurface,
  PopoverTrigger,
  Textarea,
  ToggleButton,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { memo, useCallback, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { RubricCriterion, TriageDetail, TriageHistoryEntry, TriageStateView } from '../../../shared/api/contract';
import type { AppErrorData } from '../../../shared/api/errors';
import { APPLICATION_FIELDS } from '../../../shared/domain/application-fields';
import { parseDivision } from '../../../shared/domain/divisions';
import { SCORE_MAX, SCORE_MIN } from '../../../shared/domain/stages';
import { ErrorBar } from '../../components/ErrorBar';
import { LongText } from '../../components/LongText';
import { useListedValueText } from '../../i18n/listed-values';
import { parseFunding, parseLevel } from '../../../shared/domain/listed-values';
import { countryCode } from '../../../shared/domain/country-names';
import { useNationalityText } from '../../i18n/countries';
import { Highlighted } from '../../components/Highlighted';
import { useFormat, type Format } from '../../i18n/format';
import { toLanguage } from '../../i18n/languages';
import { useScreeningText } from '../screening/screeningText';
import { VerdictBadge } from '../screening/VerdictBadges';
import { useTriageWords, type TriageWords } from './triageWords';
import { PersonNotices } from '../notices/PersonNotices';

/**
 * The application the officer is deciding on, in a column beside the queue. Officers read
 * hundreds a day, so what decides comes first (who, where it stands, the scores, the motivation)
 * and the rest follows in sections with headings a screen reader can jump between. It never takes
 * focus and never animates: J/K replace its content at once.
 */

export interface TriageDetailPaneProps {
  /** Undefined while loading: a skeleton of the same layout is shown. */
  detail: TriageDetail | undefined;
  error?: AppErrorData;
  /** The search terms as the index reads them, highlighted in names, e-mail, university, field of study, position and motivation. */
  searchTerms: string[];
  /** The rubric criterion (index; 0 for the overall score when the rubric is empty) keys 1-5 score. */
  activeCriterion: number;
  onActiveCriterionChange(index: number): void;
  /** criterionId 0: the overall score of a division without a rubric; null removes the score. */
  onScore(criterionId: number, score: number | null): void;
  /** A comment on a score already given (rubric criteria only). */
  onComment(criterionId: number, score: number, comment: string): void;
  /** A click on one of the person's other applications. */
  onOpenApplication(ref: number): void;
  /** The officer deciding (the sidebar's name): their own scores are the ones to give; others' are shown beside. */
  officer: string;
}

const useStyles = makeStyles({
  commentForm: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: '18rem' },
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    minWidth: 0,
  },
  header: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  name: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS },
  muted: { margin: 0, color: tokens.colorNeutralForeground3 },
  small: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  // An Application ID broken at its hyphens reads as two things.
  nowrap: { whiteSpace: 'nowrap' },
  anywhere: { overflowWrap: 'anywhere' },
  strong: { fontWeight: tokens.fontWeightSemibold },
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  // Wraps in a narrow pane (1280 pixels at 125 %): the buttons go under the name, never squeeze it letter by letter.
  criterion: {
    display: 'flex',
    flexWrap: 'wrap',
    justifyContent: 'space-between',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    // The same border on every row, transparent but for the active one: nothing moves when it changes.
    borderLeft: `${tokens.strokeWidthThickest} solid transparent`,
    borderRadius: tokens.borderRadiusMedium,
  },
  activeCriterion: { borderLeftColor: tokens.colorBrandStroke1, backgroundColor: tokens.colorBrandBackground2 },
  criterionName: { flex: '1 1 7rem', display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, overflowWrap: 'break-word' },
  scoreButtons: { display: 'flex', columnGap: tokens.spacingHorizontalXXS },
  scoreButton: { minWidth: '32px', paddingLeft: 0, paddingRight: 0 },
  scoreMeta: { flexBasis: '100%' },
  // Other officers' scores: one wrapping line of badges under the officer's own.
  others: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS },
  otherList: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXS, rowGap: tokens.spacingVerticalXXS },
  motivation: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', lineHeight: tokens.lineHeightBase400 },
  facts: {
    margin: 0,
    display: 'grid',
    gridTemplateColumns: 'minmax(7rem, max-content) 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
  },
  pair: { display: 'contents' },
  dt: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  dd: { margin: 0, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' },
  empty: { color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
  undone: { textDecorationLine: 'line-through' },
  entry: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  noteText: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  accordionHeading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  skeleton: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
});

/**
 * Drawn again only when what it shows changes: the page re-renders on every key and answer, and
 * this pane is the heaviest part of it. Its callbacks act on the application it was last drawn
 * with (which is in `detail`), so new callbacks alone need no new drawing.
 */
export const TriageDetailPane = memo(TriageDetailPaneView, (a, b) =>
  a.detail === b.detail &&
  a.error === b.error &&
  a.activeCriterion === b.activeCriterion &&
  a.officer === b.officer &&
  a.searchTerms.join('\u0000') === b.searchTerms.join('\u0000'),
);

function TriageDetailPaneView({ detail, error, searchTerms, activeCriterion, onActiveCriterionChange, onScore, onComment, onOpenApplication, officer }: TriageDetailPaneProps) {
  const styles = useStyles();
  const ref = detail?.ref;
  // No scrolling and no layout reads here: the page owns the scrolling column and brings it back
  // to the top when the application changes (a read here forced a layout on every key press).
  // The page passes a new function on each render; a stable one lets the body skip re-rendering
  // when only the active criterion or a score changed.
  const openLatest = useRef(onOpenApplication);
  useLayoutEffect(() => {
    openLatest.current = onOpenApplication;
  });
  const openApplication = useCallback((target: number) => openLatest.current(target), []);

  return (
    <div className={styles.root} aria-busy={detail === undefined && !error} data-testid="triage-detail-pane" data-ref={ref}>
      {error ? <ErrorBar error={error} /> : null}
      {detail ? (
        <>
          <Header detail={detail} searchTerms={searchTerms} />
          <Scores detail={detail} officer={officer} activeCriterion={activeCriterion} onActiveCriterionChange={onActiveCriterionChange} onScore={onScore} onComment={onComment} />
          <Body detail={detail} searchTerms={searchTerms} onOpenApplication={openApplication} />
        </>
      ) : error ? null : (
        <LoadingSkeleton />
      )}
    </div>
  );
}

function LoadingSkeleton() {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <Skeleton className={styles.skeleton} aria-label={t('triageDetail.loading')}>
      <SkeletonItem size={28} style={{ width: '60%' }} />
      <SkeletonItem size={16} style={{ width: '80%' }} />
      <SkeletonItem size={16} style={{ width: '40%' }} />
      <SkeletonItem size={72} />
      <SkeletonItem size={128} />
    </Skeleton>
  );
}

// ---- Header: who, where it stands ----------------------------------------------------------

const STAGE_COLOR: Record<string, 'informative' | 'brand' | 'success' | 'danger'> = {
  new: 'informative',
  inReview: 'brand',
  proposed: 'success',
  notRetained: 'danger',
};

/** A stage as a coloured badge, the word always written (colour is never the only cue). */
export function StageBadge({ stage }: { stage: string }) {
  const words = useTriageWords();
  const styles = useStyles();
  return (
    <Badge className={styles.nowrap} appearance="tint" shape="rounded" color={STAGE_COLOR[stage] ?? 'subtle'}>
      {words.stage(stage)}
    </Badge>
  );
}

function personName(raw: Record<string, string>): string {
  return `${raw.firstName ?? ''} ${raw.lastName ?? ''}`.trim();
}

const Header = memo(function Header({ detail, searchTerms }: { detail: TriageDetail; searchTerms: string[] }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const words = useTriageWords();
  const format = useFormat();
  const { raw, state } = detail;
  const name = personName(raw);
  const division = parseDivision(raw.division) ?? raw.division?.trim() ?? '';
  const email = raw.email ?? '';
  const scoreText =
    state.score === null
      ? t('triageDetail.notScored')
      : detail.officerScores.length > 1
        ? t('triageDetail.officersAverage', { count: detail.officerScores.length, score: format.number(state.score) })
        : detail.rubric.length > 0
          ? t('triageDetail.average', { score: format.number(state.score) })
          : t('triageDetail.overall', { score: format.number(state.score) });
  return (
    <div className={styles.header}>
      <h2 className={styles.name}>{name === '' ? t('triageDetail.noName') : <Highlighted text={name} terms={searchTerms} />}</h2>
      <div className={styles.line}>
        <span className={mergeClasses(styles.nowrap, styles.strong)}>{raw.applicationId}</span>
        <span className={division === '' ? styles.empty : undefined}>{division === '' ? t('triageDetail.noDivision') : division}</span>
        {email === '' ? null : (
          <span className={styles.anywhere}>
            <Highlighted text={email} terms={searchTerms} />
          </span>
        )}
      </div>
      <div className={styles.line}>
        <StageBadge stage={state.stage} />
        {state.reason ? <span>{t('triageDetail.reasonShown', { reason: words.reason(state.reason) })}</span> : null}
        <span>{state.assignee ? t('triageDetail.assignedTo', { name: state.assignee }) : t('triageDetail.unassigned')}</span>
        <span data-testid="triage-detail-score">{scoreText}</span>
        {/* Who made the last shared decision: what a refused decision's message points the officer to. */}
        {detail.changedBy !== null && detail.changedAt !== null ? (
          <span className={mergeClasses(styles.muted, styles.small)} data-testid="triage-detail-changed">
            {t('triageDetail.changedBy', { name: detail.changedBy, date: format.dateTime(detail.changedAt) })}
          </span>
        ) : null}
      </div>
    </div>
  );
});

// ---- Scores ----------------------------------------------------------------------------------

const SCORE_VALUES = Array.from({ length: SCORE_MAX - SCORE_MIN + 1 }, (_, i) => SCORE_MIN + i);

interface ScoresProps {
  detail: TriageDetail;
  officer: string;
  activeCriterion: number;
  onActiveCriterionChange(index: number): void;
  onScore(criterionId: number, score: number | null): void;
  onComment(criterionId: number, score: number, comment: string): void;
}

interface ScoreRow {
  criterionId: number;
  label: string;
  score: number | null;
  /** Who gave the score and when, if anyone did. */
  by: { actor: string; at: string } | null;
  comment: string | null;
}

/**
 * The officer's own scores, to give and change; each other officer's overall score beside them,
 * read only (scores are each officer's: the application's score is their average).
 */
function Scores({ detail, officer, activeCriterion, onActiveCriterionChange, onScore, onComment }: ScoresProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const headingId = useId();
  const rows = scoreRows(detail, officer, t('triageDetail.scores.overall'));
  const shownIds = new Set(rows.map((r) => r.criterionId));
  // Scores given on criteria removed from the rubric since: kept on record, so shown (read only).
  const retired = detail.scores.filter((s) => s.actor === officer && s.criterionId !== 0 && !shownIds.has(s.criterionId));
  const others = detail.officerScores.filter((o) => o.officer !== officer);
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h3 className={styles.heading} id={headingId}>
        {t('triageDetail.scores.heading')}
      </h3>
      <p className={mergeClasses(styles.muted, styles.small)}>{t('triageDetail.scores.hint')}</p>
      {/* Whose the buttons are needs saying only once someone else has scored too. */}
      {others.length > 0 ? <p className={mergeClasses(styles.muted, styles.small)}>{t('triageDetail.scores.yours', { name: officer })}</p> : null}
      <ul className={styles.list}>
        {rows.map((row, index) => (
          <ScoreLine
            key={row.criterionId}
            row={row}
            active={index === activeCriterion}
            onScore={(score) => {
              onActiveCriterionChange(index);
              onScore(row.criterionId, score);
            }}
            onComment={(comment) => row.score !== null && onComment(row.criterionId, row.score, comment)}
          />
        ))}
      </ul>
      {retired.length > 0 ? (
        <p className={mergeClasses(styles.muted, styles.small)}>
          {t('triageDetail.scores.retired', { scores: format.list(retired.map((s) => format.number(s.score))) })}
        </p>
      ) : null}
      {others.length > 0 ? <OtherOfficersScores others={others} detail={detail} /> : null}
    </section>
  );
}

/** Each other officer's overall score, read only, and the average the queue shows: "Jan: 2 · Average 3.3 of 2 officers". */
function OtherOfficersScores({ others, detail }: { others: TriageDetail['officerScores']; detail: TriageDetail }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const labelId = useId();
  return (
    <div className={styles.others} data-testid="other-officers-scores">
      <span id={labelId} className={mergeClasses(styles.muted, styles.small)}>
        {t('triageDetail.scores.others')}
      </span>
      <ul className={styles.otherList} aria-labelledby={labelId}>
        {others.map((o) => (
          <li key={o.officer} title={format.dateTime(o.at)}>
            <Badge appearance="outline" color="informative" shape="rounded">
              {t('triageDetail.scores.officerScore', { officer: o.officer, score: format.number(o.score) })}
            </Badge>
          </li>
        ))}
      </ul>
      {detail.state.score === null ? null : (
        <span className={styles.small} data-testid="officers-average">
          {t('triageDetail.officersAverage', { count: detail.officerScores.length, score: format.number(detail.state.score) })}
        </span>
      )}
    </div>
  );
}

/** The division's criteria with the officer's own scores, or their one overall score when it has no rubric. */
function scoreRows(detail: TriageDetail, officer: string, overallLabel: string): ScoreRow[] {
  if (detail.rubric.length === 0) {
    const own = detail.officerScores.find((o) => o.officer === officer);
    return [{ criterionId: 0, label: overallLabel, score: own?.score ?? null, by: own ? { actor: own.officer, at: own.at } : null, comment: null }];
  }
  return detail.rubric.map((criterion) => {
    const given = detail.scores.find((s) => s.criterionId === criterion.id && s.actor === officer);
    return {
      criterionId: criterion.id,
      label: criterion.label,
      score: given?.score ?? null,
      by: given ? { actor: given.actor, at: given.at } : null,
      comment: given?.comment ?? null,
    };
  });
}

function ScoreLine({ row, active, onScore, onComment }: { row: ScoreRow; active: boolean; onScore: (score: number | null) => void; onComment: (comment: string) => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const labelId = useId();
  return (
    <li className={mergeClasses(styles.criterion, active && styles.activeCriterion)} data-testid={`score-row-${row.criterionId}`} data-active={active}>
      <span className={styles.criterionName}>
        <span id={labelId} className={styles.strong}>
          {row.label}
        </span>
        {active ? (
          <Badge appearance="outline" color="brand" shape="rounded" size="small">
            {t('triageDetail.scores.active')}
          </Badge>
        ) : null}
      </span>
      <span role="group" aria-label={t('triageDetail.scores.group', { criterion: row.label })} className={styles.scoreButtons}>
        {SCORE_VALUES.map((value) => {
          const pressed = row.score === value;
          return (
            <ToggleButton
              key={value}
              size="small"
              className={styles.scoreButton}
              appearance={pressed ? 'primary' : 'secondary'}
              checked={pressed}
              aria-label={t('triageDetail.scores.button', { criterion: row.label, score: value })}
              // A second click on the score given takes it back.
              onClick={() => onScore(pressed ? null : value)}
            >
              {value}
            </ToggleButton>
          );
        })}
      </span>
      <span className={mergeClasses(styles.muted, styles.small, styles.scoreMeta)}>
        {row.by ? t('triageDetail.scores.by', { name: row.by.actor, date: format.dateTime(row.by.at) }) : t('triageDetail.scores.notYet')}
        {row.comment ? ` — ${row.comment}` : ''}
      </span>
      {row.criterionId !== 0 && row.score !== null ? <ScoreComment label={row.label} comment={row.comment} onSave={onComment} /> : null}
    </li>
  );
}

/** A comment on a given score: why this criterion got this score, for the hiring managers later. */
function ScoreComment({ label, comment, onSave }: { label: string; comment: string | null; onSave: (comment: string) => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState(comment ?? '');
  return (
    <Popover open={open} onOpenChange={(_e, data) => setOpen(data.open)} trapFocus>
      <PopoverTrigger disableButtonEnhancement>
        <Button size="small" appearance="subtle" aria-label={t('triageDetail.scores.comment', { criterion: label })}>
          {comment ? t('triageDetail.scores.editComment') : t('triageDetail.scores.addComment')}
        </Button>
      </PopoverTrigger>
      <PopoverSurface>
        <form
          className={styles.commentForm}
          onSubmit={(e) => {
            e.preventDefault();
            onSave(text.trim());
            setOpen(false);
          }}
        >
          <Field label={t('triageDetail.scores.comment', { criterion: label })}>
            <Textarea value={text} onChange={(_e, data) => setText(data.value)} resize="vertical" />
          </Field>
          <Button type="submit" appearance="primary" size="small">
            {t('triageDetail.scores.saveComment')}
          </Button>
        </form>
      </PopoverSurface>
    </Popover>
  );
}

// ---- The rest: motivation, facts, screening, the person, notes, history, raw ----------------------

/** Everything below the scores: it changes with the application only, not with the active criterion. */
const Body = memo(function Body({ detail, searchTerms, onOpenApplication }: BodyProps) {
  return (
    <>
      <Motivation text={detail.raw.motivation ?? ''} searchTerms={searchTerms} />
      <KeyFacts raw={detail.raw} searchTerms={searchTerms} />
      <ScreeningSection screening={detail.screening} />
      <OtherApplications detail={detail} onOpenApplication={onOpenApplication} />
      <Notes notes={detail.notes} />
      <History history={detail.history} rubric={detail.rubric} />
      <PersonNotices notices={detail.notices} />
      <ExportChanges changes={detail.exportChanges} />
      <RawFields raw={detail.raw} extra={detail.extra} />
    </>
  );
}, sameBody);

interface BodyProps {
  detail: TriageDetail;
  searchTerms: string[];
  onOpenApplication: (ref: number) => void;
}

/** The page may build the terms array anew for the same search: compare the words. */
function sameBody(a: BodyProps, b: BodyProps): boolean {
  return (
    a.detail === b.detail &&
    a.onOpenApplication === b.onOpenApplication &&
    a.searchTerms.length === b.searchTerms.length &&
    a.searchTerms.every((term, i) => term === b.searchTerms[i])
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const styles = useStyles();
  const headingId = useId();
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h3 className={styles.heading} id={headingId}>
        {title}
      </h3>
      {children}
    </section>
  );
}

function EmptyValue() {
  const { t } = useTranslation();
  const styles = useStyles();
  return <span className={styles.empty}>{t('screening.detail.empty')}</span>;
}

function Motivation({ text, searchTerms }: { text: string; searchTerms: string[] }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <Section title={t('triageDetail.motivation.heading')}>
      <p className={styles.motivation} data-testid="triage-motivation">
        {text.trim() === '' ? <EmptyValue /> : <LongText text={text} terms={searchTerms} />}
      </p>
    </Section>
  );
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_FIRST_DATE = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const DAY_FIRST_DATE_TIME = /^(\d{1,2})([/.])(\d{1,2})\2(\d{4})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/;

const pad = (text: string) => text.padStart(2, '0');

/**
 * A date as the export wrote it, in the reader's language when it is one of the export's shapes
 * (day first, never month first: the export is European). Anything else is shown as written;
 * the parser of shared/domain/datetime.ts would pull the Temporal polyfill into the renderer.
 */
function shownDate(raw: string, format: Format): string {
  const text = raw.trim();
  if (ISO_DATE.test(text)) return format.date(text);
  const m = DAY_FIRST_DATE.exec(text);
  return m ? format.date(`${m[3]}-${pad(m[2] ?? '')}-${pad(m[1] ?? '')}`) : text;
}

/** A submission time: with a zone it is an instant (shown in Brussels time), without one Brussels wall-clock time. */
function shownDateTime(raw: string, format: Format): string {
  const text = raw.trim();
  if (ISO_DATE_TIME.test(text)) return format.dateTime(text.replace(' ', 'T'));
  const m = DAY_FIRST_DATE_TIME.exec(text);
  if (m) return format.dateTime(`${m[4]}-${pad(m[3] ?? '')}-${pad(m[1] ?? '')}T${pad(m[5] ?? '')}:${m[6]}:${m[7] ?? '00'}`);
  return shownDate(text, format);
}

const KeyFacts = memo(function KeyFacts({ raw, searchTerms }: { raw: Record<string, string>; searchTerms: string[] }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const value = (key: string) => (raw[key] ?? '').trim();
  const highlighted = (key: string) => <Highlighted text={value(key)} terms={searchTerms} />;
  const values = useListedValueText();
  // Levels and funding as the rules read them (the export's words are under "Raw fields").
  const level = (key: string) => {
    const read = parseLevel(value(key));
    return read === null ? value(key) : values.level(read);
  };
  const fundingTrack = parseFunding(value('funding'));
  const nationalityText = useNationalityText();
  const country = (key: string) => nationalityText(countryCode(value(key)), value(key));
  const nationality = value('secondNationality') === '' ? country('nationality') : t('triageDetail.facts.nationalities', { first: country('nationality'), second: country('secondNationality') });
  const facts: [string, ReactNode, boolean][] = [
    [t('triageDetail.facts.nationality'), nationality, value('nationality') === ''],
    [t('triageDetail.facts.funding'), fundingTrack === null ? value('funding') : values.funding(fundingTrack), value('funding') === ''],
    [t('triageDetail.facts.session'), value('preferredSession'), value('preferredSession') === ''],
    [t('triageDetail.facts.university'), highlighted('university'), value('university') === ''],
    [t('triageDetail.facts.field'), highlighted('fieldOfStudy'), value('fieldOfStudy') === ''],
    [t('triageDetail.facts.degree'), value('highestDegree'), value('highestDegree') === ''],
    [t('triageDetail.facts.years'), value('yearsCompleted'), value('yearsCompleted') === ''],
    [t('triageDetail.facts.degreeDate'), shownDate(value('degreeDate'), format), value('degreeDate') === ''],
    [t('triageDetail.facts.english'), level('englishLevel'), value('englishLevel') === ''],
    [t('triageDetail.facts.french'), level('frenchLevel'), value('frenchLevel') === ''],
    [t('triageDetail.facts.otherLanguages'), value('otherLanguages'), value('otherLanguages') === ''],
    [t('triageDetail.facts.submitted'), shownDateTime(value('submittedOn'), format), value('submittedOn') === ''],
    [t('triageDetail.facts.position'), highlighted('position'), value('position') === ''],
  ];
  return (
    <Section title={t('triageDetail.facts.heading')}>
      <dl className={styles.facts}>
        {facts.map(([label, shown, empty]) => (
          <div key={label} className={styles.pair}>
            <dt className={styles.dt}>{label}</dt>
            <dd className={styles.dd}>{empty ? <EmptyValue /> : shown}</dd>
          </div>
        ))}
      </dl>
    </Section>
  );
});

function ScreeningSection({ screening }: { screening: TriageDetail['screening'] }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const text = useScreeningText();
  const { override } = screening;
  return (
    <Section title={t('triageDetail.screening.heading')}>
      <div className={styles.line}>
        <VerdictBadge verdict={screening.verdict} />
        {override ? <span>{t('screening.detail.automatic', { verdict: text.verdict(screening.automaticVerdict) })}</span> : null}
      </div>
      {override ? (
        <div className={styles.entry} data-testid="triage-override">
          <span>
            {t('triageDetail.screening.overridden', { name: override.actor, date: format.dateTime(override.at) })}
            {' · '}
            {t(stateKey(override.state))}
          </span>
          <span className={styles.anywhere}>{t('triageDetail.screening.justification', { text: override.justification })}</span>
        </div>
      ) : null}
      {screening.reasons.length > 0 ? (
        <p className={styles.muted}>{t('triageDetail.screening.reasons', { reasons: format.list(screening.reasons.map((r) => text.reason(r))) })}</p>
      ) : null}
      <ul className={styles.list}>
        {screening.criteria.map((c) => (
          <li key={c.criterion} className={styles.small}>
            <span className={styles.strong}>{t(`screening.detail.criterion.${c.criterion}`)}</span>
            {' — '}
            {/* The colon comes from the catalogue: French sets a non-breaking space before it. */}
            {t('triageDetail.screening.outcomeLine', { outcome: t(`screening.detail.outcome.${c.outcome}`), explanation: text.explain(c.explanation) })}
          </li>
        ))}
      </ul>
    </Section>
  );
}

/** The service also keeps overrides replaced by a later one ('superseded'), beyond the contract's two states. */
function stateKey(state: string) {
  if (state === 'stale') return 'screening.detail.state.stale' as const;
  if (state === 'active') return 'screening.detail.state.active' as const;
  return 'screening.detail.state.superseded' as const;
}

function OtherApplications({ detail, onOpenApplication }: { detail: TriageDetail; onOpenApplication: (ref: number) => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const others = detail.otherApplications;
  return (
    <Section title={t('triageDetail.others.heading')}>
      {others.length === 0 ? (
        <p className={styles.muted}>{t('triageDetail.others.none')}</p>
      ) : (
        <ul className={styles.list} data-testid="triage-other-applications">
          {others.map((a) => (
            <li key={a.ref} className={styles.line}>
              <Link as="button" className={styles.nowrap} aria-label={t('triageDetail.others.open', { id: a.applicationId })} onClick={() => onOpenApplication(a.ref)}>
                {a.applicationId}
              </Link>
              <span>{a.divisionCode ?? a.division}</span>
              <StageBadge stage={a.stage} />
              <VerdictBadge verdict={a.verdict} />
              {a.submittedAt ? <span className={mergeClasses(styles.muted, styles.small)}>{format.dateTime(a.submittedAt)}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function Notes({ notes }: { notes: TriageDetail['notes'] }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  // Newest first (the service sends them so; sorted here too, the order is the point).
  const sorted = [...notes].sort((a, b) => b.id - a.id);
  return (
    <Section title={t('triageDetail.notes.heading')}>
      {sorted.length === 0 ? (
        <p className={styles.muted}>{t('triageDetail.notes.none')}</p>
      ) : (
        <ul className={styles.list} data-testid="triage-notes">
          {sorted.map((note) => (
            <li key={note.id} className={styles.entry}>
              <p className={styles.noteText}>{note.text}</p>
              <span className={mergeClasses(styles.muted, styles.small)}>{t('triageDetail.notes.by', { name: note.actor, date: format.dateTime(note.at) })}</span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function History({ history, rubric }: { history: TriageHistoryEntry[]; rubric: RubricCriterion[] }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const words = useTriageWords();
  return (
    <Section title={t('triageDetail.history.heading')}>
      {history.length === 0 ? (
        <p className={styles.muted}>{t('triageDetail.history.none')}</p>
      ) : (
        <ol className={styles.list} data-testid="triage-history">
          {history.map((entry) => (
            <li key={entry.actionId} className={styles.entry}>
              <span className={entry.undone ? styles.undone : undefined}>{describeChange(entry, rubric, words, t)}</span>
              <span className={mergeClasses(styles.muted, styles.small)}>
                {t('triageDetail.history.by', { name: entry.actor, date: format.dateTime(entry.at) })}
                {entry.undone ? ` · ${t('triageDetail.history.undone', { name: entry.undone.by, date: format.dateTime(entry.undone.at) })}` : ''}
              </span>
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}

type T = TFunction;


/** What one action changed, in words: "Stage: New → Proposed for shortlist", "Score 4 on Languages"… */
function describeChange(entry: TriageHistoryEntry, rubric: RubricCriterion[], words: TriageWords, t: T): string {
  const { before, after } = entry;
  switch (entry.kind) {
    case 'stage': {
      const from = words.stage(before.stage);
      const to = words.stage(after.stage);
      if (after.reason) return t('triageDetail.history.stageWithReason', { from, to, reason: words.reason(after.reason) });
      return t('triageDetail.history.stage', { from, to });
    }
    case 'score':
      return describeScores(before, after, rubric, t);
    case 'assign':
      return after.assignee ? t('triageDetail.history.assigned', { name: after.assignee }) : t('triageDetail.history.unassigned');
    case 'note':
      return t('triageDetail.history.note');
    case 'division': {
      const division = after.division;
      return division ? t('triageDetail.history.division', { division }) : t('triageDetail.history.divisionGiven');
    }
    case 'selection':
      return t('triageDetail.history.selection', { from: words.stage(before.stage), to: words.stage(after.stage) });
  }
}

function describeScores(before: TriageStateView, after: TriageStateView, rubric: RubricCriterion[], t: T): string {
  const was = before.scores ?? {};
  const now = after.scores ?? {};
  const changed = [...new Set([...Object.keys(was), ...Object.keys(now)])].filter((id) => was[id] !== now[id]);
  if (changed.length === 0) {
    // No rubric score moved: the overall score of a division without a rubric did.
    return after.score === null ? t('triageDetail.history.overallRemoved') : t('triageDetail.history.overallScore', { score: after.score });
  }
  return changed
    .map((id) => {
      const criterion = rubric.find((c) => String(c.id) === id)?.label ?? t('triageDetail.history.removedCriterion');
      const score = now[id];
      return score === undefined ? t('triageDetail.history.scoreRemoved', { criterion }) : t('triageDetail.history.score', { score, criterion });
    })
    .join('; ');
}

/** Every field of the export as stored (corrections applied), folded away: rarely needed, always there. */
function RawFields({ raw, extra }: { raw: Record<string, string>; extra: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const language = toLanguage(i18n.resolvedLanguage ?? i18n.language);
  const extraEntries = Object.entries(extra);
  return (
    <Accordion collapsible>
      <AccordionItem value="raw">
        <AccordionHeader as="h3" className={styles.accordionHeading}>
          {t('triageDetail.raw.heading')}
        </AccordionHeader>
        <AccordionPanel>
          <dl className={styles.facts} data-testid="triage-raw-fields">
            {APPLICATION_FIELDS.filter((f) => f.key in raw).map((f) => (
              <div key={f.key} className={styles.pair}>
                <dt className={styles.dt}>{f[language]}</dt>
                <dd className={styles.dd}>{(raw[f.key] ?? '').trim() === '' ? <EmptyValue /> : <LongText text={raw[f.key] ?? ''} />}</dd>
              </div>
            ))}
          </dl>
          {extraEntries.length > 0 ? (
            <>
              <h4 className={styles.heading}>{t('triageDetail.raw.extra')}</h4>
              <dl className={styles.facts}>
                {extraEntries.map(([key, value]) => (
                  <div key={key} className={styles.pair}>
                    <dt className={styles.dt}>{key}</dt>
                    <dd className={styles.dd}>{value.trim() === '' ? <EmptyValue /> : <LongText text={value} />}</dd>
                  </div>
                ))}
              </dl>
            </>
          ) : null}
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
