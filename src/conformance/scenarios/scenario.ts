import type { ScenarioContext } from './scenarioContext.js';

/** One behaviour scenario: what it proves, the operation it is mainly about, and how it runs. */
export interface Scenario {
  title: string;
  /** Its method and path come from the document. */
  operationId: string;
  run(ctx: ScenarioContext): Promise<void>;
}

/** An API's scenarios by name (`src/conformance/apis/<api>/scenarios.ts` exports `scenarios`). */
export type Scenarios = Record<string, Scenario>;
