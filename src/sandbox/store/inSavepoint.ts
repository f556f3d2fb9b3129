/**
 * Runs `fn` inside a savepoint of the transaction already open on a connection: a nested
 * `transaction` call rolls back only its own work when it throws. `run` sends one statement.
 */
export async function inSavepoint<T>(run: (sql: string) => Promise<unknown>, name: string, fn: () => Promise<T>): Promise<T> {
  await run(`SAVEPOINT ${name}`);
  try {
    const result = await fn();
    await run(`RELEASE SAVEPOINT ${name}`);
    return result;
  } catch (error) {
    await run(`ROLLBACK TO SAVEPOINT ${name}`);
    throw error;
  }
}
