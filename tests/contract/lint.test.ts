import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot, runBin } from '../support/runCommand.js';

describe('redocly lint', () => {
  it('passes the three documents with no errors and no warnings', async () => {
    const result = await runBin('redocly', ['lint', '--format', 'json']);
    // One JSON report per API, concatenated: `{…}{…}{…}`.
    const reports = JSON.parse(`[${result.stdout.replace(/\}\s*\{/g, '},{')}]`) as {
      totals: { errors: number; warnings: number };
      problems: { ruleId: string; message: string }[];
    }[];
    expect(reports).toHaveLength(3);
    for (const report of reports) {
      expect(report.problems.map((p) => `${p.ruleId}: ${p.message}`)).toEqual([]);
      expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    }
    expect(result.code).toBe(0);
  });

  describe('house rules reject a document that breaks them', () => {
    let copy = '';
    afterAll(() => rm(copy, { recursive: true, force: true }));

    async function edit(relative: string, from: string, to: string): Promise<void> {
      const file = join(copy, relative);
      const text = await readFile(file, 'utf8');
      if (!text.includes(from)) throw new Error(`fixture edit: ${relative} does not contain ${JSON.stringify(from)}`);
      await writeFile(file, text.replace(from, to));
    }

    it('names each broken rule', async () => {
      copy = await mkdtemp(join(tmpdir(), 'contracts-lint-'));
      await cp(join(projectRoot, 'openapi'), join(copy, 'openapi'), { recursive: true });
      await cp(join(projectRoot, 'redocly.yaml'), join(copy, 'redocly.yaml'));
      // Revoke loses its 503 and 404; the Layers 429 loses Retry-After; Hoko's 429 loses
      // X-RateLimit-Reset; Hoko's 200 loses its named examples; an operation loses its description.
      const revoke = 'openapi/layers/paths/v1_social-accounts_{socialAccountId}.yaml';
      await edit(revoke, "    '503':\n      $ref: ../components/responses/KillSwitch.yaml\n", '');
      await edit(revoke, "    '404':\n      $ref: ../components/responses/SocialAccountNotFound.yaml\n", '');
      await edit('openapi/layers/components/responses/RateLimited.yaml', '  Retry-After:', '  X-Retry-After:');
      await edit('openapi/hoko/components/responses/RateLimited.yaml', '  X-RateLimit-Reset:\n    $ref: ../headers/X-RateLimit-Reset.yaml\n', '');
      await edit('openapi/hoko/paths/api_partners.yaml', '          examples:\n            onePartner:\n              $ref: ../components/examples/OnePartnerDeleted.yaml\n            severalPartners:\n              $ref: ../components/examples/SeveralPartnersDeleted.yaml\n', '');
      await edit('openapi/ayrshare/paths/api_post.yaml', '  description: >-\n    Deletes a post', '  x-note: >-\n    Deletes a post');

      const result = await runBin('redocly', ['lint'], { cwd: copy });
      const output = result.stdout + result.stderr;
      expect(result.code).not.toBe(0);
      for (const rule of [
        'rule/layers-operation-error-statuses',
        'rule/layers-resource-error-statuses',
        'rule/layers-rate-limit-headers',
        'rule/hoko-rate-limit-headers',
        'rule/media-type-named-examples',
        'rule/operation-description',
      ]) {
        expect(output).toContain(rule);
      }
    });
  });
});
