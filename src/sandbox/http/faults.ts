import type { FaultPoint } from '../store/types.js';

/** Every point the store can be made to fail at (the `FaultPoint` type, as values for the command line). */
export const FAULT_POINTS = ['revoke:after-cancel', 'hoko:after-first-delete'] as const satisfies readonly FaultPoint[];

// Fails to compile when the store adds a fault point this list lacks.
type Missing = Exclude<FaultPoint, (typeof FAULT_POINTS)[number]>;
const _complete: [Missing] extends [never] ? true : never = true;
void _complete;

export const isFaultPoint = (value: string): value is FaultPoint => (FAULT_POINTS as readonly string[]).includes(value);
