/**
 * A watch on the XML of an .xlsx part as it streams to exceljs, before exceljs parses it: exceljs
 * keeps every shared string in memory and builds every cell of a row, so a small file that
 * unpacks to millions of strings, a row of millions of cells or a value of hundreds of megabytes
 * would take gigabytes there. Counting start tags in the text is cheap and stops the read at once.
 */

export interface XmlGuardLimits {
  /** Start tags of this element counted over the whole part ('si': shared strings; 'c': cells). */
  counted?: { element: string; max: number };
  /** Start tags of `element` counted within each `within` element ('c' per 'row'). */
  perParent?: { element: string; within: string; max: number };
  /** Characters between two tags (text or a tag's attributes): a value's raw length. */
  maxRun: number;
}

/** Which limit was passed; the reader turns it into a plain message. */
export class XmlLimitExceeded extends Error {
  constructor(readonly limit: 'counted' | 'perParent' | 'run') {
    super(`XML limit passed: ${limit}`);
  }
}

/** A start tag's name, with an optional namespace prefix (x:c), followed by what ends a name. */
const START_TAG = /<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)(?=[\s/>])/g;
/** A tag cut by the chunk's end is carried over if its start is this close to the end. */
const CARRY = 256;

export async function* guardedXml(text: AsyncIterable<string>, limits: XmlGuardLimits): AsyncGenerator<string> {
  let carry = '';
  let count = 0;
  let inParent = 0;
  let run = 0;
  for await (const chunk of text) {
    checkRun(chunk);
    const scanned = carry + chunk;
    // Keep back a start tag that may be cut at the end ("<c" then "ell"): scan up to its "<".
    const lastOpen = scanned.lastIndexOf('<');
    const cut = lastOpen >= 0 && scanned.length - lastOpen < CARRY && scanned.indexOf('>', lastOpen) < 0 ? lastOpen : scanned.length;
    countTags(scanned.slice(0, cut));
    carry = scanned.slice(cut);
    yield chunk;
  }
  countTags(carry);

  function checkRun(chunk: string): void {
    let first = -1;
    let last = -1;
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk.charCodeAt(i);
      if (ch === 0x3c || ch === 0x3e) {
        if (first < 0) first = i;
        last = i;
      }
    }
    if (first < 0) run += chunk.length;
    else {
      if (run + first > limits.maxRun) throw new XmlLimitExceeded('run');
      // A run wholly inside one chunk: chunks are far smaller than the limit, except a huge one.
      if (chunk.length > limits.maxRun) longestInside(chunk);
      run = chunk.length - 1 - last;
    }
    if (run > limits.maxRun) throw new XmlLimitExceeded('run');
  }

  function longestInside(chunk: string): void {
    let since = 0;
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk.charCodeAt(i);
      if (ch === 0x3c || ch === 0x3e) since = 0;
      else if (++since > limits.maxRun) throw new XmlLimitExceeded('run');
    }
  }

  function countTags(part: string): void {
    const { counted, perParent } = limits;
    if (!counted && !perParent) return;
    START_TAG.lastIndex = 0;
    for (let m = START_TAG.exec(part); m !== null; m = START_TAG.exec(part)) {
      const name = m[1];
      if (counted && name === counted.element && ++count > counted.max) throw new XmlLimitExceeded('counted');
      if (perParent) {
        if (name === perParent.within) inParent = 0;
        else if (name === perParent.element && ++inParent > perParent.max) throw new XmlLimitExceeded('perParent');
      }
    }
  }
}
