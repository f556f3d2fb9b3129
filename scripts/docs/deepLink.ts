/**
 * Redoc 3's deep links (the fragments its sidebar uses, e.g. `#/social-accounts/revokesocialaccount`):
 * a tag is `#/<tag slug>`, an operation `#/<slug of its first tag>/<operationId in lower case>`.
 * Redoc slugifies tag names with the `slugify` package; for the names this project uses (letters,
 * digits, spaces, hyphens) that is lower case with spaces as hyphens, and any other name is refused
 * rather than guessed. The browser test opens every link made here.
 */
export function tagSlug(tagName: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9 -]*$/.test(tagName)) {
    throw new Error(`tag ${JSON.stringify(tagName)}: the docs index links only tags named with letters, digits, spaces and hyphens`);
  }
  return tagName.trim().toLowerCase().replace(/\s+/g, '-').replace(/-+/g, '-');
}

export function tagLink(tagName: string): string {
  return `#/${tagSlug(tagName)}`;
}

export function operationLink(tagName: string, operationId: string): string {
  return `#/${tagSlug(tagName)}/${operationId.toLowerCase().replace(/\\/g, '%5C')}`;
}
