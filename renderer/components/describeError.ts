import type { TFunction } from 'i18next';
import { ApiCallError, isAppErrorData, toErrorData, type AppErrorData } from '../../shared/api/errors';
import type { Format } from '../i18n/format';

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
  'ReadOnlyCopy',
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
  // Officers deciding on the same campaign (team mode)
  'ChangedMeanwhile',
  'ChangedSince',
  'BatchAlreadySent',
  'CorrectedSincePreview',
  // The office server (team mode)
  'ServerUnreachable',
  'ServerBusy',
  'LockWaitTimeout',
  'ChangesCrossed',
  'ServerLostAtSave',
  'NotOnServer',
  'ServerBackups',
  'NotAllowed',
  'OfficerIsLogin',
] as const;
type KnownKind = (typeof KNOWN_KINDS)[number];

function isKnownKind(kind: string | undefined): kind is KnownKind {
  return (KNOWN_KINDS as readonly (string | undefined)[]).includes(kind);
}

function detailsOf(error: AppErrorData): Record<string, unknown> {
  return typeof error.details === 'object' && error.details !== null ? (error.details as Record<string, unknown>) : {};
}

/** A refusal names this many of the applications that changed meanwhile; the rest are counted. */
const CHANGED_NAMED = 3;

/**
 * What a refusal's details become in words: times in the reader's language and zone, and for a
 * decision refused because applications changed meanwhile, the first few of them with who changed each.
 */
function wordedDetails(t: TFunction, kind: KnownKind, details: Record<string, unknown>, format: WordFormat | undefined): Record<string, unknown> {
  const shown = { ...details };
  if (typeof details.at === 'string' && details.at !== '' && format) shown.at = format.dateTime(details.at);
  if (kind !== 'ChangedMeanwhile') return shown;
  // A decision made without a name (an old database) still reads as a sentence.
  if (details.by === '' || details.by === undefined) shown.by = t('errors.changedBySomeone');
  const changed = Array.isArray(details.changed) ? (details.changed as { applicationId?: unknown; by?: unknown }[]) : [];
  const named = changed.slice(0, CHANGED_NAMED).map((c) =>
    t('errors.changedItem', { applicationId: String(c.applicationId ?? ''), by: typeof c.by === 'string' && c.by !== '' ? c.by : t('errors.changedBySomeone') }),
  );
  if (changed.length > CHANGED_NAMED) named.push(t('errors.changedMore', { count: changed.length - CHANGED_NAMED }));
  shown.changed = format ? format.list(named) : named.join(', ');
  return shown;
}

/** The formatting the words of an error need: the caller's (useFormat), so times read in its language. */
export type WordFormat = Pick<Format, 'dateTime' | 'list'>;

export interface ErrorText {
  title: string;
  message: string;
}

/**
 * Plain words for an API error: a title saying what kind of problem, then what happened. With
 * `format`, times in its details read in the interface's language (else as the service wrote them).
 */
export function describeError(t: TFunction, raw: unknown, format?: WordFormat): ErrorText {
  const error = raw instanceof ApiCallError ? raw.data : isAppErrorData(raw) ? raw : toErrorData(raw);
  const title = t(`errors.title.${error.code}`);
  if (isKnownKind(error.kind)) {
    const details = wordedDetails(t, error.kind, detailsOf(error), format);
    return { title, message: t(`errors.kind.${error.kind}`, { ...details, message: error.message }) };
  }
  return { title, message: error.message };
}
