const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * `^…$` for an OpenAPI path template (`/v1/influencers/{influencerId}` →
 * `^/v1/influencers/([^/]+)$`): literal parts escaped, `{name}` matching one non-empty segment.
 * `paramNames` are in the order of the capture groups.
 */
export function templatePattern(template: string): { pattern: RegExp; paramNames: string[] } {
  const paramNames: string[] = [];
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const param = /^\{([^}]+)\}$/.exec(part);
      if (!param) return escapeRegExp(part);
      paramNames.push(param[1] as string);
      return '([^/]+)';
    })
    .join('');
  return { pattern: new RegExp(`^${source}$`), paramNames };
}
