/** The messages between startMockTarget and its Prism worker (prismWorker.ts); `id` names one server. */
import type { PrismBlindSpot } from './prismBlindSpots.js';

export type ToWorker =
  /** Load Prism's code now, before the first start needs it. */
  | { type: 'preload' }
  /** Serve `document` (an absolute path); `log`: send Prism's log lines back. */
  | { type: 'start'; id: number; document: string; log: boolean }
  | { type: 'stop'; id: number };

export type FromWorker =
  | { type: 'started'; id: number; baseUrl: string; blindSpots: PrismBlindSpot[] }
  /** `setup`: a SuiteSetupError (a one-line message for the user), else an unexpected error. */
  | { type: 'failed'; id: number; message: string; setup: boolean }
  | { type: 'stopped'; id: number }
  | { type: 'log'; id: number; line: string };
