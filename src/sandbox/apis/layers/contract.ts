/**
 * The Layers facts the slice answers with, read from the loaded document at start (never a second
 * copy): the error code each status pins (`error.code`'s `const` in that status's schema), the
 * messages of the named error examples, the bounds of the list's `limit`, and the demo keys' scopes.
 * A fact the document lacks stops the start, naming it.
 */
import type { LoadedApi } from '../../../core/loadApi.js';
import { documentScopes } from '../../../core/securitySchemes.js';
import type { LayersErrorCode } from '../../../../generated/layers/index.js';
import { documentedExample, examplesOfStatus, pinnedByStatus } from '../../http/documentExamples.js';
import { isObject, resolveRef } from '../../../openapi/jsonPointer.js';
import type { KillSwitchScope } from './types.js';

type ErrorExample = { error: { code: string; message: string; details?: { scope?: string; fieldErrors?: Record<string, string[]> } } };

export interface LayersContract {
  /** The code of `status`; throws for a status the document pins no code for. */
  code(status: number): LayersErrorCode;
  messages: {
    unauthenticated: string;
    rateLimited: string;
    forbiddenScope: string;
    internal: string;
    idempotencyConflict: string;
    influencerNotFound: string;
    socialAccountNotFound: string;
    invalidPath: string;
    invalidQuery: string;
    invalidHeader: string;
    invalidBody: string;
    killSwitch: Record<KillSwitchScope, string>;
  };
  /**
   * Path parameter → what a malformed value of it is told, in words (`Expected inf_… or a uuid`):
   * the field error of the 400 example that documents that parameter.
   */
  pathParameterMessages: Record<string, string>;
}

/** For each path parameter some 400 example names in `fieldErrors`, that example's first message for it. */
function pathParameterMessages(api: LoadedApi): Record<string, string> {
  const out: Record<string, string> = {};
  for (const op of api.operations) {
    if (!op.statuses().includes('400')) continue;
    for (const example of Object.values(op.namedExamples('400'))) {
      for (const [field, messages] of Object.entries((example as ErrorExample).error?.details?.fieldErrors ?? {})) {
        if (op.parameter(field, 'path') && messages[0] !== undefined && !(field in out)) out[field] = messages[0];
      }
    }
  }
  for (const op of api.operations) {
    for (const p of op.parameters()) {
      if (p.value.in === 'path' && !(String(p.value.name) in out)) throw new Error(`${api.name}: no 400 example words a malformed path parameter ${String(p.value.name)} (${op.operationId})`);
    }
  }
  return out;
}

const messageOf = (example: unknown): string => (example as ErrorExample).error.message;

/** The kill-switch message of `scope`: the 503 example whose `details.scope` is it. */
function killSwitchMessage(api: LoadedApi, scope: KillSwitchScope, fallback: string): string {
  const found = Object.values(examplesOfStatus(api, '503')).find((e) => (e as ErrorExample).error?.details?.scope === scope);
  // The document has no example for every scope; the missing ones read like the documented ones.
  return found ? messageOf(found) : fallback;
}

export function readContract(api: LoadedApi): LayersContract {
  const codes = pinnedByStatus(api, ['error', 'code']);
  const example = (operationId: string, status: string, name: string) => messageOf(documentedExample(api, operationId, status, name));
  const global = killSwitchMessage(api, 'global', '');
  if (!global) throw new Error(`${api.name}: no 503 example with details.scope 'global'`);
  return {
    code(status) {
      const code = codes.get(status);
      if (typeof code !== 'string') throw new Error(`${api.name}: no response schema pins error.code for status ${status}`);
      return code as LayersErrorCode;
    },
    messages: {
      unauthenticated: example('getInfluencer', '401', 'unauthenticated'),
      rateLimited: example('getInfluencer', '429', 'rateLimited'),
      forbiddenScope: example('getInfluencer', '403', 'missingScope'),
      internal: example('getInfluencer', '500', 'internal'),
      idempotencyConflict: example('revokeSocialAccount', '409', 'keyReused'),
      influencerNotFound: example('getInfluencer', '404', 'notFound'),
      socialAccountNotFound: example('revokeSocialAccount', '404', 'notFound'),
      invalidPath: example('getInfluencer', '400', 'malformedId'),
      invalidQuery: example('listInfluencers', '400', 'limitTooLarge'),
      invalidHeader: example('revokeSocialAccount', '400', 'idempotencyKeyTooLong'),
      invalidBody: example('patchInfluencer', '422', 'invalidEnum'),
      killSwitch: {
        key: killSwitchMessage(api, 'key', global),
        organization: killSwitchMessage(api, 'organization', global.replace(/\.$/, ' for this organization.')),
        global,
      },
    },
    pathParameterMessages: pathParameterMessages(api),
  };
}

/** The bounds of `listInfluencers`' `limit` parameter (its schema's minimum and maximum). */
export function listBounds(api: LoadedApi): { min: number; max: number } {
  const limit = api.operation('listInfluencers').parameter('limit', 'query');
  const schema = limit ? resolveRef(api.doc, limit.value.schema, `${limit.pointer}/schema`).value : undefined;
  if (!isObject(schema) || typeof schema.minimum !== 'number' || typeof schema.maximum !== 'number') {
    throw new Error(`${api.name}: listInfluencers' limit parameter has no minimum and maximum`);
  }
  return { min: schema.minimum, max: schema.maximum };
}

/**
 * The demo keys' scopes: the full key holds every scope the document names; the read-only key
 * the scopes only reading operations (GET) name, so it can read wherever the document lets a
 * read scope suffice and can write nowhere.
 */
export function demoScopes(api: LoadedApi): { full: string[]; readOnly: string[] } {
  const reads = api.operations.filter((o) => o.method === 'get');
  const writeScopes = new Set(documentScopes(api.operations.filter((o) => o.method !== 'get')));
  return { full: documentScopes(api.operations), readOnly: documentScopes(reads).filter((s) => !writeScopes.has(s)) };
}
