/** What the suite is asked to run, from the command line's options (the CLI, and the bench that times it). */
import { runScenarios } from '../scenarios/runScenarios.js';
import type { SuiteOptions } from '../run/runSuite.js';
import type { CliOptions } from './parseOptions.js';

export function suiteOptions(options: CliOptions, env: NodeJS.ProcessEnv): SuiteOptions {
  return {
    registry: options.registry,
    apis: options.apis,
    targets: options.targets,
    env,
    allowWrites: options.allowWrites,
    limits: options.limits,
    ...(options.grep ? { grep: options.grep } : {}),
    ...(options.stateUrl ? { stateUrl: options.stateUrl } : {}),
    gate: { allowEmpty: options.allowEmpty, ...(options.minCoverage !== undefined ? { minCoverage: options.minCoverage } : {}) },
    specs: options.specs,
    headers: options.headers,
    ...(options.mockStartTimeoutMs !== undefined ? { mockStartTimeoutMs: options.mockStartTimeoutMs } : {}),
    scenarios: runScenarios,
  };
}
