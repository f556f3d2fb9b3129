/**
 * A target adapter: what depends on the kind of server the suite talks to, kept out of the case
 * model. The mock (Prism) can be asked for any documented response and reports each violation it
 * saw; a live server answers from its real state.
 */
import type { LoadedApi } from '../../core/loadApi.js';
import type { Check, RefusedStatuses } from '../checks/check.js';
import type { CheckFailure, ObservedResponse, RequestSpec, TargetKind, TestCase } from '../model.js';

export interface TargetAdapter {
  kind: TargetKind;
  /** Cases only this kind of target can run (the mock: every documented response). */
  extraCases(api: LoadedApi): TestCase[];
  /** The request as sent to this target. */
  request(testCase: TestCase): RequestSpec;
  /** The statuses this target must answer for the case (empty: any documented status). */
  expectedStatuses(testCase: TestCase): string[];
  /** Statuses the case must not get from this target though its expected ones admit them, and why. */
  refusedStatuses?(testCase: TestCase): RefusedStatuses | undefined;
  /** Why this target cannot run the case, if it cannot. */
  skipReason(testCase: TestCase): string | undefined;
  /** Checks this target adds to the registered ones. */
  checks: readonly Check[];
  /**
   * Asked of every answer: why what it shows (its failures, or the answer itself) is this target's
   * own doing, neither the document's nor the implementation's (a mock's made-up body, a crash of
   * the mock); the case is then skipped with this reason.
   */
  excuse?(api: LoadedApi, testCase: TestCase, response: ObservedResponse, failures: readonly CheckFailure[]): string | undefined;
  /** Likewise for a request that got no answer (`error`, a TransportError): why that is this target's doing, if it is. */
  excuseTransport?(api: LoadedApi, testCase: TestCase, error: Error): string | undefined;
}
