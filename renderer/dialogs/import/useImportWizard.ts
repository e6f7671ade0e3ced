import { useCallback, useRef, useState } from 'react';
import type { ColumnTarget, ImportInspection, ImportPreview, ImportResult } from '../../../shared/api/contract';
import type { TextEncoding } from '../../../shared/domain/text-encodings';
import { ApiCallError, toErrorData, type AppErrorData } from '../../../shared/api/errors';
import { useClient, useFileToPath } from '../../api/ClientContext';
import { holdImportJob, releaseImportJob } from '../../api/importJobMemory';

export type WizardStep =
  | { name: 'choose' }
  | { name: 'uploading'; fileName: string; loaded: number; total: number }
  | { name: 'inspecting'; fileName: string }
  | { name: 'mapping'; inspection: ImportInspection; mapping: ColumnTarget[] }
  | { name: 'reading'; inspection: ImportInspection; mapping: ColumnTarget[] }
  | { name: 'preview'; inspection: ImportInspection; mapping: ColumnTarget[]; preview: ImportPreview }
  | { name: 'writing'; inspection: ImportInspection; mapping: ColumnTarget[]; preview: ImportPreview }
  | { name: 'done'; inspection: ImportInspection; result: ImportResult };

export interface ImportWizard {
  open: boolean;
  step: WizardStep;
  /** What went wrong in the last request, shown on the step it returned to. */
  error: AppErrorData | null;
  /** True while closing would lose work in progress that cannot be dropped (the commit). */
  busy: boolean;
  /** Opens the wizard, with a file (dropped or chosen elsewhere) or at "choose a file". */
  start(campaignId: number, file?: File): void;
  chooseFile(file: File): void;
  setTarget(index: number, target: ColumnTarget): void;
  /** Reads the file again in another text encoding (names came out garbled): a new inspection. */
  chooseEncoding(encoding: TextEncoding): void;
  /** Back to the mapping Cohort offered (saved or automatic). */
  resetMapping(): void;
  preview(): void;
  /** Stops reading: the job is dropped and the wizard starts over. */
  cancelReading(): void;
  backToMapping(): void;
  commit(): void;
  /** Another file: drops the current job, if any. */
  startOver(): void;
  close(): void;
}

function errorData(error: unknown): AppErrorData {
  return error instanceof ApiCallError ? error.data : toErrorData(error);
}

const CHOOSE: WizardStep = { name: 'choose' };

/**
 * The import as a sequence of steps: choose a file -> (upload) -> inspect -> map -> read (preview)
 * -> check -> write -> done. Each request runs under a number; cancelling or closing moves the
 * number on, so a late answer of an abandoned request changes nothing. A job the services hold
 * (inspected or previewed, not committed) is cancelled whenever the user leaves it: nothing stays
 * behind.
 */
/** A file that turned out to be a hiring manager's reply to a shortlist: read through the reply's own preview. */
export interface ShortlistReplyFile {
  path: string;
  fileName: string;
}

