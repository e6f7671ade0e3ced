import { describe, expect, it } from 'vitest';
import { parseServerUrl } from '../../db/postgres/server-url';
import { connectFailureOf, connectFailureOfWorker, CaFileUnreadableError, NotCohortServerError, ServerSchemaError } from '../../electron/connect-failure';
import { connectionProblems, portFromText, serverConnectionSchema, serverLabelOf, serverUrlOf, type ServerConnection } from '../../shared/domain/server-connection';
import { checkDraft, draftOf } from '../../renderer/pages/settings/serverForm';

/** Settings > Database's office server, field by field: the URL the fields make, their checks, and failures in words. */

const OFFICE: ServerConnection = { host: 'db.office.int', port: 5432, database: 'cohort', login: 'anne.martin', sslmode: 'verify-full', caFile: null };

describe('the URL the fields make', () => {
  it('is read back by parseServerUrl as the same server, login and TLS rule (no password ever)', () => {
    for (const connection of [
      OFFICE,
      { ...OFFICE, port: 6543, sslmode: 'disable' as const, host: 'localhost' },
      { ...OFFICE, host: '::1', login: 'anne@nato', database: 'cohort 2026' },
      { ...OFFICE, host: '[fe80::1]' },
      { ...OFFICE, caFile: '/etc/office-ca.pem' },
    ]) {
      const url = serverUrlOf(connection);
      const address = parseServerUrl(url);
      expect(address).toEqual({
        host: connection.host.replace(/^\[(.*)\]$/, '$1'),
        port: connection.port,
        database: connection.database,
        user: connection.login,
        password: null,
        sslmode: connection.sslmode,
      });
      expect(url).not.toContain('etc');
    }
    expect(serverUrlOf(OFFICE)).toBe('postgres://anne.martin@db.office.int:5432/cohort?sslmode=verify-full');
    expect(serverLabelOf(OFFICE)).toBe('anne.martin@db.office.int:5432/cohort');
  });
});

describe('the fields’ checks', () => {
  it('accepts a server IT would give', () => {
    expect(connectionProblems(OFFICE)).toEqual({});
    expect(connectionProblems({ ...OFFICE, host: '10.0.0.12' })).toEqual({});
  });

  it('names each wrong field with its first problem', () => {
    expect(connectionProblems({ ...OFFICE, host: '', login: '  ', database: '' })).toEqual({ host: 'required', login: 'required', database: 'required' });
    // Characters that would change what the URL means.
    for (const host of ['db.office.int/x', 'user@db', 'db office', 'db?x=1']) expect(connectionProblems({ ...OFFICE, host })).toEqual({ host: 'hostInvalid' });
    for (const port of [0, 65536, 1.5, Number.NaN]) expect(connectionProblems({ ...OFFICE, port })).toEqual({ port: 'portInvalid' });
    expect(connectionProblems({ ...OFFICE, login: 'a'.repeat(64) })).toEqual({ login: 'nameInvalid' });
    expect(connectionProblems({ ...OFFICE, sslmode: 'disable', caFile: '/ca.pem' })).toEqual({ caFile: 'caFileWithoutTls' });
  });

  it('refuses anything else (the main process checks with the same schema): no password inside, no other TLS mode', () => {
    expect(serverConnectionSchema.safeParse({ ...OFFICE, password: 'x' }).success).toBe(false);
    expect(serverConnectionSchema.safeParse({ ...OFFICE, sslmode: 'require' }).success).toBe(false);
    expect(serverConnectionSchema.safeParse(null).success).toBe(false);
  });

  it('reads the port as typed', () => {
    expect(portFromText(' 5433 ')).toBe(5433);
    expect(portFromText('54a')).toBeNaN();
    expect(portFromText('')).toBeNaN();
  });
});

