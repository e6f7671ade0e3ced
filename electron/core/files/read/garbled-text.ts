/**
 * Text that looks decoded in the wrong encoding. A DOS (code page 850) or Mac Roman export read as
 * Windows-1252 cannot be told by its bytes (every byte is a character in each), but its text
 * shows it: "Jürgen" in code page 850 reads as "J\u0081rgen" (a C1 control character, which no
 * real text holds), "Émilie Novák" in Mac Roman as "ƒmilie Nov‡k" (typographic signs inside
 * words). Pure: the inspection runs it on the first rows and asks the user to pick the encoding.
 */

/** C1 control characters: what bytes 0x80–0x9F of another code page become; never in real text. */
const C1_CONTROL = /[\u0080-\u009F]/u;
/** Signs of Windows-1252's 0x80–0x9F range that are letters of DOS and Mac code pages, inside a word. */
const SIGN_IN_WORD = /\p{L}[ƒ‚„…†‡ˆ‰•˜™‹›]\p{L}/u;
/** "ƒmilie": ƒ starting a word of lowercase letters (Mac Roman É). */
const SIGN_STARTING_WORD = /(?:^|[^\p{L}])[ƒ†‡‚][\p{Ll}]/u;
/** "Ren‚": a low quotation mark (it opens quotes, before a word) right after a letter (code page 850 é). */
const LOW_QUOTE_AFTER_LETTER = /\p{L}[‚„](?!\p{L})/u;
/** "JŸrgen", "RenŽ": letters that only exist as capitals, right after another letter (Mac Roman ü, é). */
const CAPITAL_AFTER_LETTER = /\p{Ll}[ŸŽ]|\p{L}Ÿ\p{Ll}/u;

export function looksGarbled(text: string): boolean {
  return C1_CONTROL.test(text) || SIGN_IN_WORD.test(text) || SIGN_STARTING_WORD.test(text) || CAPITAL_AFTER_LETTER.test(text) || LOW_QUOTE_AFTER_LETTER.test(text);
}

/** Up to `max` values that look garbled, as found (for the preview to show what is wrong). */
export class GarbledSample {
  readonly examples: string[] = [];
  constructor(private readonly max = 5) {}

  add(values: readonly string[]): void {
    for (const value of values) {
      if (this.examples.length >= this.max) return;
      if (value.length > 0 && looksGarbled(value) && !this.examples.includes(value)) this.examples.push(value.length > 80 ? `${value.slice(0, 79)}…` : value);
    }
  }
}
