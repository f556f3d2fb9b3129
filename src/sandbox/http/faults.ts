/**
 * The fault hook: a slice's store may be made to fail on purpose at one of the points its slice
 * declares (`faultPoints`, e.g. `<api>:after-first-delete`), to show a failed write changes nothing.
 */

export interface Faults {
  /** When set, the named step throws `InjectedFault` inside its transaction. Read on every call. */
  failAt?: string;
  /** One-shot failures of the next request of an API (see `armFailure`). */
  armed?: ArmedFailure[];
}

export class InjectedFault extends Error {
  override name = 'InjectedFault';
}

/** Throws `InjectedFault` when `faults` asks to fail at `point`. */
export function failIfAsked(faults: Faults, point: string): void {
  if (faults.failAt === point) throw new InjectedFault(`Injected fault: ${point}`);
}

export function isInjectedFault(error: unknown): boolean {
  return error instanceof Error && error.name === 'InjectedFault';
}

/**
 * One-shot failures armed by the `next request fails` provider state: the next request made with
 * the key the state was set up for (its rate-limit bucket: one tenant's, never another's) fails
 * with its documented 500 (a write at the slice's fault point inside its transaction, after a
 * partial write, so the 500 also shows the write was undone).
 */
export interface ArmedFailure {
  id: string;
  /** The rate-limit bucket of the key whose next request fails (`<api>:<key or profile>`). */
  bucket: string;
}

/** Arms one failure of the next request in `bucket`; returns its id (for `disarmFailure`). */
export function armFailure(faults: Faults, bucket: string): string {
  const id = `fault-${Math.random().toString(36).slice(2, 10)}`;
  (faults.armed ??= []).push({ id, bucket });
  return id;
}

/** Removes the armed failure `id` if no request has used it yet. */
export function disarmFailure(faults: Faults, id: string): void {
  if (faults.armed) faults.armed = faults.armed.filter((a) => a.id !== id);
}

/** Uses the oldest failure armed for `bucket` (the request's key): true when this request must fail. */
export function takeArmedFailure(faults: Faults, bucket: string): boolean {
  const i = faults.armed?.findIndex((a) => a.bucket === bucket) ?? -1;
  if (i < 0) return false;
  faults.armed!.splice(i, 1);
  return true;
}

/**
 * For a request that must fail: the faults its write runs with (failing at `point` inside the
 * transaction), or, for an operation without a fault point, an `InjectedFault` thrown right away.
 */
export function failingFaults(operationId: string, point: string | undefined): Faults {
  if (!point) throw new InjectedFault(`Injected fault: ${operationId} (next request fails)`);
  return { failAt: point };
}