export function useImportWizard(onImported: (result: ImportResult) => void, onShortlistReply: (file: ShortlistReplyFile) => void): ImportWizard {
  const client = useClient();
  const fileToPath = useFileToPath();
  const [open, setOpen] = useState(false);
  const [campaignId, setCampaignId] = useState<number | null>(null);
  const [step, setStep] = useState<WizardStep>(CHOOSE);
  const [error, setError] = useState<AppErrorData | null>(null);
  const runRef = useRef(0);
  const jobRef = useRef<string | null>(null);
  const uploadRef = useRef<AbortController | null>(null);
  /** The inspected file's path on the services' side, to read it again in another encoding. */
  const pathRef = useRef<string | null>(null);

  /** Starts a new request; the previous one, if still running, is abandoned. */
  const nextRun = (): number => ++runRef.current;
  const isCurrent = (run: number): boolean => runRef.current === run;

  function dropJob(): void {
    uploadRef.current?.abort();
    uploadRef.current = null;
    const jobId = jobRef.current;
    jobRef.current = null;
    if (jobId !== null) {
      releaseImportJob(jobId);
      void client.tryCall('import.cancel', { jobId });
    }
  }

  async function inspectFile(forCampaign: number, file: File): Promise<void> {
    const run = nextRun();
    dropJob();
    setError(null);
    const upload = new AbortController();
    uploadRef.current = upload;
    setStep({ name: 'uploading', fileName: file.name, loaded: 0, total: file.size });
    let path: string;
    try {
      path = await fileToPath(file, {
        signal: upload.signal,
        onProgress: ({ loaded, total }) => {
          if (isCurrent(run)) setStep((s) => (s.name === 'uploading' ? { ...s, loaded, total } : s));
        },
      });
    } catch (caught) {
      if (!isCurrent(run)) return;
      setStep(CHOOSE);
      setError(errorData(caught));
      return;
    } finally {
      if (uploadRef.current === upload) uploadRef.current = null;
    }
    if (!isCurrent(run)) return;
    pathRef.current = path;
    setStep({ name: 'inspecting', fileName: file.name });
    const result = await client.tryCall('import.inspect', { campaignId: forCampaign, path });
    if (!isCurrent(run)) {
      // Abandoned while the headers were read: the job the services opened must not linger.
      if (result.ok) void client.tryCall('import.cancel', { jobId: result.value.jobId });
      return;
    }
    if (!result.ok && result.error.kind === 'ShortlistReplyFile') {
      // Not an export but a manager's reply (File > Import… takes both): its own preview takes over.
      reset();
      setOpen(false);
      onShortlistReply({ path, fileName: file.name });
      return;
    }
    if (!result.ok) {
      setStep(CHOOSE);
      setError(result.error);
      return;
    }
    holdJob(result.value);
    setStep({ name: 'mapping', inspection: result.value, mapping: result.value.mapping });
  }

  function holdJob(inspection: ImportInspection): void {
    jobRef.current = inspection.jobId;
    holdImportJob({ jobId: inspection.jobId, campaignId: inspection.campaignId, fileName: inspection.fileName });
  }

  async function inspectAgain(encoding: TextEncoding): Promise<void> {
    const path = pathRef.current;
    if (step.name !== 'mapping' || campaignId === null || path === null) return;
    const { inspection } = step;
    const run = nextRun();
    setError(null);
    setStep({ name: 'inspecting', fileName: inspection.fileName });
    const result = await client.tryCall('import.inspect', { campaignId, path, encoding });
    if (!isCurrent(run)) {
      if (result.ok) void client.tryCall('import.cancel', { jobId: result.value.jobId });
      return;
    }
    if (!result.ok) {
      // The file as first read is still open: back to it, with the reason.
      setStep({ name: 'mapping', inspection, mapping: inspection.mapping });
      setError(result.error);
      return;
    }
    // The first job is dropped only now that the file reads in the new encoding.
    releaseImportJob(inspection.jobId);
    void client.tryCall('import.cancel', { jobId: inspection.jobId });
    holdJob(result.value);
    setStep({ name: 'mapping', inspection: result.value, mapping: result.value.mapping });
  }

  async function preview(): Promise<void> {
    if (step.name !== 'mapping') return;
    const { inspection, mapping } = step;
    const run = nextRun();
    setError(null);
    setStep({ name: 'reading', inspection, mapping });
    const result = await client.tryCall('import.preview', { jobId: inspection.jobId, mapping });
    if (!isCurrent(run)) return;
    if (!result.ok) {
      setStep({ name: 'mapping', inspection, mapping });
      setError(result.error);
      return;
    }
    setStep({ name: 'preview', inspection, mapping, preview: result.value });
  }

  async function commit(): Promise<void> {
    if (step.name !== 'preview') return;
    const { inspection, mapping, preview: previewed } = step;
    const run = nextRun();
    setError(null);
    setStep({ name: 'writing', inspection, mapping, preview: previewed });
    const result = await client.tryCall('import.commit', { jobId: inspection.jobId });
    if (!isCurrent(run)) return;
    if (!result.ok) {
      setStep({ name: 'preview', inspection, mapping, preview: previewed });
      setError(result.error);
      return;
    }
    jobRef.current = null;
    releaseImportJob(inspection.jobId);
    setStep({ name: 'done', inspection, result: result.value });
    onImported(result.value);
  }

  function reset(): void {
    nextRun();
    dropJob();
    setError(null);
    setStep(CHOOSE);
  }

  const busy = step.name === 'writing';

  // Stable, so the rows of a 10,000-column mapping table need not redraw when another one changes.
  const setTarget = useCallback((index: number, target: ColumnTarget) => {
    setStep((s) => (s.name === 'mapping' ? { ...s, mapping: s.mapping.map((t, i) => (i === index ? target : t)) } : s));
  }, []);
  const resetMapping = useCallback(() => {
    setStep((s) => (s.name === 'mapping' ? { ...s, mapping: s.inspection.mapping } : s));
  }, []);

  return {
    open,
    step,
    error,
    busy,
    start(forCampaign, file) {
      if (open) {
        // Already open (e.g. File > Import again): keep the work under way; take a file only at the start.
        if (file && step.name === 'choose' && campaignId !== null) void inspectFile(campaignId, file);
        return;
      }
      setCampaignId(forCampaign);
      setOpen(true);
      if (file) void inspectFile(forCampaign, file);
      else reset();
    },
    chooseFile(file) {
      if (campaignId !== null && !busy) void inspectFile(campaignId, file);
    },
    setTarget,
    chooseEncoding: (encoding) => void inspectAgain(encoding),
    resetMapping,
    preview: () => void preview(),
    cancelReading: reset,
    backToMapping() {
      if (step.name !== 'preview') return;
      setError(null);
      setStep({ name: 'mapping', inspection: step.inspection, mapping: step.mapping });
    },
    commit: () => void commit(),
    startOver: reset,
    close() {
      // One transaction is being written: it finishes whole or not at all, and cannot be left half-way.
      if (busy) return;
      reset();
      setOpen(false);
    },
  };
}
