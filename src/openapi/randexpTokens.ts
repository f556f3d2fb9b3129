/**
 * randexp, the generator of strings from a regular expression, and the tokens of its parse, for
 * the modules that read a pattern's structure (lengths, anchors) rather than only build strings.
 */
import randexp from 'randexp';

// randexp is CommonJS (`module.exports = RandExp`): Node's default import is the class itself, its typings say `.default`.
export const RandExp = ((randexp as unknown as { default?: unknown }).default ?? randexp) as typeof randexp.default;

/** A token of randexp's parse (ret): ROOT 0, GROUP 1, POSITION 2, SET 3, RANGE 4, REPETITION 5, REFERENCE 6, CHAR 7. */
export interface RetToken {
  type: number;
  stack?: RetToken[];
  options?: RetToken[][];
  min?: number;
  max?: number;
  /** A REPETITION's repeated token, a CHAR's code, a POSITION's character. */
  value?: unknown;
  followedBy?: boolean;
  notFollowedBy?: boolean;
}

/** The root token of `generator`'s parse of its pattern. */
export const parsedTokens = (generator: InstanceType<typeof RandExp>): RetToken => (generator as unknown as { tokens: RetToken }).tokens;
