import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makePrivate, PRIVATE_FILE_MODE } from '../db/private-files';

/**
 * The office server's password, kept between runs with Electron's `safeStorage` (the OS keychain:
 * DPAPI on Windows, the Keychain on macOS, libsecret on Linux). The file holds only the encrypted
 * bytes, readable by the user alone; inside them, the server it belongs to beside the password, so a
 * password is never sent to another server than the one it was typed for. Electron is reached
 * through `SecretBox` (safeStorage's three functions), so this is tested without it.
 */

export const KEYCHAIN_FILE = 'server-password.bin';

/** Electron's safeStorage, as far as this module uses it. */
export interface SecretBox {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/** safeStorage cannot encrypt on this computer (no keychain, or Linux without a secret service). */
export class KeychainUnavailableError extends Error {
  constructor() {
    super('This computer offers no keychain to keep the password in; Cohort will ask for it at each start.');
    this.name = 'KeychainUnavailableError';
  }
}

/** What is encrypted: which server (its URL, no password) and the password. */
interface KeptSecret {
  v: 1;
  server: string;
  password: string;
}

export function keychainPath(dataDirectory: string): string {
  return join(dataDirectory, KEYCHAIN_FILE);
}

/** Keeps the password for a server (its URL without password); refuses when nothing can encrypt it. */
export function keepPassword(file: string, server: string, password: string, box: SecretBox): void {
  if (!box.isEncryptionAvailable()) throw new KeychainUnavailableError();
  const secret: KeptSecret = { v: 1, server, password };
  const bytes = box.encryptString(JSON.stringify(secret));
  // Written beside, private from its first byte, then moved over: never a half-written secret.
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, bytes, { mode: PRIVATE_FILE_MODE });
  makePrivate(temporary);
  renameSync(temporary, file);
}

/**
 * The password kept for this server, or null: none kept, kept for another server, no keychain now,
 * or bytes it cannot decrypt (another user's, another computer's, damaged). Never throws: at worst
 * Cohort asks for the password again.
 */
export function keptPassword(file: string, server: string, box: SecretBox): string | null {
  if (!existsSync(file) || !box.isEncryptionAvailable()) return null;
  try {
    const secret: unknown = JSON.parse(box.decryptString(readFileSync(file)));
    if (typeof secret !== 'object' || secret === null) return null;
    const { v, server: kept, password } = secret as Record<string, unknown>;
    return v === 1 && kept === server && typeof password === 'string' ? password : null;
  } catch {
    return null;
  }
}

/** Forgets the kept password (switching back to this computer's file, or a new one refused). */
export function forgetPassword(file: string): void {
  rmSync(file, { force: true });
  rmSync(`${file}.tmp`, { force: true });
}

/** Electron's safeStorage as main.ts hands it over (getSelectedStorageBackend exists on Linux only). */
export interface ElectronSafeStorage extends SecretBox {
  getSelectedStorageBackend?(): string;
}

/**
 * The keychain to use: safeStorage, except that on Linux without a secret service (GNOME Keyring,
 * KWallet) Electron falls back to a key written in its own code ("basic_text"), which protects
 * nothing: that counts as no keychain, and the password is asked at each start.
 */
export function osKeychain(storage: ElectronSafeStorage, platform: NodeJS.Platform): SecretBox {
  const weak = () => platform === 'linux' && storage.getSelectedStorageBackend?.() === 'basic_text';
  return {
    isEncryptionAvailable: () => storage.isEncryptionAvailable() && !weak(),
    encryptString: (text) => storage.encryptString(text),
    decryptString: (bytes) => storage.decryptString(bytes),
  };
}
