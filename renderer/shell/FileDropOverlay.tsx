import { makeStyles, tokens } from '@fluentui/react-components';
import { ArrowUploadRegular } from '@fluentui/react-icons';
import { useEffect, useEffectEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOneFile } from '../components/FileDropZone';

const useStyles = makeStyles({
  overlay: {
    position: 'fixed',
    inset: 0,
    zIndex: 1000000,
    display: 'grid',
    placeItems: 'center',
    backgroundColor: tokens.colorBackgroundOverlay,
    // Only a picture: the drop itself is caught on the window, so the page below stays the target.
    pointerEvents: 'none',
  },
  card: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalXXXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThicker} dashed ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusXLarge,
    boxShadow: tokens.shadow28,
  },
  icon: { fontSize: '48px', color: tokens.colorBrandForeground1, display: 'flex' },
  title: { margin: 0, fontSize: tokens.fontSizeBase600, fontWeight: tokens.fontWeightSemibold },
  hint: { margin: 0, color: tokens.colorNeutralForeground2 },
});

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

/**
 * A file dragged anywhere over the window can be dropped to import it. Whatever happens, a file
 * dropped on the window is never opened by the browser (which would leave the app).
 */
export function FileDropOverlay({ enabled, onFile }: { enabled: boolean; onFile: (file: File) => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [dragging, setDragging] = useState(false);
  const pick = useOneFile();
  const isEnabled = useEffectEvent(() => enabled);
  const take = useEffectEvent((files: FileList | undefined) => {
    const file = pick(files);
    if (file) onFile(file);
  });

  useEffect(() => {
    // dragenter/dragleave fire for every element crossed: count them to know when the file left.
    let depth = 0;
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth += 1;
      if (isEnabled()) setDragging(true);
    };
    const leave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const over = (event: DragEvent) => {
      // A drop zone below took it already (and chose its own drop effect).
      if (!carriesFiles(event) || event.defaultPrevented) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = isEnabled() ? 'copy' : 'none';
    };
    const drop = (event: DragEvent) => {
      depth = 0;
      setDragging(false);
      if (!carriesFiles(event)) return;
      const handled = event.defaultPrevented;
      event.preventDefault();
      if (!handled && isEnabled()) take(event.dataTransfer?.files);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);

  if (!dragging || !enabled) return null;
  return (
    <div className={styles.overlay} data-testid="file-drop-overlay">
      <div className={styles.card}>
        <span className={styles.icon} aria-hidden="true">
          <ArrowUploadRegular />
        </span>
        <p className={styles.title}>{t('import.drop.overlay')}</p>
        <p className={styles.hint}>{t('import.drop.overlayHint')}</p>
      </div>
    </div>
  );
}
