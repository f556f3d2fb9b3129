import type { ScenarioContext } from './scenarioContext.js';

/** The scenario's fetch, with every request's `Content-Type` replaced by `mediaType` and its body unchanged (a client that declares its JSON as another media type). */
export const fetchWithContentType =
  (ctx: ScenarioContext, mediaType: string) =>
  (request: Request): Promise<Response> => {
    const sent = new Request(request);
    sent.headers.set('Content-Type', mediaType);
    return ctx.fetch(sent);
  };
