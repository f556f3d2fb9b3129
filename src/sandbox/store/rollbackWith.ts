import type { Db } from './sqlDb.js';

class Rollback<R> extends Error {
  constructor(readonly value: R) {
    super('rolled back on purpose');
  }
}

/**
 * `db.transaction(fn)`, where `fn` may call `rollback(value)` to undo everything it did and make
 * the call return `value` (an expected outcome such as "some ids were invalid", not an error).
 */
export async function transactionOrRollback<T, R>(db: Db, fn: (tx: Db, rollback: (value: R) => never) => Promise<T>): Promise<T | R> {
  const rollback = (value: R): never => {
    throw new Rollback(value);
  };
  try {
    return await db.transaction((tx) => fn(tx, rollback));
  } catch (error) {
    if (error instanceof Rollback) return error.value as R;
    throw error;
  }
}
