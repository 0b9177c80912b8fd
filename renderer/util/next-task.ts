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
 * Runs `fn` once, at the earlier of the next animation frame (its callbacks, before the frame's
 * style, layout and paint) and a new task (nextTask). After a key press Chromium holds every
 * other task of the page until the frame that shows the key's change is drawn
 * (DeferRendererTasksAfterInput), so work that must not wait for that frame (a save on its way to
 * the store, #14) goes out from the frame's callbacks instead of after it; a page that draws no
 * frames (hidden, or a frame clock stood still) runs it in the task.
 */
export function atNextFrameOrTask(fn: () => void): void {
  let isDone = false;
  let frame: number | undefined;
  const once = () => {
    if (isDone) return;
    isDone = true;
    if (frame !== undefined) cancelAnimationFrame(frame);
    fn();
  };
  // No frames outside a page (the session's tests in Node): the task alone.
  if (typeof requestAnimationFrame === 'function') frame = requestAnimationFrame(once);
  nextTask(once);
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
