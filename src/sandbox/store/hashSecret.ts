import { createHash } from 'node:crypto';

/** API keys and Profile-Keys are stored only as their sha256 hex digest. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
