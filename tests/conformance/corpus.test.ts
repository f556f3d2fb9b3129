// The suite, in process (runSuite, as `--spec` runs it), against a Prism mock of each public
// document of tests/fixtures/corpus/ (see its README.md): no crash ("unexpected error"), and no
// false positive: every failing case is in ALLOWED with the reason and the proof that the fault
// is the document's or Prism's, never the suite's.
//
// Time: the three large documents are limited to the cases of their first OPERATION_LIMIT
// operations (a --grep on their operationIds), so the whole file stays near a minute on two
// cores; `npm run bench` runs them in full (scripts/bench/corpusBench.ts).
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/core/registry.js';
import type { CaseResult, RuleId } from '../../src/conformance/model.js';
import { runSuite } from '../../src/conformance/run/runSuite.js';
import { createAjv } from '../../src/openapi/createAjv.js';
import { loadAnyDocument } from '../../src/openapi/loadAnyDocument.js';
import type { OpenApiDocument } from '../../src/openapi/loadDocument.js';
import { createSchemaValidator } from '../../src/openapi/schemaValidator.js';
import { validateExamples } from '../../src/openapi/validateExamples.js';
import { listOperations } from '../../src/openapi/operations.js';

const OPERATION_LIMIT = 25;

const CORPUS: Record<string, { root: string; large?: boolean }> = {
  'oai-petstore': { root: 'openapi.yaml' },
  'oai-petstore-expanded': { root: 'openapi.yaml' },
  'oai-uspto': { root: 'openapi.yaml' },
  'oai-api-with-examples': { root: 'openapi.yaml' },
  'oai-link-example': { root: 'openapi.yaml' },
  'oai-callback-example': { root: 'openapi.yaml' },
  'oai-webhook-example': { root: 'openapi.yaml' },
  'oai-non-oauth-scopes': { root: 'openapi.yaml' },
  'redocly-museum': { root: 'openapi.yaml' },
  'redocly-openapi-starter': { root: 'openapi/openapi.yaml' },
  'twilio-api-v2010': { root: 'openapi.json', large: true },
  box: { root: 'openapi.json', large: true },
  digitalocean: { root: 'specification/DigitalOcean-public.v2.yaml', large: true },
};

/** A failure the suite is right to report: the document's defect or Prism's, with the proof. */
interface Allowed {
  /** Corpus entry. */
  api: string;
  rule: RuleId;
  /** Matches the failure's message. */
  message: RegExp;
  /** Matches the case id (default: any case of the entry). */
  id?: RegExp;
  reason: string;
  proof: string;
}

const ALLOWED: Allowed[] = [
  {
    api: 'twilio-api-v2010',
    rule: 'header-schema',
    message: /^header 'Access-Control-Allow-Credentials: null' must be boolean$/,
    reason: "Prism's defect: in static mode it sends the text 'null' for a documented boolean header that has no example",
    proof: 'every 2xx response of the document declares Access-Control-Allow-Credentials with `schema: { type: boolean }` and no example; Prism answers `access-control-allow-credentials: null`, which no boolean schema accepts',
  },
  {
    api: 'box',
    rule: 'header-schema',
    message: /^header 'Location: string' must match format "url"$/,
    reason: "Prism's defect: in static mode it sends the placeholder text 'string' for a documented string header with a format and no example",
    proof: 'the 202/302 responses declare `Location` with `schema: { type: string, format: url }` and no example; Prism answers `location: string`',
  },
  {
    api: 'box',
    rule: 'body-schema',
    message: /shared_link must have required property 'accessed'$/,
    reason: "the document's defect: the shared link schema requires a property it never declares, so no generated body can carry it",
    proof: "#/components/schemas/File/allOf/1/properties/shared_link/allOf/0 lists 'accessed' in `required` but not in `properties` (nor do Folder and WebLink)",
  },
  {
    api: 'box',
    rule: 'body-schema',
    id: /get_files_id_collaborations /,
    message: /\/item(\/type|\/shared_link)? must (be equal to one of the allowed values|match exactly one schema in oneOf|be null|match a schema in anyOf)/,
    reason: "the same shared_link defect seen through `item`'s oneOf: no branch (File, Folder, WebLink) can match a body without shared_link.accessed, so ajv reports every branch",
    proof: 'ajv reports these together with "shared_link must have required property \'accessed\'" on the same item (see the entry above); #/components/schemas/CollaborationItem is oneOf File/Folder/WebLink',
  },
  {
    api: 'box',
    rule: 'body-schema',
    id: /get_files_id_collaborations /,
    message: /\/created_by must be object$/,
    reason: "the document's defect: the schema-level example of created_by is an array, while its schema is an object; Prism answers that example",
    proof: '#/components/schemas/Collaboration/properties/created_by/allOf/2/example is `[{"id": 33224412}, {"type": "user"}, …]`, an array, for a schema that $refs the object User--Collaborations',
  },
];

