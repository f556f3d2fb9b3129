/**
 * Runs async jobs one at a time, in the order they were queued. PGlite has a single connection,
 * so its transactions (and the statements outside them) go through one of these: no caller's
 * statement ever lands inside another caller's transaction.
 */
export class SerialQueue {
  #tail: Promise<unknown> = Promise.resolve();

  run<T>(job: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(job);
    this.#tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