describe('the page’s form', () => {
  it('starts empty with the usual port and database, or as Settings remembers the server', () => {
    expect(draftOf(null)).toEqual({ host: '', port: '5432', database: 'cohort', login: '', tls: 'verified', caFile: null });
    expect(draftOf({ ...OFFICE, caFile: '/ca.pem' })).toMatchObject({ tls: 'officeCa', caFile: '/ca.pem', port: '5432' });
    expect(draftOf({ ...OFFICE, sslmode: 'disable' })).toMatchObject({ tls: 'none' });
  });

  it('makes the connection of the three TLS choices', () => {
    const draft = { ...draftOf(OFFICE), caFile: '/ca.pem' };
    expect(checkDraft({ ...draft, tls: 'verified' })).toEqual({ ok: true, connection: OFFICE });
    expect(checkDraft({ ...draft, tls: 'officeCa' })).toEqual({ ok: true, connection: { ...OFFICE, caFile: '/ca.pem' } });
    expect(checkDraft({ ...draft, tls: 'none' })).toEqual({ ok: true, connection: { ...OFFICE, sslmode: 'disable' } });
  });

  it('asks for the CA file when that choice has none, and says which fields are wrong', () => {
    expect(checkDraft({ ...draftOf(OFFICE), tls: 'officeCa', caFile: null })).toEqual({ ok: false, problems: { caFile: 'caFileRequired' } });
    expect(checkDraft({ ...draftOf(OFFICE), port: 'five', host: '' })).toEqual({ ok: false, problems: { port: 'portInvalid', host: 'required' } });
  });
});

describe('why connecting failed, as a reason the page says in words', () => {
  const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });

  it.each([
    ['28P01', 'wrongPassword'],
    ['28000', 'refusedByServer'],
    ['3D000', 'noSuchDatabase'],
    ['42P01', 'notCohortServer'],
    ['42501', 'notAnOfficer'],
    ['ECONNREFUSED', 'unreachable'],
    ['ETIMEDOUT', 'unreachable'],
    ['08006', 'unreachable'],
    ['ENOTFOUND', 'unknownHost'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'certificateNotTrusted'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'certificateNotTrusted'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'certificateNotTrusted'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'certificateWrongName'],
    ['CERT_HAS_EXPIRED', 'certificateExpired'],
    ['XX000', 'other'],
  ])('%s: %s', (code, reason) => {
    expect(connectFailureOf(pgError(code, `the driver said ${code}`))).toEqual({ reason, detail: `the driver said ${code}` });
  });

  it('reads the driver’s words where it gives no code', () => {
    expect(connectFailureOf(new Error('The server does not support SSL connections')).reason).toBe('serverWithoutTls');
    expect(connectFailureOf(new Error('timeout expired')).reason).toBe('unreachable');
    expect(connectFailureOf(new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a string')).reason).toBe('passwordNeeded');
  });

  it('names its own checks', () => {
    expect(connectFailureOf(new CaFileUnreadableError('/ca.pem', new Error('ENOENT'))).reason).toBe('caFileUnreadable');
    expect(connectFailureOf(new NotCohortServerError()).reason).toBe('notCohortServer');
    expect(connectFailureOf(new ServerSchemaError(9, 2)).reason).toBe('serverSchemaNewer');
    expect(connectFailureOf(new ServerSchemaError(1, 2)).reason).toBe('serverSchemaOlder');
  });

  it('reads the worker’s named errors when the worker, not the test, failed', () => {
    expect(connectFailureOfWorker({ code: 'Conflict', kind: 'ServerNotInitialised', message: 'm' }).reason).toBe('notCohortServer');
    expect(connectFailureOfWorker({ code: 'Conflict', kind: 'ServerUnreachable', message: 'm' }).reason).toBe('unreachable');
    expect(connectFailureOfWorker({ code: 'Conflict', kind: 'ServerSchemaDiffers', message: 'set up by a newer Cohort' }).reason).toBe('serverSchemaNewer');
    expect(connectFailureOfWorker({ code: 'Internal', message: 'Something went wrong inside Cohort: The server does not support SSL connections' }).reason).toBe('serverWithoutTls');
  });
});
