import { describe, expect, it } from 'vitest';
import { operationLink, tagLink } from '../../scripts/docs/deepLink.js';

describe('Redoc deep links', () => {
  it.each([
    ['Influencers', 'getInfluencer', '#/influencers', '#/influencers/getinfluencer'],
    ['Social accounts', 'revokeSocialAccount', '#/social-accounts', '#/social-accounts/revokesocialaccount'],
  ])('tag %s, operation %s', (tag, operationId, tagHref, operationHref) => {
    expect(tagLink(tag)).toBe(tagHref);
    expect(operationLink(tag, operationId)).toBe(operationHref);
  });

  it('refuses a tag name whose slug it would have to guess', () => {
    expect(() => tagLink('Posts & comments')).toThrow('tag "Posts & comments": the docs index links only tags named with letters, digits, spaces and hyphens');
  });
});
