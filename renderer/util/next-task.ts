/** Scheduling work in a task of its own without a timer. No React here. */

/** Runs `fn` in a new task, queued now (a posted message: no timer clamping, in order with other posted tasks). */
export function nextTask(fn: () => void): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    fn();
  };
  channel.port2.postMessage(null);
}

/**
 * Runs `fn` in a task of its own right after the next frame is rendered: for work a change does
 * not wait for (a list of versions read after a document opens), so that it neither holds back
 * nor competes with the frame that shows the change (#14).
 * @returns a function that cancels the call if it has not run yet
 */
export function afterNextPaint(fn: () => void): () => void {
  let isCancelled = false;
  const frame = requestAnimationFrame(() =>
    nextTask(() => {
      if (!isCancelled) fn();
    }),
  );
  return () => {
    isCancelled = true;
    cancelAnimationFrame(frame);
  };
}