function corpusFile(name: string, root: string): string {
  return fileURLToPath(new URL(`../fixtures/corpus/${name}/${root}`, import.meta.url));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Proof computed from the document itself: Prism answers a documented example, so a body-schema
 * failure whose error (instance path and message) is one validateExamples reports for an example
 * of that operation's responses is the document's defect (its example breaks its own schema).
 */
function invalidResponseExamples(doc: OpenApiDocument): (operationPointer: string, message: string) => boolean {
  const validator = createSchemaValidator(doc, createAjv(doc, { mode: 'foreign' }));
  const problems = validateExamples(doc, validator).filter((p) => p.kind === 'invalid');
  const known = new Set(problems.flatMap((p) => p.usedAt.flatMap((use) => p.errors.map((e) => `${use.split('/responses/')[0]}\u0000body${e.instancePath} ${e.message}`))));
  return (operationPointer, message) => known.has(`${operationPointer}\u0000${message.replace(/ \(\[.*$| \('.*$/, '')}`);
}

/** The failures of `results` no ALLOWED entry explains, one line each. */
function unexplained(api: string, results: CaseResult[], exampleDefect: (operationPointer: string, message: string) => boolean): string[] {
  return results
    .filter((r) => r.outcome === 'failed')
    .flatMap((r) =>
      r.failures
        .filter((f) => !(f.rule === 'body-schema' && exampleDefect(r.testCase.operation.pointer, f.message)))
        .filter((f) => !ALLOWED.some((a) => a.api === api && a.rule === f.rule && a.message.test(f.message) && (a.id ?? /./).test(r.testCase.id)))
        .map((f) => `${r.testCase.id}: ${f.rule}: ${f.message}`),
    );
}

describe('the suite against Prism mocks of the public corpus', () => {
  const registry = loadRegistry();
  for (const [name, { root, large }] of Object.entries(CORPUS)) {
    it(`${name}: runs to a report whose failures are all defects of the document or of Prism`, async () => {
      const source = corpusFile(name, root);
      const doc = await loadAnyDocument(source);
      let grep: RegExp | undefined;
      if (large) {
        const ids = listOperations(doc).slice(0, OPERATION_LIMIT).map((op) => op.operationId);
        grep = new RegExp(`^${escape(name)} (${ids.map(escape).join('|')}) `);
      }
      const report = await runSuite({
        registry,
        apis: [],
        targets: {},
        env: {},
        allowWrites: false,
        specs: [{ name, source }],
        mockStartTimeoutMs: 120_000,
        ...(grep ? { grep } : {}),
      });
      const [run] = report.apis;
      expect(run?.api).toBe(name);
      const failures = unexplained(name, run?.results ?? [], invalidResponseExamples(doc));
      expect(failures, failures.slice(0, Number(process.env.CORPUS_SHOW ?? 30)).join('\n')).toEqual([]);
    }, 300_000);
  }

  it('every ALLOWED entry names a corpus document, a reason and a proof', () => {
    for (const a of ALLOWED) {
      expect(Object.keys(CORPUS)).toContain(a.api);
      expect(a.reason.length).toBeGreaterThan(10);
      expect(a.proof.length).toBeGreaterThan(10);
    }
  });
});
