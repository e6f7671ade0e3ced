/** One progress report, stamped with when it arrived (milliseconds, any monotonic clock). */
export interface ProgressSample {
  at: number;
  /** Units done (bytes for an import being read). */
  done: number;
  /** Rows handled so far, when reported. */
  rows: number | null;
}

export interface ProgressEstimate {
  /** Null until enough time has passed to say anything honest. */
  rowsPerSecond: number | null;
  secondsLeft: number | null;
}

/** Rates are measured over the last few seconds, so they follow a file whose rows change size. */
export const RATE_WINDOW_MS = 5000;
/** Below this much observed time a rate is noise: say nothing rather than something wrong. */
const MIN_SPAN_MS = 800;

/** Keeps what the estimate needs: the samples of the window, and the one just before it. */
export function addSample(samples: ProgressSample[], sample: ProgressSample): ProgressSample[] {
  const next = [...samples, sample];
  const cutoff = sample.at - RATE_WINDOW_MS;
  let first = 0;
  while (first < next.length - 2 && (next[first + 1]?.at ?? Infinity) <= cutoff) first++;
  return next.slice(first);
}

/** Rows per second and time left from the samples of one phase of one job. */
export function estimateProgress(samples: ProgressSample[], total: number): ProgressEstimate {
  const first = samples[0];
  const last = samples[samples.length - 1];
  if (!first || !last || last.at - first.at < MIN_SPAN_MS) return { rowsPerSecond: null, secondsLeft: null };
  const seconds = (last.at - first.at) / 1000;
  const rowsPerSecond = first.rows !== null && last.rows !== null ? Math.max(0, (last.rows - first.rows) / seconds) : null;
  const unitsPerSecond = (last.done - first.done) / seconds;
  const secondsLeft = unitsPerSecond > 0 ? Math.max(0, (total - last.done) / unitsPerSecond) : null;
  return { rowsPerSecond, secondsLeft };
}
