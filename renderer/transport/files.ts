import { ApiCallError, type AppErrorData } from '../../shared/api/errors';
import type { CohortBridge } from './bridge';

export interface UploadProgress {
  /** Bytes sent so far and in all. */
  loaded: number;
  total: number;
}

export interface FileToPathOptions {
  onProgress?: (progress: UploadProgress) => void;
  /** Stops an upload under way (the promise then rejects with kind `UploadCancelled`). */
  signal?: AbortSignal;
}

/**
 * The services read files by path. In Electron a chosen or dropped file has one already; in a
 * browser the web host first receives the bytes and answers where it put them. Either way the
 * result is a path to hand to `import.inspect`; failures reject with an `ApiCallError`.
 */
export type FileToPath = (file: File, options?: FileToPathOptions) => Promise<string>;

function fail(error: AppErrorData): never {
  throw new ApiCallError(error);
}

export function createElectronFileToPath(bridge: CohortBridge): FileToPath {
  return async (file) => {
    const path = (await bridge.pathForFile?.(file)) ?? '';
    if (path === '') {
      fail({
        code: 'Validation',
        kind: 'NoFilePath',
        message: `“${file.name}” is not a file on this computer's disk. Save it to a folder first, then import it from there.`,
        details: { fileName: file.name },
      });
    }
    return path;
  };
}

function isUploadAnswer(value: unknown): value is { ok: true; value: { path: string } } | { ok: false; error: AppErrorData } {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { ok?: unknown; value?: { path?: unknown }; error?: unknown };
  return v.ok === true ? typeof v.value?.path === 'string' : v.ok === false && typeof v.error === 'object' && v.error !== null;
}

/**
 * POST /api/upload?name=… with the raw bytes. XMLHttpRequest rather than fetch: it reports upload
 * progress, which matters for a 50 MB export.
 */
export function createWebFileToPath(token: string | null): FileToPath {
  return (file, options = {}) =>
    new Promise<string>((resolve, reject) => {
      if (token === null) {
        reject(
          new ApiCallError({
            code: 'Validation',
            kind: 'MissingToken',
            message: 'This page was opened without its access token. Open the address that "npm run web" printed.',
          }),
        );
        return;
      }
      const { onProgress, signal } = options;
      const xhr = new XMLHttpRequest();
      const cancelled = () =>
        reject(new ApiCallError({ code: 'Validation', kind: 'UploadCancelled', message: 'The upload was cancelled.' }));
      if (signal?.aborted) {
        cancelled();
        return;
      }
      const onAbort = () => xhr.abort();
      signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => signal?.removeEventListener('abort', onAbort);

      xhr.open('POST', `/api/upload?name=${encodeURIComponent(file.name)}`);
      xhr.setRequestHeader('Authorization', `Bearer ${token}`);
      xhr.setRequestHeader('Content-Type', 'application/octet-stream');
      xhr.responseType = 'text';
      xhr.upload.onprogress = (event) => onProgress?.({ loaded: event.loaded, total: event.lengthComputable ? event.total : file.size });
      xhr.onabort = () => {
        done();
        cancelled();
      };
      xhr.onerror = () => {
        done();
        reject(
          new ApiCallError({ code: 'Internal', kind: 'HostUnreachable', message: 'Cohort is not reachable. Is the web host still running?' }),
        );
      };
      xhr.onload = () => {
        done();
        let body: unknown = null;
        try {
          body = JSON.parse(xhr.responseText);
        } catch {
          // handled below: not an answer of ours
        }
        if (isUploadAnswer(body)) {
          if (body.ok) resolve(body.value.path);
          else reject(new ApiCallError(body.error));
          return;
        }
        reject(
          new ApiCallError({
            code: 'Internal',
            kind: 'UploadFailed',
            message: `The web host answered ${xhr.status} ${xhr.statusText} to the upload of “${file.name}”.`,
            details: { fileName: file.name },
          }),
        );
      };
      xhr.send(file);
    });
}
