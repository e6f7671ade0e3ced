import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  makeStyles,
  mergeClasses,
  tokens,
  useId,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import type { ParseKeys } from 'i18next';
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportInspection, RejectedRow } from '../../../shared/api/contract';
import { ErrorBar } from '../../components/ErrorBar';
import { FileDropZone } from '../../components/FileDropZone';
import { RejectedRowsTable } from '../../components/RejectedRowsTable';
import { useFormat } from '../../i18n/format';
import { ENCODING_NAME, EncodingPicker } from './EncodingPicker';
import { ImportCountsView } from './ImportCountsView';
import { ImportProgressView } from './ImportProgressView';
import { findMappingProblems, hasProblems, type MappingProblems } from './mapping';
import { ImportUpdates } from './ImportUpdates';
import { UnjudgedCriteria } from './UnjudgedCriteria';
import { MappingStep } from './MappingStep';
import type { ImportWizard, WizardStep } from './useImportWizard';

const useStyles = makeStyles({
  surface: { width: 'min(78rem, calc(100vw - 48px))', maxWidth: 'none' },
  // The whole width for the buttons: three of them, long in French, must not wrap.
  actions: { gridColumnStart: 1, justifyContent: 'flex-end', flexWrap: 'wrap' },
  content: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL, paddingBottom: tokens.spacingVerticalS },
  steps: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    padding: 0,
    listStyle: 'none',
    color: tokens.colorNeutralForeground3,
  },
  stepCurrent: { color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold },
  stepNumber: { marginRight: tokens.spacingHorizontalXS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, ':focus': { outline: 'none' }, ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` } },
  facts: { margin: 0, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  note: { margin: 0, color: tokens.colorNeutralForeground3 },
});

const STEPS: { key: ParseKeys; steps: WizardStep['name'][] }[] = [
  { key: 'import.step.choose', steps: ['choose', 'uploading', 'inspecting'] },
  { key: 'import.step.map', steps: ['mapping'] },
  { key: 'import.step.check', steps: ['reading', 'preview', 'writing', 'done'] },
];

/** The heading of each step, said when the step begins (focus moves to it). */
const HEADINGS: Record<WizardStep['name'], ParseKeys> = {
  choose: 'import.heading.choose',
  uploading: 'import.heading.uploading',
  inspecting: 'import.heading.inspecting',
  mapping: 'import.heading.mapping',
  reading: 'import.heading.reading',
  preview: 'import.heading.preview',
  writing: 'import.heading.writing',
  done: 'import.heading.done',
};

export interface ImportDialogProps {
  wizard: ImportWizard;
  /** Opens the import history at this import. */
  onShowImport: (importId: number) => void;
}

/** File > Import…: a wizard in a dialog, usable from start to end with the keyboard. */
export function ImportDialog({ wizard, onShowImport }: ImportDialogProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <Dialog
      open={wizard.open}
      // Escape, the close button and a click outside all ask wizard.close(), which refuses while one
      // transaction is written. (Not modalType "alert" then: Fluent moves focus when it changes.)
      onOpenChange={(_e, data) => {
        if (!data.open) wizard.close();
      }}
    >
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle
            action={
              wizard.busy ? undefined : (
                <DialogTrigger action="close">
                  <Button appearance="subtle" aria-label={t('common.close')} icon={<DismissRegular />} />
                </DialogTrigger>
              )
            }
          >
            {t('import.title')}
          </DialogTitle>
          {wizard.open ? <WizardBody wizard={wizard} onShowImport={onShowImport} /> : null}
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

function WizardBody({ wizard, onShowImport }: ImportDialogProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { step } = wizard;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const problemsId = useId('mapping-problems');
  const mapping = step.name === 'mapping' ? step.mapping : null;
  const problems = useMemo(() => (mapping ? findMappingProblems(mapping) : null), [mapping]);

  // Each step replaces the last (and the button that led to it): move focus to its heading so
  // keyboard and screen reader users start reading where the new step begins.
  // A frame later: on opening, the Dialog first focuses its first control (the close button).
  useEffect(() => {
    const frame = requestAnimationFrame(() => headingRef.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [step.name]);

  const current = STEPS.findIndex((s) => s.steps.includes(step.name));
  return (
    <>
      <DialogContent className={styles.content}>
        <ol className={styles.steps} aria-label={t('import.step.label')}>
          {STEPS.map((s, i) => (
            <li key={s.key} className={mergeClasses(i === current && styles.stepCurrent)} aria-current={i === current ? 'step' : undefined}>
              <span className={styles.stepNumber}>{t('import.step.number', { n: i + 1 })}</span>
              {t(s.key)}
            </li>
          ))}
        </ol>
        <h3 className={styles.heading} ref={headingRef} tabIndex={-1}>
          {t(HEADINGS[step.name])}
        </h3>
        <StepContent wizard={wizard} problems={problems} problemsId={problemsId} />
      </DialogContent>
      <DialogActions className={styles.actions}>
        <StepActions wizard={wizard} onShowImport={onShowImport} problems={problems} problemsId={problemsId} />
      </DialogActions>
    </>
  );
}

function FileFacts({ inspection }: { inspection: ImportInspection }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const delimiter =
    inspection.delimiter === ','
      ? t('import.file.comma')
      : inspection.delimiter === ';'
        ? t('import.file.semicolon')
        : inspection.delimiter === '\t'
          ? t('import.file.tab')
          : inspection.delimiter
            ? t('import.file.otherDelimiter', { delimiter: inspection.delimiter })
            : null;
  const encoding = inspection.encoding === null ? null : t(ENCODING_NAME[inspection.encoding]);
  const details = [encoding, delimiter].filter(Boolean).join(', ');
  const kind = inspection.format === 'xlsx' ? t('import.file.xlsx') : details ? t('import.file.csv', { details }) : t('import.file.csvPlain');
  return (
    <p className={styles.facts}>
      {t('import.file.facts', {
        name: inspection.fileName,
        size: format.bytes(inspection.sizeBytes),
        kind,
        count: inspection.columns.length,
        columns: format.number(inspection.columns.length),
      })}
    </p>
  );
}

interface StepProps {
  wizard: ImportWizard;
  /** What stops the mapping step from going on (null on other steps). */
  problems: MappingProblems | null;
  problemsId: string;
}

function StepContent({ wizard, problems, problemsId }: StepProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const { step, error } = wizard;
  // At the start the file itself is at fault (unreadable, empty, wrong type): say so in the title.
  const errorBar = error ? <ErrorBar error={error} title={step.name === 'choose' ? t('import.fileError') : undefined} /> : null;

  switch (step.name) {
    case 'choose':
      return (
        <>
          <p className={styles.note}>{t('import.chooseIntro')}</p>
          {errorBar}
          <FileDropZone onFile={wizard.chooseFile} />
        </>
      );
    case 'uploading': {
      const fraction = step.total > 0 ? step.loaded / step.total : 0;
      return (
        <Field
          label={t('import.uploading', { name: step.fileName })}
          hint={t('import.progress.bytes', { done: format.bytes(step.loaded), total: format.bytes(step.total), percent: format.percent(fraction) })}
        >
          <ProgressBar value={fraction} max={1} thickness="large" />
        </Field>
      );
    }
    case 'inspecting':
      return <Spinner labelPosition="after" label={t('import.inspecting', { name: step.fileName })} />;
    case 'mapping':
      return (
        <>
          <FileFacts inspection={step.inspection} />
          {errorBar}
          <EncodingPicker inspection={step.inspection} onChoose={wizard.chooseEncoding} />
          <UnjudgedCriteria mapping={step.mapping} />
          <MappingStep
            inspection={step.inspection}
            mapping={step.mapping}
            problems={problems ?? findMappingProblems(step.mapping)}
            problemsId={problemsId}
            onChange={wizard.setTarget}
            onReset={wizard.resetMapping}
          />
        </>
      );
    case 'reading':
      return (
        <>
          <FileFacts inspection={step.inspection} />
          <p className={styles.note}>{t('import.readingNote')}</p>
          <ImportProgressView jobId={step.inspection.jobId} phase="reading" />
        </>
      );
    case 'preview':
    case 'writing': {
      const { counts, rejected } = step.preview;
      return (
        <>
          <FileFacts inspection={step.inspection} />
          {errorBar}
          {step.name === 'writing' ? (
            <ImportProgressView jobId={step.inspection.jobId} phase="writing" />
          ) : (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{t('import.preview.nothingYetTitle')}</MessageBarTitle>
                {t('import.preview.nothingYet', { count: counts.totalRows, rows: format.number(counts.totalRows) })}
              </MessageBarBody>
            </MessageBar>
          )}
          {step.name === 'preview' && <UnjudgedCriteria mapping={step.mapping} />}
          <ImportCountsView counts={counts} mode="preview" />
          {step.name === 'preview' && <ImportUpdates preview={step.preview} />}
          <RejectedSection total={counts.rejected} rows={rejected} />
        </>
      );
    }
    case 'done': {
      const { result } = step;
      return (
        <>
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t('import.done.title')}</MessageBarTitle>
              {t('import.done.body', { name: result.fileName, count: result.counts.totalRows, rows: format.number(result.counts.totalRows) })}
            </MessageBarBody>
          </MessageBar>
          <ImportCountsView counts={result.counts} mode="result" />
          <RejectedSection total={result.counts.rejected} rows={result.rejectedRows} />
        </>
      );
    }
  }
}

function RejectedSection({ total, rows }: { total: number; rows: RejectedRow[] }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const titleId = useId('rejected-title');
  if (total === 0) return <p className={styles.note}>{t('import.preview.noneRejected')}</p>;
  return (
    <section aria-labelledby={titleId}>
      <h4 className={styles.subheading} id={titleId}>
        {t('import.preview.rejectedTitle', { count: total, total: format.number(total) })}
      </h4>
      {rows.length < total ? (
        <p className={styles.note}>{t('import.preview.firstShown', { shown: format.number(rows.length), total: format.number(total) })}</p>
      ) : null}
      <RejectedRowsTable rows={rows} label={t('import.rejection.tableLabel')} testId="import-rejected-rows" />
    </section>
  );
}

function StepActions({ wizard, onShowImport, problems, problemsId }: StepProps & Pick<ImportDialogProps, 'onShowImport'>): ReactNode {
  const { t } = useTranslation();
  const format = useFormat();
  const { step } = wizard;
  const cancel = (
    <Button appearance="secondary" onClick={wizard.close}>
      {t('common.cancel')}
    </Button>
  );

  switch (step.name) {
    case 'choose':
      return cancel;
    case 'uploading':
    case 'inspecting':
    case 'reading':
      // Stops the work under way and starts over: the services drop what they had read.
      return (
        <Button appearance="secondary" onClick={wizard.cancelReading}>
          {t('import.cancelReading')}
        </Button>
      );
    case 'mapping': {
      const blocked = problems !== null && hasProblems(problems);
      return (
        <>
          <Button appearance="secondary" onClick={wizard.startOver}>
            {t('import.mapping.otherFile')}
          </Button>
          {cancel}
          {/* Focusable even when blocked, so keyboard users reach it and hear why it does nothing. */}
          <Button
            appearance="primary"
            disabledFocusable={blocked}
            aria-describedby={blocked ? problemsId : undefined}
            onClick={wizard.preview}
          >
            {t('import.mapping.next')}
          </Button>
        </>
      );
    }
    case 'preview': {
      const { added, updated } = step.preview.counts;
      const changes = added + updated;
      return (
        <>
          <Button appearance="secondary" onClick={wizard.backToMapping}>
            {t('import.preview.back')}
          </Button>
          {cancel}
          <Button appearance="primary" onClick={wizard.commit}>
            {changes > 0 ? t('import.preview.commit', { count: changes, amount: format.number(changes) }) : t('import.preview.commitNothing')}
          </Button>
        </>
      );
    }
    case 'writing':
      return (
        <Button appearance="primary" disabled icon={<Spinner size="tiny" />}>
          {t('import.writingButton')}
        </Button>
      );
    case 'done':
      return (
        <>
          <Button appearance="secondary" onClick={wizard.startOver}>
            {t('import.done.another')}
          </Button>
          <Button
            appearance="secondary"
            onClick={() => {
              wizard.close();
              onShowImport(step.result.id);
            }}
          >
            {t('import.done.showHistory')}
          </Button>
          <Button appearance="primary" onClick={wizard.close}>
            {t('common.close')}
          </Button>
        </>
      );
  }
}
