/**
 * Text lower-cased as SQLite's lower() does it, ASCII letters only, in PostgreSQL's SQL: the
 * server's own lower() lowers every letter, so an e-mail address with a capital beyond ASCII would
 * name one person on a laptop and another on the server. Used wherever both engines must match
 * people by their e-mail (the Overview's counts, a person's scope for erasure and access).
 */
export const PG_ASCII_LOWER = (text: string): string => `translate(${text}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')`;
