import { ACTIVE_OVERRIDE } from '../../screening/store/sqlite-effective-verdict';
import { PG_ASCII_LOWER } from '../../../../db/postgres/ascii-lower';

/**
 * What the campaign's figures (the Overview's counts, the season report's facts) write in each
 * engine's own SQL; everything else in their queries is the same text on both:
 * - the officers' decisions that stand are read from their partial index on both engines, but only
 *   SQLite is told which one (`INDEXED BY`, which PostgreSQL has not: its planner picks it);
 * - ties are broken in byte order, SQLite's BINARY collation: the server's own collation (a
 *   language's) would order the same values otherwise, and a top ten could name other countries;
 * - an e-mail address is lower-cased as SQLite's lower() does, ASCII letters only (PostgreSQL's
 *   lowers every letter): two spellings of one address count as one person alike on both.
 */
export interface FiguresDialect {
  /** Joins `o` to `applications a`: the officer's decision that stands, if any (EFFECTIVE_VERDICT's). */
  activeOverride: string;
  /** Written after a text column in ORDER BY: byte by byte, NULL before any value. */
  byteOrder: string;
  /** A text expression with its ASCII letters lower-cased, nothing else changed. */
  asciiLower(text: string): string;
}

export const SQLITE_FIGURES: FiguresDialect = {
  activeOverride: ACTIVE_OVERRIDE,
  byteOrder: 'NULLS FIRST',
  asciiLower: (text) => `lower(${text})`,
};

export const POSTGRES_FIGURES: FiguresDialect = {
  activeOverride: `LEFT JOIN screening_overrides o ON o.application_ref = a.id AND o.state = 'active'`,
  byteOrder: 'COLLATE "C" NULLS FIRST',
  asciiLower: PG_ASCII_LOWER,
};
