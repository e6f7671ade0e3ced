import { Portal, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

/**
 * While a record is being printed, the paper gets that record alone: not the navigation, the
 * header or the page's buttons. The record is drawn a second time outside the app (a portal on
 * the body), hidden on screen; in print, everything else on the body is hidden. The rules are a
 * <style> of this component, not a static stylesheet, so they go with it: the other pages (the
 * Reports page prints too) print as they always did, margins included.
 */
const PRINT_ONLY = `
@media screen {
  [data-print-record] { display: none !important; }
}
@media print {
  @page { margin: 15mm; }
  body > *:not(:has([data-print-record])) { display: none !important; }
  html, body { height: auto !important; overflow: visible !important; }
  /* Paper is white whatever the screen's theme: a dark theme's light text would not show on it. */
  [data-print-record], [data-print-record] * { color: #000 !important; border-color: #bbb !important; }
}
`;

const useStyles = makeStyles({
  sheet: { padding: 0, color: tokens.colorNeutralForeground1, backgroundColor: tokens.colorNeutralBackground1 },
});

export function PrintRecord({ children }: { children: ReactNode }) {
  const styles = useStyles();
  return (
    <Portal>
      <style>{PRINT_ONLY}</style>
      <div className={styles.sheet} data-print-record="">
        {children}
      </div>
    </Portal>
  );
}
