import type { AppErrorData, ErrorIssue } from '../../shared/api/errors';

function isIssue(value: unknown): value is ErrorIssue {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return Array.isArray(v.path) && typeof v.message === 'string';
}

/**
 * The field-level problems of a Validation error, by dotted path ("settings.minimumAge"), so each
 * form field can show its own. Issues without a path are left to the general message.
 */
export function fieldIssues(error: AppErrorData | null | undefined): Map<string, string> {
  const byPath = new Map<string, string>();
  if (!error || error.code !== 'Validation') return byPath;
  const details = error.details as { issues?: unknown } | undefined;
  const issues = Array.isArray(details?.issues) ? details.issues.filter(isIssue) : [];
  for (const issue of issues) {
    const path = issue.path.join('.');
    if (path && !byPath.has(path)) byPath.set(path, issue.message);
  }
  return byPath;
}
