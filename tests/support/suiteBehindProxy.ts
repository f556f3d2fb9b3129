/**
 * One API's whole suite (cases and scenarios, with provider states) run against the real sandbox
 * behind a proxy that rewrites its exchanges (`breakage`): how the galleries show that the suite
 * fails a server breaking one promise, or passes one answering in another allowed form.
 */
import type { RunReport } from '../../src/conformance/model.js';
import { runSuite } from '../../src/conformance/run/runSuite.js';
import { runScenarios } from '../../src/conformance/scenarios/runScenarios.js';
import { startSandboxProxy, type Breakage } from '../fixtures/conformance/sandboxProxy.js';
import { registry } from './sandboxDatabase.js';
import type { StatefulSandbox } from './statefulSandbox.js';
import type { MutantApi as GalleryApi } from '../fixtures/conformance/mutants.js';

export type { MutantApi as GalleryApi } from '../fixtures/conformance/mutants.js';

export async function runSuiteBehindProxy(sandbox: StatefulSandbox, api: GalleryApi, breakage: Breakage, options: { grep?: RegExp } = {}): Promise<RunReport> {
  const proxy = await startSandboxProxy(sandbox.baseUrl, breakage);
  try {
    return await runSuite({
      registry,
      apis: [api],
      targets: { [api]: proxy.baseUrl },
      env: { [registry.get(api).credentials.apiKey.env]: sandbox.demo[api].apiKey },
      allowWrites: false,
      ...(options.grep ? { grep: options.grep } : {}),
      stateUrl: `${proxy.baseUrl}/__states`,
      scenarios: runScenarios,
    });
  } finally {
    await proxy.close();
  }
}

/** Every failure of a report, as `<case id>: [<rule>] <message>`. */
export const failureLines = (report: RunReport): string[] =>
  report.apis.flatMap((a) => a.results).flatMap((r) => r.failures.map((f) => `${r.testCase.id}: [${f.rule}] ${f.message}`));
