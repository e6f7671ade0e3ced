import { makeStyles, tokens } from '@fluentui/react-components';
import { memo, type ReactNode } from 'react';
import { highlightRanges } from '../../shared/domain/search-text';

const useStyles = makeStyles({
  // The browser's default yellow ignores the theme: in dark mode it sits under light text. The
  // "marked" tokens are a pair meant for this, readable in light, dark and high contrast.
  mark: {
    backgroundColor: tokens.colorPaletteYellowBackground2,
    color: tokens.colorNeutralForeground1,
    borderRadius: tokens.borderRadiusSmall,
  },
});

interface Props {
  text: string;
  /** The search terms as the index reads them (folded, lower case): `TriagePage.searchTerms`. */
  terms: readonly string[];
}

/** `text` with the words a search matched wrapped in <mark>, so the reader sees why a row is there. */
export const Highlighted = memo(function Highlighted({ text, terms }: Props) {
  const styles = useStyles();
  const ranges = highlightRanges(text, terms);
  if (ranges.length === 0) return <>{text}</>;
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(
      <mark key={start} className={styles.mark}>
        {text.slice(start, end)}
      </mark>,
    );
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}, sameProps);

/** Callers often build the terms array anew on each render: compare the words, not the array. */
function sameProps(a: Props, b: Props): boolean {
  return a.text === b.text && a.terms.length === b.terms.length && a.terms.every((term, i) => term === b.terms[i]);
}
