import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';

/**
 * A password as PostgreSQL keeps it (SCRAM-SHA-256, RFC 5802/7677, the format of pg_authid), worked
 * out here so that `cohort server add-officer` sends the server this and never the password itself:
 * a server logging its DDL (log_statement = 'ddl') would otherwise write the password in its log.
 * PostgreSQL takes a value in this form as already encrypted (CREATE ROLE … PASSWORD 'SCRAM-SHA-256$…').
 * The password's UTF-8 bytes are used as they are, as node-postgres does when it logs in (libpq
 * would normalise a non-ASCII password first: such a password is best avoided for psql users).
 */
export const SCRAM_ITERATIONS = 4096;

export function scramVerifier(password: string, salt: Buffer = randomBytes(16), iterations = SCRAM_ITERATIONS): string {
  const salted = pbkdf2Sync(Buffer.from(password, 'utf8'), salt, iterations, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}
