import type { TFunction } from 'i18next';
import { ApiCallError, isAppErrorData, toErrorData, type AppErrorData } from '../../shared/api/errors';

/** Error kinds the interface words itself (so French users read French); others show the message. */
export const KNOWN_KINDS = [
  'MissingToken',
  'BadToken',
  'HostUnreachable',
  'UnknownMethod',
  'DatabaseFromFuture',
  'NotCohortDatabase',
  'NotADatabase',
  'NoSuchFile',
  'FileExists',
  'IsFolder',
  'NotDatabaseName',
  'NoSuchFolder',
  'NotAbsolute',
  'PathNotChosen',
  'NoDatabase',
  'NoSuchCampaign',
  'NoCampaign',
  'NoSuchBackup',
  'IntegrityCheckFailed',
  'BackupFailed',
  'BackupBeforeMigrationFailed',
  // Writing to the database
  'DatabaseBusy',
  'DiskFull',
  'DatabaseReadOnly',
  'FileNotSaved',
  // Importing the export
  'UnbalancedQuotes',
  'Binary',
  'EmptyFile',
  'NotXlsx',
  'NoHeader',
  'UnsupportedType',
  'NotFound',
  'MappingInvalid',
  'NoSuchImport',
  'NotPreviewed',
  'NoFilePath',
  'UploadFailed',
  'UploadCancelled',
  'MalformedQuotes',
  'MixedEncoding',
  'AccessDenied',
  'Cancelled',
  'NoSuchImportRecord',
  'NotRegularFile',
  'TooManyColumns',
  'TooManyRows',
  'TooManyCells',
  'ValueTooLong',
  'RowTooLong',
  'ExpandsTooMuch',
  'NoSuchSheet',
] as const;
type KnownKind = (typeof KNOWN_KINDS)[number];

function isKnownKind(kind: string | undefined): kind is KnownKind {
  return (KNOWN_KINDS as readonly (string | undefined)[]).includes(kind);
}

function detailsOf(error: AppErrorData): Record<string, unknown> {
  return typeof error.details === 'object' && error.details !== null ? (error.details as Record<string, unknown>) : {};
}

export interface ErrorText {
  title: string;
  message: string;
}

/** Plain words for an API error: a title saying what kind of problem, then what happened. */
export function describeError(t: TFunction, raw: unknown): ErrorText {
  const error = raw instanceof ApiCallError ? raw.data : isAppErrorData(raw) ? raw : toErrorData(raw);
  const title = t(`errors.title.${error.code}`);
  if (isKnownKind(error.kind)) {
    const details = detailsOf(error);
    return { title, message: t(`errors.kind.${error.kind}`, { ...details, message: error.message }) };
  }
  return { title, message: error.message };
}
