/**
 * The three partner APIs and how their generated client authenticates. Everything else about an
 * API (paths, schemas, servers, examples) is read from its document, never restated here.
 */
export interface ApiClientAuth {
  /** Name of the generated factory, e.g. `createLayersClient`. */
  factoryName: string;
  /** Prefix of the generated option interface and client type, e.g. `Layers`. */
  typePrefix: string;
  /** What the `apiKey` option is, for its doc comment. */
  apiKeyDoc: string;
  /** Optional per-client headers: option name → HTTP header, with a doc comment. */
  optionalHeaders: { option: string; header: string; doc: string }[];
}

export interface ApiEntry extends ApiClientAuth {
  /** Key in redocly.yaml `apis:` and folder name under openapi/ and generated/. */
  name: 'layers' | 'ayrshare' | 'hoko';
}

export const APIS: readonly ApiEntry[] = [
  {
    name: 'layers',
    factoryName: 'createLayersClient',
    typePrefix: 'Layers',
    apiKeyDoc: 'Layers partner API key (`lp_…`), sent as `Authorization: Bearer`.',
    optionalHeaders: [],
  },
  {
    name: 'ayrshare',
    factoryName: 'createAyrshareClient',
    typePrefix: 'Ayrshare',
    apiKeyDoc: 'API Key of the Primary Profile, sent as `Authorization: Bearer`.',
    optionalHeaders: [
      {
        option: 'profileKey',
        header: 'Profile-Key',
        doc: 'Profile Key of a User Profile, to act on that profile instead of the Primary Profile.',
      },
    ],
  },
  {
    name: 'hoko',
    factoryName: 'createHokoClient',
    typePrefix: 'Hoko',
    apiKeyDoc: 'Hoko API key, sent as `Authorization: Bearer`.',
    optionalHeaders: [],
  },
];
