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
