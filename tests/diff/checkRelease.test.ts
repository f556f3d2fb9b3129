import { appendFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkRelease } from '../../scripts/diff/checkRelease.js';
import type { SourceFileCache } from '../../scripts/diff/compileConsumers.js';
import { formatReport } from '../../scripts/diff/formatReport.js';
import { projectRoot } from '../support/runCommand.js';
import { copyReleaseProject, editDocument, projectVersions, setPackageVersion, type OpenApiJson, type ProjectVersions } from '../support/releaseProject.js';

const INFLUENCER = '/v1/influencers/{influencerId}';
const copies: string[] = [];
const cache: SourceFileCache = new Map();
// The versions in the guard's messages are the project's own (the committed release and now), so
// these tests keep testing the guard after every release.
let v: ProjectVersions;
beforeAll(async () => {
  v = await projectVersions();
});
/** The guard's line for package.json when breaking changes are not declared. */
const packageNeedsBreaking = () => `package.json: breaking changes need version ${v.next(v.released, 'major')} or later (released ${v.released}, now ${v.now})`;
/** The same for an API's info.version. */
const apiNeedsBreaking = (api: string) => {
  const { released, now } = v.api[api]!;
  return `${api} (info.version in generated/${api}/openapi.json): breaking changes need version ${v.next(released, 'major')} or later (released ${released}, now ${now})`;
};
afterEach(async () => {
  await Promise.all(copies.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A copy of the project with one document edited, checked by the guard: its report and printed text. */
async function guardAfter(api: string, edit: (doc: OpenApiJson) => void, prepare?: (root: string) => Promise<void>) {
  const root = await copyReleaseProject();
  copies.push(root);
  await editDocument(root, api, edit);
  await prepare?.(root);
  const report = await checkRelease(root, { cache });
  return { report, text: formatReport(report) };
}

describe('npm run diff: the guard against the committed release', () => {
  it('passes for the current tree against releases/v<version> (no undeclared breaking change)', async () => {
    const report = await checkRelease(projectRoot, { cache });
    expect(report.problems, formatReport(report)).toEqual([]);
    expect(report.apis.map((a) => a.api)).toEqual(['layers', 'ayrshare', 'hoko']);
  });

  it('fails for a removed status, naming it, its rule and the bump it needs', async () => {
    const { report, text } = await guardAfter('layers', (doc) => {
      delete doc.paths[INFLUENCER].get.responses['403'];
    });
    expect(text).toMatch(/major\s+GET \/v1\/influencers\/\{influencerId\} responses\/403: Response `403` was removed\. \[response-removed\]/);
    expect(report.problems).toContain(packageNeedsBreaking());
    expect(report.problems).toContain(apiNeedsBreaking('layers'));
    // The consumer that types its 403 handler from the previous release no longer compiles.
    expect(text).toMatch(/consumer code no longer compiles, tests\/fixtures\/release\/consumer\/layers\.ts:\d+: TS2339 Property '403' does not exist/);
  });

  it('fails for a tightened bound (maxItems 10000 → 5000) that only the document diff sees', async () => {
    const { report, text } = await guardAfter('hoko', (doc) => {
      doc.components.schemas.PartnerIdList.maxItems = 5000;
    });
    expect(text).toContain("`maxItems` of `PartnerIdList` changed from '10000' to '5000'. [schema-constraint-changed]");
    expect(report.apis.find((a) => a.api === 'hoko')?.consumerErrors).toEqual([]);
    expect(report.problems).toContain(packageNeedsBreaking());
  });

  it('fails for a new required request field, in the document and in the consumer code that builds the body', async () => {
    const { report, text } = await guardAfter('layers', (doc) => {
      const patch = doc.components.schemas.InfluencerPatch;
      patch.properties.projectId = { $ref: '#/components/schemas/ProjectId' };
      patch.required = ['projectId'];
    });
    expect(text).toContain('Properties of `InfluencerPatch` became required: `projectId`. [required-properties-added]');
    expect(text).toMatch(/consumer\/layers\.ts:\d+: TS2741 Property 'projectId' is missing/);
    expect(report.problems).toContain(packageNeedsBreaking());
  });

  it('fails for a narrowed enum, and the consumer switching on the lost value no longer compiles', async () => {
    const { report, text } = await guardAfter('layers', (doc) => {
      doc.components.schemas.BrandVoice.enum = doc.components.schemas.BrandVoice.enum.filter((v: string) => v !== 'educational');
    });
    expect(text).toContain("Enum of `brandVoice` lost values: 'educational'. [enum-values-removed]");
    expect(text).toMatch(/consumer\/layers\.ts:\d+: TS2678 Type '"educational"' is not comparable/);
    expect(report.problems).toContain(apiNeedsBreaking('layers'));
  });

  it('fails for a new required header: the client call without it no longer compiles', async () => {
    const { report, text } = await guardAfter('layers', (doc) => {
      doc.paths[INFLUENCER].get.parameters = [{ name: 'X-Tenant', in: 'header', required: true, description: 'Tenant.', schema: { type: 'string' } }];
    });
    expect(text).toContain('Required `X-Tenant` header parameter was added. [parameter-became-required]');
    expect(text).toMatch(/consumer\/layers\.ts:\d+: TS\d+ .*header/);
    expect(report.needed).toBe('major');
  });

  it('passes for an added optional response field, rated minor, with nothing to compile differently', async () => {
    const { report, text } = await guardAfter('layers', (doc) => {
      doc.components.schemas.Influencer.properties.avatarUrl = { description: 'Avatar image URL.', type: 'string' };
    });
    expect(report.problems, text).toEqual([]);
    expect(text).toMatch(/minor\s+GET \/v1\/influencers responses\/200\/.*avatarUrl: added/);
    expect(report.needed).toBe('minor');
  });

  it('passes for an added operation, rated minor', async () => {
    const { report, text } = await guardAfter('layers', (doc) => {
      const item = doc.paths['/v1/social-accounts/{socialAccountId}'];
      item.get = { ...item.delete, operationId: 'getSocialAccount', summary: 'Read a social account' };
    });
    expect(report.problems, text).toEqual([]);
    expect(text).toContain('minor  GET /v1/social-accounts/{socialAccountId}: added');
    expect(text).toContain(`layers: info.version ${v.api.layers!.now} (released ${v.api.layers!.released}): 1 change, needs a minor bump`);
  });

  it('passes a breaking change once package.json and the document declare the breaking step', async () => {
    const { report, text } = await guardAfter(
      'hoko',
      (doc) => {
        doc.components.schemas.PartnerIdList.maxItems = 5000;
        doc.info.version = v.next(v.api.hoko!.released, 'major');
      },
      (root) => setPackageVersion(root, v.next(v.released, 'major')),
    );
    expect(report.problems, text).toEqual([]);
    expect(report.needed).toBe('major');
  });

  it('reports a consumer file that does not compile against its own release as a fixture fault, not a breaking change', async () => {
    const root = await copyReleaseProject();
    copies.push(root);
    await appendFile(join(root, 'tests/fixtures/release/consumer/hoko.ts'), "export const wrong: PartnerIdList = 'one id';\n");
    const report = await checkRelease(root, { cache });
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatch(/^tests\/fixtures\/release\/consumer\/hoko\.ts:\d+ does not compile against its own release v\d+\.\d+\.\d+ \(fix the fixture\): TS2322/);
    expect(report.problems[0]).toContain(`its own release v${v.released} `);
    // Not counted as a breaking change (the tree may hold patch or minor edits made since the release).
    expect(report.needed).not.toBe('major');
  });

  it('requires a consumer file for every released API', async () => {
    const root = await copyReleaseProject();
    copies.push(root);
    await rm(join(root, 'tests/fixtures/release/consumer/ayrshare.ts'));
    const report = await checkRelease(root, { cache });
    expect(report.problems).toEqual(['tests/fixtures/release/consumer/ayrshare.ts is missing: every released API needs a consumer file written against its types']);
  });

  it('refuses a version lower than the release, in one line naming the file', async () => {
    const root = await copyReleaseProject();
    copies.push(root);
    await setPackageVersion(root, '0.0.9');
    await expect(checkRelease(root)).rejects.toThrow(`package.json: version 0.0.9 is lower than the released ${v.released}`);
  });
});
