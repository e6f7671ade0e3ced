import { ConflictError, NotFoundError } from '../../shared/api/errors';

/**
 * Why a campaign was not copied, in the office's words: which campaign, what to do. Every one of
 * them is thrown before the copy's transaction commits, so nothing was written anywhere.
 */

export class CampaignNameTakenError extends ConflictError {
  constructor(name: string, existingId: number, where: string) {
    super(
      `${where} already holds a campaign named "${name}" (number ${existingId}). Nothing was copied. If it is this campaign, it is there already; if not, copy it again with --name and another name for it there.`,
      'CampaignNameTaken',
      { name, existingId },
    );
  }
}

export class NotAdministratorError extends ConflictError {
  constructor(login: string) {
    super(
      `The login "${login}" is not an office administrator on this server: only administrators (cohort_admin) may bring a campaign onto it. Nothing was copied. Copy with an administrator's login, or ask the office's IT to run "cohort server add-officer ${login} --admin".`,
      'NotAdministrator',
      { login },
    );
  }
}

/** `--officer "Name=login"` naming a login the server does not have. */
export class UnknownLoginsError extends ConflictError {
  constructor(logins: string[]) {
    super(
      `The server has no login ${logins.map((l) => `"${l}"`).join(', ')}. Nothing was copied. Check the spelling, or ask the office's IT to add the officer first ("cohort server add-officer LOGIN").`,
      'UnknownLogins',
      { logins },
    );
  }
}

export class SourceSchemaOlderError extends ConflictError {
  constructor(path: string, fileVersion: number, supportedVersion: number) {
    super(
      `${path} was last opened by an older Cohort (its schema is version ${fileVersion}; this Cohort's is ${supportedVersion}). Nothing was copied and the file was not changed. Open it once in this Cohort (it is brought up to date, after a backup), then copy again.`,
      'SourceSchemaOlder',
      { path, fileVersion, supportedVersion },
    );
  }
}

export class ServerSchemaVersionError extends ConflictError {
  constructor(serverVersion: number | null, supportedVersion: number) {
    super(
      serverVersion === null
        ? 'This server has no Cohort schema yet. Nothing was copied. Ask the office\'s IT to run "cohort server init" on it first.'
        : serverVersion < supportedVersion
          ? `The server's Cohort schema is at version ${serverVersion}; this Cohort needs version ${supportedVersion}. Nothing was copied. Ask the office's IT to run "cohort server init" with this version of Cohort.`
          : `The server's Cohort schema (version ${serverVersion}) was written by a newer Cohort; this one knows up to version ${supportedVersion}. Nothing was copied. Update Cohort, then copy again.`,
      'ServerSchemaVersion',
      { serverVersion, supportedVersion },
    );
  }
}

/** The server's tables and this Cohort's do not match column for column: a fault of Cohort's own, caught before writing. */
export class ServerSchemaDiffersError extends ConflictError {
  constructor(table: string, missing: readonly string[], extra: readonly string[]) {
    super(
      `The server's table ${table} does not match this Cohort's (${[missing.length > 0 ? `missing ${missing.join(', ')}` : '', extra.length > 0 ? `not known here: ${extra.join(', ')}` : ''].filter(Boolean).join('; ')}). Nothing was copied. Make sure the server and this computer run the same version of Cohort.`,
      'ServerSchemaDiffers',
      { table, missing, extra },
    );
  }
}

export class CampaignIsACopyError extends ConflictError {
  constructor(name: string, copiedFrom: string) {
    super(
      `"${name}" is itself a read-only copy of a campaign of the office server (${copiedFrom}). Nothing was copied: work on the server's campaign, or copy that one again.`,
      'CampaignIsACopy',
      { name, copiedFrom },
    );
  }
}

export class NoSuchCampaignToCopyError extends NotFoundError {
  constructor(asked: string | null, where: string, campaigns: readonly { id: number; name: string }[]) {
    const list = campaigns.length === 0 ? 'it holds none' : `it holds ${campaigns.map((c) => `${c.id} "${c.name}"`).join(', ')}`;
    super(
      asked === null
        ? `Say which campaign of ${where} to copy, with --campaign NUMBER or --campaign NAME (${list}).`
        : `There is no campaign "${asked}" in ${where} (${list}). Nothing was copied.`,
      'NoSuchCampaign',
    );
  }
}

export class TargetFileExistsError extends ConflictError {
  constructor(path: string) {
    super(`${path} exists already. Nothing was copied: give the name of a new file (a copy never goes into an existing database).`, 'FileExists', { path });
  }
}
