import type { TFunction } from 'i18next';
import { VERDICTS, type ScreeningVerdict } from '../../../shared/api/screening';
import { NOT_RETAINED_REASONS, STAGE_IDS, type NotRetainedReason, type Stage } from '../../../shared/domain/stages';
import type { Format } from '../../i18n/format';

/**
 * What an audit entry's details say, in words: the few facts an officer looks for (why, which file,
 * how many people, in what format, from what to what). Details are stored as each action wrote
 * them, so this reads the keys it knows and says nothing of the rest; when it knows none, the
 * details are shown as recorded (compact JSON), so nothing recorded is hidden.
 */
export interface DetailsText {
  /** The summary in words, or the raw JSON when no known fact was found. */
  text: string;
  /** True when `text` is the raw JSON (the page sets it in a monospace font). */
  raw: boolean;
}

type Details = Record<string, unknown>;

function isRecord(value: unknown): value is Details {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(details: Details, key: string): string | null {
  const value = details[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function count(details: Details, key: string): number | null {
  const value = details[key];
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  // A list of what was touched (erased applications, files): its length is the count.
  return Array.isArray(value) ? value.length : null;
}

function isStage(value: string): value is Stage {
  return (STAGE_IDS as readonly string[]).includes(value);
}

function isNotRetainedReason(value: string): value is NotRetainedReason {
  return (NOT_RETAINED_REASONS as readonly string[]).includes(value);
}

/** The parts of a triage state, named as the triage pane names them; other keys as recorded. */
const STATE_PARTS = ['stage', 'reason', 'assignee', 'score', 'division'] as const;
type StatePart = (typeof STATE_PARTS)[number];

function isStatePart(key: string): key is StatePart {
  return (STATE_PARTS as readonly string[]).includes(key);
}

function isVerdict(value: string): value is ScreeningVerdict {
  return (VERDICTS as readonly string[]).includes(value);
}

function scalar(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

/** The formats a subject-access export or a notice batch is written in, as the office names them. */
function formatName(value: string): string {
  return /^(json|pdf|csv|xlsx|eml|zip)$/i.test(value) ? value.toUpperCase() : value;
}

/** A recorded value in words where it is a stage or a verdict; else as recorded. */
function valueWords(key: string, value: unknown, t: TFunction): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') {
    if (key === 'stage' && isStage(value)) return t(`triageDetail.stage.${value}`);
    if (key === 'verdict' && isVerdict(value)) return t(`screening.verdict.${value}`);
    if (key === 'reason' && isNotRetainedReason(value)) return t(`triageDetail.reason.${value}`);
    return value;
  }
  return scalar(value) ?? JSON.stringify(value);
}

/**
 * Before and after: two values ("eligible" → "ineligible"), or two states of which only the parts
 * that changed are worth reading ("Stage: New → In review"), not the whole of both.
 */
function changes(details: Details, t: TFunction): string[] {
  const { before, after } = details;
  if (before === undefined || after === undefined) return [];
  if (!isRecord(before) || !isRecord(after)) {
    if (scalar(before) === null || scalar(after) === null) return [];
    return [t('audit.details.change', { before: valueWords('verdict', before, t), after: valueWords('verdict', after, t) })];
  }
  return [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    // A triage action's reason is also given on its own (and said there): once is enough.
    .filter((key) => !(key === 'reason' && text(details, 'reason') !== null && details.reason === after.reason))
    .map((key) => t('audit.details.changeOf', { what: isStatePart(key) ? t(`audit.details.part.${key}`) : key, before: valueWords(key, before[key], t), after: valueWords(key, after[key], t) }));
}

export function detailsText(details: unknown, t: TFunction, format: Format): DetailsText {
  if (details === null || details === undefined) return { text: '', raw: false };
  if (!isRecord(details)) return { text: JSON.stringify(details), raw: true };
  // What changed first; the facts beside it after ("Stage: New → Not retained · Reason: …").
  const parts: string[] = changes(details, t);
  const reason = text(details, 'reason');
  if (reason) parts.push(t('audit.details.reason', { text: valueWords('reason', reason, t) }));
  const justification = text(details, 'justification');
  if (justification) parts.push(t('audit.details.justification', { text: justification }));
  const field = text(details, 'field');
  if (field) parts.push(t('audit.details.field', { field }));
  const note = text(details, 'text') ?? text(details, 'note');
  if (note) parts.push(t('audit.details.note', { text: note }));
  const file = text(details, 'file') ?? text(details, 'fileName');
  if (file) parts.push(t('audit.details.file', { file }));
  const kind = text(details, 'format');
  if (kind) parts.push(t('audit.details.format', { format: formatName(kind) }));
  const language = text(details, 'language');
  if (language) parts.push(t('audit.details.language', { language: language.toUpperCase() }));
  for (const key of ['people', 'applications', 'campaigns', 'erased', 'candidates', 'notices', 'places'] as const) {
    const n = count(details, key);
    if (n !== null) parts.push(t(`audit.details.${key}`, { count: n, n: format.number(n) }));
  }
  const months = count(details, 'retentionMonths');
  if (months !== null) parts.push(t('audit.details.months', { count: months, n: format.number(months) }));
  if ('closedOn' in details) {
    const closedOn = text(details, 'closedOn');
    parts.push(closedOn ? t('audit.details.closedOn', { date: format.date(closedOn) }) : t('audit.details.open'));
  }
  // What an erasure left of an entry about the person: it says so rather than show {"erased":true}.
  if (details.erased === true) parts.push(t('audit.details.scrubbed'));
  if (details.beforeDue === true) parts.push(t('audit.details.beforeDue'));
  const backups = details.backups;
  if (isRecord(backups)) {
    const rewritten = count(backups, 'rewritten') ?? 0;
    const removed = count(backups, 'removed') ?? 0;
    parts.push(t('audit.details.backupsRewritten', { count: rewritten, n: format.number(rewritten) }));
    if (removed > 0) parts.push(t('audit.details.backupsRemoved', { count: removed, n: format.number(removed) }));
  }
  if (parts.length > 0) {
    // Phrases are written to follow one another; the first one starts the sentence.
    const joined = parts.join(' · ');
    return { text: joined.charAt(0).toLocaleUpperCase() + joined.slice(1), raw: false };
  }
  return { text: JSON.stringify(details), raw: true };
}
