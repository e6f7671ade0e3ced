import { Link, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { highlightRanges } from '../../shared/domain/search-text';
import { useFormat } from '../i18n/format';
import { Highlighted } from './Highlighted';
import { firstPart } from './long-text';

const useStyles = makeStyles({
  more: { display: 'block', marginTop: tokens.spacingVerticalXS, whiteSpace: 'normal' },
  whole: { ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` } },
});

const NO_TERMS: readonly string[] = [];

/**
 * A free text that may be very long: its first part at once, the rest one click away ("Show all
 * (N characters)", saying when the search matches further on). Short texts show whole.
 */
export function LongText({ text, terms = NO_TERMS }: { text: string; terms?: readonly string[] }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  // Which text was opened in full: another application's text starts cut again.
  const [shownWhole, setShownWhole] = useState<string | null>(null);
  const wholeRef = useRef<HTMLSpanElement>(null);
  const [focusWhole, setFocusWhole] = useState(0);
  // The button goes away once pressed: focus moves to the text it showed, not to the page (where
  // Escape would no longer close the pane the text is in).
  useEffect(() => {
    if (focusWhole > 0) wholeRef.current?.focus();
  }, [focusWhole]);
  const shown = shownWhole === text ? text : firstPart(text);
  if (shown.length === text.length) {
    return shownWhole === text ? (
      <span ref={wholeRef} tabIndex={-1} className={styles.whole}>
        <Highlighted text={text} terms={terms} />
      </span>
    ) : (
      <Highlighted text={text} terms={terms} />
    );
  }
  const matchesFurther = terms.length > 0 && highlightRanges(text.slice(shown.length), terms).length > 0;
  return (
    <>
      <Highlighted text={shown} terms={terms} />…
      <Link as="button" className={styles.more} onClick={() => {
          setShownWhole(text);
          setFocusWhole((n) => n + 1);
        }} data-testid="long-text-show-all">
        {t(matchesFurther ? 'longText.showAllMatches' : 'longText.showAll', { count: text.length, n: format.number(text.length) })}
      </Link>
    </>
  );
}
