import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseChoicePath, loadDatabaseChoice, ON_THIS_COMPUTER, saveDatabaseChoice } from '../../electron/database-choice';
import { forgetPassword, keepPassword, keptPassword, keychainPath, KeychainUnavailableError, osKeychain, type SecretBox } from '../../electron/server-keychain';
import type { ServerConnection } from '../../shared/domain/server-connection';
import { useTempDir } from './support/temp';

/**
 * The office server's password in the keychain file, and the remembered choice of database.
 *
 * The one fake of these tests: Electron's safeStorage cannot run here (no Electron binary on this
 * machine, and no OS keychain in a test run), so `fakeSafeStorage` stands in for its three
 * functions. It is not encryption: it turns the text into bytes no test compares with the password
 * (a reversed, XOR-ed copy), so a password written in plain into the file would still be caught.
 */
function fakeSafeStorage(available = true): SecretBox {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (text) => Buffer.from([...Buffer.from(text, 'utf8')].reverse().map((b) => b ^ 0x5a)),
    decryptString: (bytes) => Buffer.from([...bytes].map((b) => b ^ 0x5a).reverse()).toString('utf8'),
  };
}

const SERVER = 'postgres://anne.martin@db.office.int:5432/cohort?sslmode=verify-full';
const hasModes = process.platform !== 'win32';

describe('the keychain file', () => {
  const tempDir = useTempDir();

  it('holds only the encrypted bytes, readable by the user alone, and gives the password back for the same server', () => {
    const file = keychainPath(tempDir());
    keepPassword(file, SERVER, 'Brussels-2026!', fakeSafeStorage());
    const bytes = readFileSync(file);
    expect(bytes.includes(Buffer.from('Brussels-2026!'))).toBe(false);
    expect(bytes.includes(Buffer.from('anne.martin'))).toBe(false);
    if (hasModes) expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(existsSync(`${file}.tmp`)).toBe(false);
    expect(keptPassword(file, SERVER, fakeSafeStorage())).toBe('Brussels-2026!');
  });

  it('never hands a password to another server than the one it was typed for', () => {
    const file = keychainPath(tempDir());
    keepPassword(file, SERVER, 'secret', fakeSafeStorage());
    expect(keptPassword(file, SERVER.replace('anne.martin', 'jan'), fakeSafeStorage())).toBeNull();
    expect(keptPassword(file, SERVER.replace('5432', '5433'), fakeSafeStorage())).toBeNull();
  });

  it('refuses to keep a password when nothing can encrypt it, and writes nothing', () => {
    const file = keychainPath(tempDir());
    expect(() => keepPassword(file, SERVER, 'secret', fakeSafeStorage(false))).toThrow(KeychainUnavailableError);
    expect(existsSync(file)).toBe(false);
  });

  it('gives nothing (Cohort asks again) for no file, no keychain now, or bytes it cannot read', () => {
    const dir = tempDir();
    const file = keychainPath(dir);
    expect(keptPassword(file, SERVER, fakeSafeStorage())).toBeNull();
    keepPassword(file, SERVER, 'secret', fakeSafeStorage());
    expect(keptPassword(file, SERVER, fakeSafeStorage(false))).toBeNull();
    writeFileSync(file, 'damaged');
    expect(keptPassword(file, SERVER, fakeSafeStorage())).toBeNull();
    const throwing: SecretBox = { ...fakeSafeStorage(), decryptString: () => { throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.'); } };
    expect(keptPassword(file, SERVER, throwing)).toBeNull();
  });

  it('counts Linux’s "basic_text" fallback (a key in Electron’s own code) as no keychain', () => {
    const storage = (backend: string) => ({ ...fakeSafeStorage(), getSelectedStorageBackend: () => backend });
    expect(osKeychain(storage('basic_text'), 'linux').isEncryptionAvailable()).toBe(false);
    expect(osKeychain(storage('gnome_libsecret'), 'linux').isEncryptionAvailable()).toBe(true);
    expect(osKeychain(fakeSafeStorage(), 'win32').isEncryptionAvailable()).toBe(true);
    expect(osKeychain(fakeSafeStorage(false), 'darwin').isEncryptionAvailable()).toBe(false);
    const file = keychainPath(tempDir());
    expect(() => keepPassword(file, SERVER, 'secret', osKeychain(storage('basic_text'), 'linux'))).toThrow(KeychainUnavailableError);
  });

  it('forgets', () => {
    const file = keychainPath(tempDir());
    keepPassword(file, SERVER, 'secret', fakeSafeStorage());
    forgetPassword(file);
    expect(existsSync(file)).toBe(false);
    forgetPassword(file);
  });
});

describe('the remembered choice of database', () => {
  const tempDir = useTempDir();
  const server: ServerConnection = { host: 'db.office.int', port: 5432, database: 'cohort', login: 'anne.martin', sslmode: 'verify-full', caFile: '/etc/ca.pem' };

  it('is this computer when nothing (or nothing readable) was saved', () => {
    const file = databaseChoicePath(tempDir());
    expect(loadDatabaseChoice(file)).toEqual(ON_THIS_COMPUTER);
    writeFileSync(file, '{ not json');
    expect(loadDatabaseChoice(file)).toEqual(ON_THIS_COMPUTER);
    writeFileSync(file, JSON.stringify({ use: 'server', server: null }));
    expect(loadDatabaseChoice(file)).toEqual(ON_THIS_COMPUTER);
    writeFileSync(file, JSON.stringify({ use: 'server', server: { ...server, host: 'x/y' } }));
    expect(loadDatabaseChoice(file)).toEqual(ON_THIS_COMPUTER);
  });

  it('keeps the server as a plain settings entry, without any password, private to the user', () => {
    const file = databaseChoicePath(tempDir());
    saveDatabaseChoice(file, { use: 'server', server });
    expect(loadDatabaseChoice(file)).toEqual({ use: 'server', server });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ use: 'server', server });
    expect(readFileSync(file, 'utf8')).not.toMatch(/password/i);
    if (hasModes) expect(statSync(file).mode & 0o777).toBe(0o600);
    saveDatabaseChoice(file, { use: 'file', server });
    expect(loadDatabaseChoice(join(file))).toEqual({ use: 'file', server });
  });
});
