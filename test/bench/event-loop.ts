/**
 * Measures how long the event loop of THIS thread is blocked: a timer that should fire every
 * `intervalMs` records how late it was. The longest lateness is the longest block.
 */
export function watchEventLoop(intervalMs = 5): () => { maxBlockMs: number; samples: number } {
  let last = performance.now();
  let maxBlockMs = 0;
  let samples = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    maxBlockMs = Math.max(maxBlockMs, now - last - intervalMs);
    last = now;
    samples++;
  }, intervalMs);
  return () => {
    clearInterval(timer);
    return { maxBlockMs: Math.max(0, maxBlockMs), samples };
  };
}
