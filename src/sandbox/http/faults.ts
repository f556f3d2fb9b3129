/**
 * The fault hook: a slice's store may be made to fail on purpose at one of the points its slice
 * declares (`faultPoints`, e.g. `<api>:after-first-delete`), to show a failed write changes nothing.
 */

export interface Faults {
  /** When set, the named step throws `InjectedFault` inside its transaction. Read on every call. */
  failAt?: string;
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
