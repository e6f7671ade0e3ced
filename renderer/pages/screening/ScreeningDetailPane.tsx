import { countryName } from '../../../shared/domain/country-names';
import { LongText } from '../../components/LongText';
import { ExportChanges } from '../../components/ExportChanges';
import {
  Button,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  OverlayDrawer,
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
import { CheckmarkCircleFilled, DismissCircleFilled, DismissRegular, EditRegular, WarningFilled } from '@fluentui/react-icons';
import { useEffect, useEffectEvent, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CorrectionView, CriterionView, ScreeningDetail } from '../../../shared/api/contract';
import { APPLICATION_FIELDS, CORRECTABLE_FIELDS, type CorrectableField } from '../../../shared/domain/application-fields';
import { useQuery } from '../../api/hooks';
import { ErrorBar } from '../../components/ErrorBar';
import { CorrectValueDialog, type CorrectionTarget } from '../../dialogs/CorrectValueDialog';
import { useFormat } from '../../i18n/format';
import { toLanguage } from '../../i18n/languages';
import { PersonNotices } from '../notices/PersonNotices';
import { useScreeningText } from './screeningText';
import { OverrideMarker, VerdictBadge } from './VerdictBadges';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXL, paddingBottom: tokens.spacingVerticalXXL },
  facts: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  muted: { margin: 0, color: tokens.colorNeutralForeground3 },
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  criteria: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  criterion: { display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalS, alignItems: 'start' },
  icon: { fontSize: '20px', marginTop: '1px' },
  pass: { color: tokens.colorPaletteGreenForeground1 },
  fail: { color: tokens.colorPaletteRedForeground1 },
  review: { color: tokens.colorPaletteDarkOrangeForeground1 },
  criterionName: { fontWeight: tokens.fontWeightSemibold },
  explanation: { margin: 0, gridColumnStart: 2 },
  table: { tableLayout: 'auto' },
  cell: { overflowWrap: 'anywhere', verticalAlign: 'top' },
  // Field names and read values are short words: let the imported value take the squeeze, never
  // break "Application ID" mid-word ('break-word', unlike 'anywhere', keeps the longest word as
  // the column's minimum width).
  fieldCell: { minWidth: '8rem', overflowWrap: 'break-word', verticalAlign: 'top' },
  readCell: { overflowWrap: 'break-word', verticalAlign: 'top' },
  nowrap: { whiteSpace: 'nowrap', verticalAlign: 'top' },
  extra: { margin: 0, display: 'grid', gridTemplateColumns: 'minmax(8rem, auto) 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS },
  pair: { display: 'contents' },
  dt: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  dd: { margin: 0, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' },
  correctedNote: { display: 'block', marginTop: tokens.spacingVerticalXXS, color: tokens.colorBrandForeground1, fontSize: tokens.fontSizeBase200 },
  correctedRow: { backgroundColor: tokens.colorBrandBackground2 },
  emptyValue: { color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
});

function isCorrectable(key: string): key is CorrectableField {
  return (CORRECTABLE_FIELDS as readonly string[]).includes(key);
}

/** The parsed value the rules read for a raw field, where the names differ. */
const PARSED_FOR_RAW: Record<string, string> = { submittedOn: 'submittedAt', division: 'divisionCode', nationality: 'nationalityCode' };

interface Props {
  refId: number | null;
  onClose: () => void;
  onOverride: (detail: ScreeningDetail) => void;
  /** Bumped after an override, so the pane reloads even if no change event reached it. */
  version: number;
  /** Whether the override dialog is open (focus comes back to the pane when it closes). */
  dialogOpen: boolean;
  /** The override dialog, rendered in the drawer so that it is a nested dialog (focus and aria-hidden come back right). */
  children?: ReactNode;
}

/** One application's screening, explained: criteria, values as imported and read, the person, overrides. */
export function ScreeningDetailPane({ refId, onClose, onOverride, version, dialogOpen, children }: Props) {
  const { t } = useTranslation();
  const detail = useQuery('screening.detail', refId === null ? null : { ref: refId });
  const { refetch } = detail;
  useEffect(() => {
    if (version > 0) refetch();
  }, [version, refetch]);
  const title = detail.data ? t('screening.detail.title', { id: detail.data.row.applicationId }) : t('screening.detail.loading');
  const [correcting, setCorrecting] = useState<CorrectionTarget | null>(null);
  // The field whose "Correct…" button opened the dialog: focus goes back to it once it closes.
  const [focusField, setFocusField] = useState<CorrectableField | null>(null);
  // Another application opened meanwhile: nothing of this one's correction carries over.
  const target = correcting && correcting.ref === refId ? correcting : null;

  function closeCorrection() {
    if (correcting) setFocusField(correcting.field);
    setCorrecting(null);
  }

  function corrected() {
    closeCorrection();
    // The change event reloads it too; this makes sure the pane shows the new value at once.
    refetch();
  }

  return (
    <OverlayDrawer position="end" size="large" open={refId !== null} onOpenChange={(_e, data) => (data.open ? undefined : onClose())}>
      <DrawerHeader>
        <DrawerHeaderTitle
          action={<Button appearance="subtle" aria-label={t('screening.detail.close')} icon={<DismissRegular />} onClick={onClose} />}
        >
          {title}
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody>
        {detail.error ? (
          <ErrorBar error={detail.error} onRetry={detail.refetch} />
        ) : !detail.data ? (
          <Spinner size="small" label={t('screening.detail.loading')} />
        ) : (
          <DetailBody
            detail={detail.data}
            onOverride={onOverride}
            dialogOpen={dialogOpen}
            onCorrect={setCorrecting}
            focusField={focusField}
            onFocused={() => setFocusField(null)}
          />
        )}
      </DrawerBody>
      {children}
      {/* In the drawer, like the override dialog: a nested dialog, so focus and aria-hidden come back right. */}
      <CorrectValueDialog target={target} onClose={closeCorrection} onDone={corrected} />
    </OverlayDrawer>
  );
}

interface BodyProps {
  detail: ScreeningDetail;
  onOverride: (detail: ScreeningDetail) => void;
  dialogOpen: boolean;
  onCorrect: (target: CorrectionTarget) => void;
  /** Set when the correction dialog closed: focus goes back to that field's button, then onFocused. */
  focusField: CorrectableField | null;
  onFocused: () => void;
}

function DetailBody({ detail, onOverride, dialogOpen, onCorrect, focusField, onFocused }: BodyProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const text = useScreeningText();
  const { row } = detail;
  const id = row.applicationId;
  const overrideButton = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(dialogOpen);
  // Focus back on the button once the override dialog closes: the drawer stays usable by keyboard
  // (Escape, Tab). After Fluent's own focus handling, hence the timeout.
  useEffect(() => {
    const closed = wasOpen.current && !dialogOpen;
    wasOpen.current = dialogOpen;
    if (!closed) return;
    const timer = setTimeout(() => overrideButton.current?.focus(), 0);
    return () => clearTimeout(timer);
  }, [dialogOpen]);
  const bodyRef = useRef<HTMLDivElement>(null);
  const focused = useEffectEvent(onFocused);
  useEffect(() => {
    if (!focusField) return;
    const timer = setTimeout(() => {
      bodyRef.current?.querySelector<HTMLElement>(`[data-correct-field="${focusField}"]`)?.focus();
      focused();
    }, 0);
    return () => clearTimeout(timer);
  }, [focusField]);

  return (
    <div className={styles.body} data-testid="screening-detail" ref={bodyRef}>
      <div className={styles.section}>
        <div className={styles.facts}>
          <strong>
            {row.firstName} {row.lastName}
          </strong>
          <VerdictBadge verdict={row.verdict} />
          <OverrideMarker row={row} />
        </div>
        {row.override ? <p className={styles.muted}>{t('screening.detail.automatic', { verdict: text.verdict(row.automaticVerdict) })}</p> : null}
        <p className={styles.muted}>{t('screening.detail.screened', { date: format.dateTime(detail.screenedAt), version: detail.rulesVersion })}</p>
        <div>
          <Button appearance="primary" icon={<EditRegular />} onClick={() => onOverride(detail)} ref={overrideButton}>
            {t('screening.detail.override')}
          </Button>
        </div>
      </div>

      <section className={styles.section} aria-labelledby="detail-criteria">
        <h3 className={styles.heading} id="detail-criteria">
          {t('screening.detail.criteria')}
        </h3>
        <ul className={styles.criteria}>
          {detail.criteria.map((c) => (
            <CriterionItem key={c.criterion} criterion={c} />
          ))}
        </ul>
      </section>

      {detail.corrections.length > 0 ? <CorrectionHistory detail={detail} /> : null}
      <PersonNotices notices={detail.notices} />
      <ExportChanges changes={detail.exportChanges} />

      <section className={styles.section} aria-labelledby="detail-values">
        <h3 className={styles.heading} id="detail-values">
          {t('screening.detail.values')}
        </h3>
        <ValuesTable detail={detail} onCorrect={onCorrect} />
      </section>

      <section className={styles.section} aria-labelledby="detail-extra">
        <h3 className={styles.heading} id="detail-extra">
          {t('screening.detail.extra')}
        </h3>
        {Object.keys(detail.extra).length === 0 ? (
          <p className={styles.muted}>{t('screening.detail.noExtra')}</p>
        ) : (
          <dl className={styles.extra}>
            {Object.entries(detail.extra).map(([key, value]) => (
              <div key={key} className={styles.pair}>
                <dt className={styles.dt}>{key}</dt>
                <dd className={styles.dd}>
                  <LongText text={value} />
                </dd>
              </div>
            ))}
          </dl>
        )}
      </section>

      <section className={styles.section} aria-labelledby="detail-person">
        <h3 className={styles.heading} id="detail-person">
          {t('screening.detail.person')}
        </h3>
        <p className={styles.muted}>{t('screening.detail.personIntro', { key: detail.person.key })}</p>
        <Table size="small" className={styles.table} aria-label={t('screening.detail.personLabel')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('screening.col.applicationId')}</TableHeaderCell>
              <TableHeaderCell>{t('screening.detail.colDivision')}</TableHeaderCell>
              <TableHeaderCell>{t('screening.detail.colSubmitted')}</TableHeaderCell>
              <TableHeaderCell>{t('screening.detail.colVerdict')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {detail.person.applications.map((a) => (
              <TableRow key={a.ref} appearance={a.ref === row.ref ? 'brand' : 'none'}>
                <TableCell className={styles.cell}>
                  {a.applicationId}
                  {a.ref === row.ref ? ` (${t('screening.detail.thisOne')})` : ''}
                </TableCell>
                <TableCell>{a.division}</TableCell>
                <TableCell className={styles.nowrap}>{a.submittedAt ? format.dateTime(a.submittedAt) : ''}</TableCell>
                <TableCell>
                  <VerdictBadge verdict={a.verdict} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>

      <section className={styles.section} aria-labelledby="detail-history">
        <h3 className={styles.heading} id="detail-history">
          {t('screening.detail.history')}
        </h3>
        {detail.overrides.length === 0 ? (
          <p className={styles.muted}>{t('screening.detail.noOverrides')}</p>
        ) : (
          <Table size="small" className={styles.table} aria-label={t('screening.detail.historyLabel', { id })} data-testid="override-history">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('screening.detail.colWhen')}</TableHeaderCell>
                <TableHeaderCell>{t('screening.detail.colWho')}</TableHeaderCell>
                <TableHeaderCell>{t('screening.detail.colChange')}</TableHeaderCell>
                <TableHeaderCell>{t('screening.detail.colWhy')}</TableHeaderCell>
                <TableHeaderCell>{t('screening.detail.colState')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {detail.overrides.map((o) => (
                <TableRow key={o.id}>
                  <TableCell className={styles.nowrap}>{format.dateTime(o.at)}</TableCell>
                  <TableCell className={styles.cell}>{o.actor}</TableCell>
                  <TableCell className={styles.cell}>
                    {t('screening.detail.change', { from: text.verdict(o.automaticVerdict), to: text.verdict(o.verdict) })}
                  </TableCell>
                  <TableCell className={styles.cell}>{o.justification}</TableCell>
                  <TableCell>{t(stateKey(o.state))}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
    </div>
  );
}

/** The service also keeps overrides replaced by a later one ('superseded'), beyond the contract's two states. */
function stateKey(state: string) {
  if (state === 'stale') return 'screening.detail.state.stale' as const;
  if (state === 'active') return 'screening.detail.state.active' as const;
  return 'screening.detail.state.superseded' as const;
}

function CriterionItem({ criterion }: { criterion: CriterionView }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const text = useScreeningText();
  const Icon = criterion.outcome === 'pass' ? CheckmarkCircleFilled : criterion.outcome === 'fail' ? DismissCircleFilled : WarningFilled;
  return (
    <li className={styles.criterion} data-testid={`criterion-${criterion.criterion}`}>
      <Icon className={mergeClasses(styles.icon, styles[criterion.outcome])} aria-hidden />
      <span>
        <span className={styles.criterionName}>{t(`screening.detail.criterion.${criterion.criterion}`)}</span>
        {' — '}
        {t(`screening.detail.outcome.${criterion.outcome}`)}
        {criterion.code ? ` (${text.reason(criterion.code)})` : ''}
      </span>
      <p className={styles.explanation}>{text.explain(criterion.explanation)}</p>
    </li>
  );
}

function ValuesTable({ detail, onCorrect }: { detail: ScreeningDetail; onCorrect: (target: CorrectionTarget) => void }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const language = toLanguage(i18n.resolvedLanguage ?? i18n.language);
  const shownParsed = new Set<string>();
  // Newest first: the first active correction of a field is the one in force.
  const inForce = new Map<string, CorrectionView>();
  for (const c of detail.corrections) if (c.state === 'active' && !inForce.has(c.field)) inForce.set(c.field, c);
  const overridden = detail.row.override !== null;

  const parsedText = (key: string, raw: string): string => {
    if (!(key in detail.parsed)) return '';
    shownParsed.add(key);
    const value = detail.parsed[key];
    if (value === null || value === undefined) return raw.trim() === '' ? t('screening.detail.empty') : t('screening.detail.unreadable');
    if (typeof value === 'boolean') return value ? t('screening.detail.yes') : t('screening.detail.no');
    if (key === 'nationalityCode' && typeof value === 'string') return `${countryName(value, language)} (${value})`;
    return String(value);
  };

  const rows: { key: string; label: string; raw: string; parsed: string }[] = APPLICATION_FIELDS.filter((f) => f.key in detail.raw).map((f) => {
    const raw = detail.raw[f.key] ?? '';
    return { key: f.key, label: f[language], raw, parsed: parsedText(PARSED_FOR_RAW[f.key] ?? f.key, raw) };
  });
  // Parsed values with no raw field of the same name (should be none; shown rather than lost).
  const leftover = Object.keys(detail.parsed).filter((k) => !shownParsed.has(k));
  for (const key of leftover) rows.push({ key, label: key, raw: '', parsed: parsedText(key, '') });

  return (
    <Table size="small" className={styles.table} aria-label={t('screening.detail.valuesLabel', { id: detail.row.applicationId })} data-testid="detail-values">
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.fieldCell}>{t('screening.detail.colField')}</TableHeaderCell>
          <TableHeaderCell>{t('screening.detail.colRaw')}</TableHeaderCell>
          <TableHeaderCell>{t('screening.detail.colParsed')}</TableHeaderCell>
          <TableHeaderCell>{t('screening.detail.colCorrect')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => {
          const correction = inForce.get(r.key);
          const { key } = r;
          return (
            <TableRow key={key} className={correction ? styles.correctedRow : undefined} data-testid={`value-${key}`}>
              <TableCell className={styles.fieldCell}>{r.label}</TableCell>
              <TableCell className={styles.cell}>
                <LongText text={r.raw} />
                {correction ? (
                  <span className={styles.correctedNote} data-testid={`corrected-${key}`}>
                    {correction.imported.trim() === ''
                      ? t('screening.detail.correctedNoteEmpty')
                      : t('screening.detail.correctedNote', { value: correction.imported })}
                  </span>
                ) : null}
              </TableCell>
              <TableCell className={styles.readCell}>{r.parsed}</TableCell>
              <TableCell>
                {isCorrectable(key) ? (
                  <Button
                    size="small"
                    appearance="subtle"
                    icon={<EditRegular />}
                    data-correct-field={key}
                    aria-label={t('screening.detail.correctLabel', { field: r.label })}
                    onClick={() =>
                      onCorrect({
                        ref: detail.row.ref,
                        applicationId: detail.row.applicationId,
                        field: key,
                        label: r.label,
                        current: r.raw,
                        ...(correction ? { imported: correction.imported } : {}),
                        overridden,
                      })
                    }
                  >
                    {t('screening.detail.correct')}
                  </Button>
                ) : null}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

/** Every correction of the application's values, newest first: who, when, the export's value and the new one, why. */
function CorrectionHistory({ detail }: { detail: ScreeningDetail }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const language = toLanguage(i18n.resolvedLanguage ?? i18n.language);
  const labelOf = (field: string) => APPLICATION_FIELDS.find((f) => f.key === field)?.[language] ?? field;
  const shown = (value: string) => (value.trim() === '' ? <span className={styles.emptyValue}>{t('screening.detail.empty')}</span> : value);
  return (
    <section className={styles.section} aria-labelledby="detail-corrections">
      <h3 className={styles.heading} id="detail-corrections">
        {t('screening.detail.corrections')}
      </h3>
      <p className={styles.muted}>{t('screening.detail.correctionsIntro')}</p>
      <Table
        size="small"
        className={styles.table}
        aria-label={t('screening.detail.correctionsLabel', { id: detail.row.applicationId })}
        data-testid="correction-history"
      >
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('screening.detail.colWhen')}</TableHeaderCell>
            <TableHeaderCell>{t('screening.detail.colWho')}</TableHeaderCell>
            <TableHeaderCell>{t('screening.detail.colField')}</TableHeaderCell>
            <TableHeaderCell>{t('screening.detail.colCorrectionChange')}</TableHeaderCell>
            <TableHeaderCell>{t('screening.detail.colReason')}</TableHeaderCell>
            <TableHeaderCell>{t('screening.detail.colState')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {detail.corrections.map((c) => (
            <TableRow key={c.id}>
              <TableCell className={styles.nowrap}>{format.dateTime(c.at)}</TableCell>
              <TableCell className={styles.cell}>{c.actor}</TableCell>
              <TableCell className={styles.readCell}>{labelOf(c.field)}</TableCell>
              <TableCell className={styles.cell}>
                {shown(c.imported)} → {shown(c.corrected)}
              </TableCell>
              <TableCell className={styles.cell}>{c.reason}</TableCell>
              <TableCell className={styles.cell}>{t(`screening.detail.correctionState.${c.state}`)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
