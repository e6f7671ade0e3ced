/**
 * What the bench started (the web host, Chromium) and must stop whatever happens: a step that
 * throws, an exception nobody caught, Ctrl+C or a kill. Each process is registered as it starts:
 * `stop` ends it properly (awaited by the step that started it, in its finally), `kill` ends it at
 * once (all that can run while the process exits). The bench leaves no process behind.
 */

interface Started {
  name: string;
  stop(): Promise<void>;
  kill(): void;
}

const running = new Set<Started>();
let installed = false;

/** How long a proper stop may take before the process is killed. */
const STOP_TIMEOUT_MS = 10_000;

function install(): void {
  if (installed) return;
  installed = true;
  // Synchronous: nothing asynchronous runs once the process exits.
  process.on('exit', () => {
    for (const started of running) {
      try {
        started.kill();
      } catch {
        // Already gone.
      }
    }
    running.clear();
  });
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping what the bench started`);
      process.exitCode = code;
      void stopAll().finally(() => process.exit(code));
    });
  }
}

async function stopOne(started: Started): Promise<void> {
  running.delete(started);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), STOP_TIMEOUT_MS);
  });
  try {
    const outcome = await Promise.race([started.stop().then(() => 'stopped' as const), timeout]);
    if (outcome === 'timeout') {
      console.error(`${started.name} did not stop within ${STOP_TIMEOUT_MS / 1000} s: killed`);
      started.kill();
    }
  } catch (error) {
    console.error(`${started.name} did not stop properly (${String(error)}): killed`);
    started.kill();
  } finally {
    clearTimeout(timer);
  }
}

/** Stops everything still running (a signal: the steps' own finally blocks may never run). */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map(stopOne));
}

/** Registers a process just started; the function returned stops it (once; later calls do nothing). */
export function started(name: string, stop: () => Promise<void>, kill: () => void): () => Promise<void> {
  install();
  const entry: Started = { name, stop, kill };
  running.add(entry);
  return () => (running.has(entry) ? stopOne(entry) : Promise.resolve());
}
