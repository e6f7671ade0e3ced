/**
 * Where a long free text (a motivation, a kept column) is cut for its first showing. A page and a
 * half of text reads at once; drawing a whole 2 MB cell with its highlights took a second.
 */
export const LONG_TEXT_SHOWN = 5_000;

/**
 * The first `limit` characters of `text`, ended at the last space or line break before the limit
 * (a word is never cut in two, unless one word is longer than a fifth of the limit). The whole
 * text when it is at most a tenth longer than the limit: "show all" for a few words is silly.
 */
export function firstPart(text: string, limit: number = LONG_TEXT_SHOWN): string {
  if (text.length <= limit * 1.1) return text;
  const head = text.slice(0, limit);
  const lastBreak = Math.max(head.lastIndexOf(' '), head.lastIndexOf('\n'), head.lastIndexOf('\t'));
  // A surrogate pair is never split either: the cut falls before its first half.
  const end = lastBreak >= limit * 0.8 ? lastBreak : /[\uD800-\uDBFF]$/.test(head) ? limit - 1 : limit;
  return text.slice(0, end).trimEnd();
}
