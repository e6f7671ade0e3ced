import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowUploadRegular } from '@fluentui/react-icons';
import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotify } from './Notify';

/** What the importer reads (e-recruitment-export.md): delimited text and Excel workbooks. */
export const IMPORT_ACCEPT = '.csv,.txt,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    textAlign: 'center',
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXXL}`,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusXLarge,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  over: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  icon: { fontSize: '40px', color: tokens.colorBrandForeground1, display: 'flex' },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  hint: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

/** One file of those dropped: the importer takes one file at a time, and says so when given more. */
export function useOneFile(): (files: FileList | null | undefined) => File | null {
  const { t } = useTranslation();
  const notify = useNotify();
  return (files) => {
    const first = files?.[0] ?? null;
    if (first && files && files.length > 1) notify.info(t('import.drop.oneFileTitle'), t('import.drop.oneFileBody', { name: first.name }));
    return first;
  };
}

/**
 * Where the export goes: drop it here, or choose it with the button (the keyboard way). The
 * hidden file input is the button's; it is not a second tab stop.
 */
export function FileDropZone({ onFile, disabled = false }: { onFile: (file: File) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const inputRef = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const pick = useOneFile();

  const onDragOver = (event: DragEvent) => {
    if (disabled || !event.dataTransfer.types.includes('Files')) return;
    // Handled here: the window-wide drop target leaves alone what a drop zone took.
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setOver(true);
  };
  const onDragLeave = (event: DragEvent) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(false);
  };
  const onDrop = (event: DragEvent) => {
    setOver(false);
    if (disabled || !event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    const file = pick(event.dataTransfer.files);
    if (file) onFile(file);
  };

  return (
    <div className={mergeClasses(styles.root, over && styles.over)} onDragOver={onDragOver} onDragLeave={onDragLeave} onDrop={onDrop}>
      <span className={styles.icon} aria-hidden="true">
        <ArrowUploadRegular />
      </span>
      <p className={styles.title}>{t('import.drop.title')}</p>
      <Button appearance="primary" disabled={disabled} onClick={() => inputRef.current?.click()}>
        {t('import.drop.choose')}
      </Button>
      <p className={styles.hint}>{t('import.drop.hint')}</p>
      <input
        ref={inputRef}
        type="file"
        accept={IMPORT_ACCEPT}
        hidden
        tabIndex={-1}
        aria-label={t('import.drop.inputLabel')}
        data-testid="import-file-input"
        onChange={(event) => {
          const file = pick(event.currentTarget.files);
          // Cleared, so choosing the same file again (after a fix in Excel) still reports a change.
          event.currentTarget.value = '';
          if (file) onFile(file);
        }}
      />
    </div>
  );
}
