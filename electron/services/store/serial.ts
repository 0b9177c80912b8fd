/**
 * One-at-a-time execution: tasks run in the order they were queued, each after the previous
 * one has settled. The workspace runs every read-modify-write of its files through one queue,
 * so that calls from several windows, the CLI and a sync reload interleave as whole steps and
 * no acknowledged change is overwritten by a write that read the state before it.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  /**
   * Runs `task` once every task queued before it has settled.
   * @returns what `task` returns (its failure is the caller's; the queue goes on)
   */
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
