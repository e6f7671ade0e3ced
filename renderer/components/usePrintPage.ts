import { useCallback, useEffect, useState } from 'react';

/**
 * Printing a page (the season report, a person's record) to paper or PDF. The page first switches
 * to its printed form (`printing`: small groups hidden, the record whole), then: in Electron the
 * main process saves it as a PDF where the user chooses (printToPDF, after its Save dialog); in a
 * browser (the web host) the browser's print dialog opens, with "Save as PDF" among its printers.
 * Either way the page comes back to its screen form afterwards.
 */
export function usePrintPage(): { printing: boolean; print(suggestedName: string): void; saved: string | null } {
  const [request, setRequest] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  useEffect(() => {
    if (request === null) return;
    let cancelled = false;
    const done = () => setRequest(null);
    const bridge = window.cohort;
    // Two frames: the printed form rendered and laid out before it is printed.
    const frame = requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        if (cancelled) return;
        if (bridge?.printToPdf) {
          bridge.printToPdf(request).then(
            (path) => {
              if (path !== null) setSaved(path);
              done();
            },
            done,
          );
        } else {
          window.addEventListener('afterprint', done, { once: true });
          window.print();
        }
      }),
    );
    return () => {
      cancelled = true;
      cancelAnimationFrame(frame);
      window.removeEventListener('afterprint', done);
    };
  }, [request]);

  const print = useCallback((suggestedName: string) => {
    setSaved(null);
    setRequest(suggestedName);
  }, []);
  return { printing: request !== null, print, saved };
}
