/**
 * The text encodings Cohort reads delimited exports in. Detected when the file says (a byte-order
 * mark) or the bytes tell (UTF-8 versus Windows-1252); the others cannot be told apart from
 * Windows-1252 by their bytes (every byte is a character in each), so the user picks them when
 * names come out garbled: DOS exports (code page 850) and old Mac ones (Mac Roman).
 */
export const TEXT_ENCODINGS = ['utf-8', 'windows-1252', 'cp850', 'macintosh', 'utf-16le', 'utf-16be'] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

/** The encodings' names as Windows and Excel show them (the same in every language). */
export const TEXT_ENCODING_NAMES: Readonly<Record<TextEncoding, string>> = {
  'utf-8': 'UTF-8',
  'windows-1252': 'Windows-1252 (Western European)',
  cp850: 'DOS (code page 850)',
  macintosh: 'Mac Roman',
  'utf-16le': 'UTF-16 LE (Unicode text)',
  'utf-16be': 'UTF-16 BE',
};

export function isTextEncoding(value: unknown): value is TextEncoding {
  return (TEXT_ENCODINGS as readonly unknown[]).includes(value);
}
